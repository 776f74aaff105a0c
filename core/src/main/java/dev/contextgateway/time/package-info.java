/**
 * Injected time and randomness: a monotonic {@link dev.contextgateway.time.Ticker} and a
 * {@link dev.contextgateway.time.Scheduler} for delayed work. Every component that measures or
 * waits takes both, so tests advance a fake clock instead of sleeping; components that draw random
 * numbers take a {@link java.util.random.RandomGenerator}, by default {@link
 * dev.contextgateway.time.ThreadLocalRandomSource}.
 */
@NullMarked
package dev.contextgateway.time;

import org.jspecify.annotations.NullMarked;

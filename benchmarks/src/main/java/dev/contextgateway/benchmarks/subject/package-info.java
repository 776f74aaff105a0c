/**
 * The implementations under test behind one small facade, {@link
 * dev.contextgateway.benchmarks.subject.BenchmarkCache}: the seed's designs, Caffeine, a raw
 * {@code ConcurrentHashMap} and the {@code ContextCache}, named as the reports name them ({@link
 * dev.contextgateway.benchmarks.subject.Impl}), all generating through one instrumented {@link
 * dev.contextgateway.benchmarks.subject.SimulatedGenerator} that counts generator calls and
 * expiries the same way for every implementation.
 */
@NullMarked
package dev.contextgateway.benchmarks.subject;

import org.jspecify.annotations.NullMarked;

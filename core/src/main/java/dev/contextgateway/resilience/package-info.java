/**
 * Resilience around an {@link dev.contextgateway.llm.LlmClient}: {@link
 * dev.contextgateway.resilience.ResiliencePolicy} composes retry, rate limiting, circuit breaking
 * and a per-attempt deadline, in that order from the caller inward. Everything is non-blocking:
 * waits are tasks on the injected {@link dev.contextgateway.time.Scheduler}, all time is read from
 * the injected {@link dev.contextgateway.time.Ticker}, and randomness is injected.
 *
 * <p>The API is the policy, its three settings classes, {@link
 * dev.contextgateway.resilience.ResilienceListener} with {@link
 * dev.contextgateway.resilience.Rejection}, {@link dev.contextgateway.resilience.CircuitState} and
 * {@link dev.contextgateway.resilience.CircuitOpenException}; the rest is package-private.
 */
@NullMarked
package dev.contextgateway.resilience;

import org.jspecify.annotations.NullMarked;

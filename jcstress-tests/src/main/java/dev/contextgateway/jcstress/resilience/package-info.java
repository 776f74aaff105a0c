/**
 * jcstress tests of the circuit breaker of {@link dev.contextgateway.resilience.ResiliencePolicy}
 * in half-open (I7), driven through the public API: a policy decorating a fake client on fake
 * time, with everything (limiter, breaker, outcomes) on the calling thread, so every race is
 * between the actors themselves. Beside it a deliberately broken breaker written here ({@link
 * dev.contextgateway.jcstress.resilience.CheckThenActBreaker}), which the same test must catch.
 */
package dev.contextgateway.jcstress.resilience;

package dev.contextgateway.resilience;

/** Why a {@link ResiliencePolicy} refused to send an attempt, as reported to its listener. */
public enum Rejection {
  /** The circuit breaker is open (or half-open with no trial call left). */
  CIRCUIT_OPEN,
  /**
   * The rate limiter could not admit the call before its deadline: its wait for tokens, or the
   * shared pause after a 429, ends too late.
   */
  RATE_LIMITED,
  /** A retry was due but the retry budget was spent. */
  RETRY_BUDGET_EXHAUSTED
}

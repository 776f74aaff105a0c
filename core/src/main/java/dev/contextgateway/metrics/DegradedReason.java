package dev.contextgateway.metrics;

/** Why the gateway served a degraded response. */
public enum DegradedReason {
  /** The circuit breaker was open and rejected the LLM call. */
  BREAKER_OPEN,
  /** The rate limiter (or the LLM's 429s) left no time to call within the deadline. */
  RATE_LIMITED,
  /** The LLM's daily quota is exhausted. */
  QUOTA_EXHAUSTED,
  /** The request's deadline passed before the LLM answered. */
  DEADLINE,
  /** The LLM was unavailable (5xx, connection failure) after retries. */
  LLM_UNAVAILABLE,
  /** The LLM answered with something unusable. */
  LLM_BAD_RESPONSE,
  /** Any other failure of the generation. */
  OTHER
}

package dev.contextgateway.metrics;

/** The latencies the gateway records, each in its own histogram, in nanoseconds. */
public enum Latency {
  /** A whole {@code prepareContext} call, from arrival to response (or failure). */
  GATEWAY,
  /** One generation of a context: discovery plus the LLM, retries included. */
  GENERATION,
  /** One LLM call attempt, successful or not. */
  LLM_CALL,
  /** Time spent waiting for the rate limiter before a call, 0 for a call admitted at once. */
  LIMITER_WAIT
}

package dev.contextgateway.metrics;

/** What a degraded response served in place of a fresh LLM-prepared context. */
public enum DegradedMode {
  /** A stale cached context, within its stale-if-error window. */
  STALE,
  /** A context ranked locally (lexical ranking, no LLM summary). */
  LOCAL
}

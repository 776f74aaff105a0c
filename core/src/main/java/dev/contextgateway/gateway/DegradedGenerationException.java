package dev.contextgateway.gateway;

import dev.contextgateway.metrics.DegradedReason;

/**
 * A generation whose LLM step failed, carrying the locally ranked context to serve instead. It
 * fails the generation, so the cache stores nothing and a stale entry may be served in its place;
 * the gateway turns it into a degraded answer and callers never see it.
 */
final class DegradedGenerationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient GeneratedContext local;
  private final DegradedReason reason;

  DegradedGenerationException(GeneratedContext local, DegradedReason reason, Throwable cause) {
    super("LLM step failed (" + reason + "); a locally ranked context is available", cause);
    this.local = local;
    this.reason = reason;
  }

  GeneratedContext local() {
    return local;
  }

  DegradedReason reason() {
    return reason;
  }
}

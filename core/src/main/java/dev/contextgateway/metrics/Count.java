package dev.contextgateway.metrics;

/**
 * The plain counters, and the layout of every counter in one array: these first, then cache
 * look-ups by {@link CacheLookup}, LLM errors by {@link LlmErrorKind}, and degraded responses by
 * {@link DegradedMode} and {@link DegradedReason}.
 */
enum Count {
  REQUESTS,
  REQUESTS_SUCCEEDED,
  REQUESTS_FAILED,
  GENERATIONS,
  GENERATION_FAILURES,
  LLM_CALLS,
  RETRIES,
  LIMITER_WAITS,
  LIMITER_REJECTIONS,
  BREAKER_REJECTIONS,
  WATCHER_ERRORS,
  WORKSPACE_INVALIDATIONS;

  private static final int CACHE_BASE = values().length;
  private static final int LLM_ERROR_BASE = CACHE_BASE + CacheLookup.values().length;
  private static final int DEGRADED_BASE = LLM_ERROR_BASE + LlmErrorKind.values().length;

  /** The number of slots in the layout. */
  static final int SIZE =
      DEGRADED_BASE + DegradedMode.values().length * DegradedReason.values().length;

  int index() {
    return ordinal();
  }

  static int index(CacheLookup lookup) {
    return CACHE_BASE + lookup.ordinal();
  }

  static int index(LlmErrorKind kind) {
    return LLM_ERROR_BASE + kind.ordinal();
  }

  static int index(DegradedMode mode, DegradedReason reason) {
    return DEGRADED_BASE + mode.ordinal() * DegradedReason.values().length + reason.ordinal();
  }
}

package dev.contextgateway.metrics;

/** The kind of a failed LLM call, as the LLM client's typed errors classify it. */
public enum LlmErrorKind {
  /** 429 with a retry delay. */
  RATE_LIMITED,
  /** 429 for a daily quota: terminal until the quota resets. */
  QUOTA_EXHAUSTED,
  /** The call's deadline passed. */
  TIMEOUT,
  /** 5xx, connection or I/O failure. */
  UNAVAILABLE,
  /** A 4xx other than 429: the request was wrong, not retried. */
  BAD_REQUEST,
  /** A malformed, truncated or empty response. */
  BAD_RESPONSE,
  /** Anything else. */
  OTHER
}

package dev.contextgateway.llm;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The call was refused for a rate limit: the provider answered HTTP 429 for a per-minute quota, or
 * a local rate limiter could not admit the call before its deadline. Retryable, but not before
 * {@link #retryDelay()} when one is given.
 */
public final class RateLimitedException extends LlmException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryDelay;
  private final @Nullable String quotaId;

  /**
   * @param retryDelay how long to wait before sending again, if known
   * @param quotaId the provider's id of the exceeded quota, if known
   */
  public RateLimitedException(
      String message, @Nullable Duration retryDelay, @Nullable String quotaId) {
    super(message, null);
    this.retryDelay = retryDelay;
    this.quotaId = quotaId;
  }

  /** How long to wait before sending again (the provider's {@code RetryInfo.retryDelay}). */
  public Optional<Duration> retryDelay() {
    return Optional.ofNullable(retryDelay);
  }

  /** The id of the exceeded quota (from the provider's {@code QuotaFailure}), if given. */
  public Optional<String> quotaId() {
    return Optional.ofNullable(quotaId);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}

package dev.contextgateway.llm;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The provider answered HTTP 429 for a quota that does not refill within minutes (a per-day quota,
 * such as {@code GenerateRequestsPerDayPerProjectPerModel}). Not retryable: callers should degrade
 * rather than wait.
 */
public final class QuotaExhaustedException extends LlmException {
  private static final long serialVersionUID = 1L;

  private final String quotaId;
  private final @Nullable Duration retryDelay;

  /**
   * @param quotaId the provider's id of the exhausted quota
   * @param retryDelay the provider's retry delay, if it gave one
   */
  public QuotaExhaustedException(String message, String quotaId, @Nullable Duration retryDelay) {
    super(message, null);
    this.quotaId = quotaId;
    this.retryDelay = retryDelay;
  }

  /** The id of the exhausted quota. */
  public String quotaId() {
    return quotaId;
  }

  /** The provider's retry delay, if it gave one; rate limiters honour it as a pause. */
  public Optional<Duration> retryDelay() {
    return Optional.ofNullable(retryDelay);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}

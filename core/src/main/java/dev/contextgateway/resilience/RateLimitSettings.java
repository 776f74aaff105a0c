package dev.contextgateway.resilience;

import dev.contextgateway.internal.Checks;
import dev.contextgateway.llm.LlmRequest;

/**
 * Limits on the calls a {@link ResiliencePolicy} admits: requests per minute and estimated input
 * tokens per minute, each a token bucket with a burst. Immutable; built by {@link #builder()}.
 *
 * <h2>Guarantee (I8)</h2>
 *
 * Over any time window of length {@code T}, the calls admitted number at most {@code requestBurst +
 * requestsPerMinute × T / 1 min}, and their token charges sum to at most {@code inputTokenBurst +
 * inputTokensPerMinute × T / 1 min}. With the default bursts (a minute's worth) that is at most
 * twice the per-minute figure in any one minute and the per-minute figure sustained; set smaller
 * bursts to stay further inside a provider's quota.
 *
 * <h2>Token estimate</h2>
 *
 * A call is charged {@code ceil(promptChars / 4)} input tokens (at least 1), the usual rule of
 * thumb for English text and code; a charge above {@code inputTokenBurst} is cut to it, so that one
 * large prompt waits for a full bucket instead of never being admitted.
 */
public final class RateLimitSettings {
  /** The characters per token of the input estimate. */
  static final int CHARS_PER_TOKEN = 4;

  private final long requestsPerMinute;
  private final long requestBurst;
  private final long inputTokensPerMinute;
  private final long inputTokenBurst;

  private RateLimitSettings(Builder builder) {
    this.requestsPerMinute = builder.requestsPerMinute;
    this.requestBurst = builder.requestBurst > 0 ? builder.requestBurst : builder.requestsPerMinute;
    this.inputTokensPerMinute = builder.inputTokensPerMinute;
    this.inputTokenBurst =
        builder.inputTokenBurst > 0 ? builder.inputTokenBurst : builder.inputTokensPerMinute;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Requests admitted per minute, sustained; {@code 0} when requests are not limited. */
  public long requestsPerMinute() {
    return requestsPerMinute;
  }

  /** Requests that may be admitted at once; {@code 0} when requests are not limited. */
  public long requestBurst() {
    return requestBurst;
  }

  /** Estimated input tokens admitted per minute; {@code 0} when tokens are not limited. */
  public long inputTokensPerMinute() {
    return inputTokensPerMinute;
  }

  /** Estimated input tokens that may be admitted at once; {@code 0} when not limited. */
  public long inputTokenBurst() {
    return inputTokenBurst;
  }

  /** The input tokens a request is estimated at: {@code ceil(promptChars / 4)}, at least 1. */
  public static long estimateInputTokens(LlmRequest request) {
    long chars = request.prompt().length();
    return Math.max(1, (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
  }

  @Override
  public String toString() {
    return "RateLimitSettings[requestsPerMinute="
        + requestsPerMinute
        + ", requestBurst="
        + requestBurst
        + ", inputTokensPerMinute="
        + inputTokensPerMinute
        + ", inputTokenBurst="
        + inputTokenBurst
        + "]";
  }

  /**
   * Builds {@link RateLimitSettings}; at least one of the per-minute limits must be set. Not
   * thread-safe; each setting is validated when set.
   */
  public static final class Builder {
    private long requestsPerMinute;
    private long requestBurst;
    private long inputTokensPerMinute;
    private long inputTokenBurst;

    private Builder() {}

    /** Requests per minute, sustained. Unset: requests are not limited. */
    public Builder requestsPerMinute(long requestsPerMinute) {
      this.requestsPerMinute = Checks.positive("requestsPerMinute", requestsPerMinute);
      return this;
    }

    /** Requests admitted at once after a quiet spell; default {@link #requestsPerMinute}. */
    public Builder requestBurst(long requestBurst) {
      this.requestBurst = Checks.positive("requestBurst", requestBurst);
      return this;
    }

    /** Estimated input tokens per minute, sustained. Unset: tokens are not limited. */
    public Builder inputTokensPerMinute(long inputTokensPerMinute) {
      this.inputTokensPerMinute = Checks.positive("inputTokensPerMinute", inputTokensPerMinute);
      return this;
    }

    /** Estimated input tokens admitted at once; default {@link #inputTokensPerMinute}. */
    public Builder inputTokenBurst(long inputTokenBurst) {
      this.inputTokenBurst = Checks.positive("inputTokenBurst", inputTokenBurst);
      return this;
    }

    /**
     * Builds the settings.
     *
     * @throws IllegalStateException if neither per-minute limit is set, or a burst is set without
     *     its per-minute limit
     */
    public RateLimitSettings build() {
      if (requestsPerMinute == 0 && inputTokensPerMinute == 0) {
        throw new IllegalStateException(
            "requestsPerMinute or inputTokensPerMinute must be set; for no limit, set no rate"
                + " limit");
      }
      if (requestBurst > 0 && requestsPerMinute == 0) {
        throw new IllegalStateException(
            "requestBurst was set to " + requestBurst + " without requestsPerMinute");
      }
      if (inputTokenBurst > 0 && inputTokensPerMinute == 0) {
        throw new IllegalStateException(
            "inputTokenBurst was set to " + inputTokenBurst + " without inputTokensPerMinute");
      }
      return new RateLimitSettings(this);
    }
  }
}

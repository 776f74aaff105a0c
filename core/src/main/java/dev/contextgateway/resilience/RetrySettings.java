package dev.contextgateway.resilience;

import dev.contextgateway.internal.Checks;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link ResiliencePolicy} retries. Immutable; built by {@link #builder()}.
 *
 * <h2>Backoff</h2>
 *
 * Before attempt {@code n + 1} the policy waits a delay drawn uniformly from {@code [0, min(
 * maxBackoff, initialBackoff × multiplier^(n-1)))} ("full jitter"), or the provider's retry delay
 * if that is longer: it never retries sooner than the provider asked.
 *
 * <h2>What is retried</h2>
 *
 * Only failures whose {@link dev.contextgateway.llm.LlmException#retryable()} is true: rate limits,
 * timeouts of an {@linkplain #attemptTimeout attempt}, unavailability and bad responses. Never a
 * per-day quota, a bad request, an open circuit, or an exception that is not an {@code
 * LlmException}. A retry that could not start before the caller's deadline is not made: the call
 * fails at once with the last failure.
 *
 * <h2>Retry budget</h2>
 *
 * Retries are capped across all calls so that a struggling provider is not hit with a multiple of
 * the normal load. Over the last {@link #budgetWindow} the policy counts calls started ({@code R})
 * and retries granted ({@code T}); a retry is granted only while {@code T < budgetMinimumRetries +
 * budgetRatio × R}. The window is kept as ten slices of a tenth each and slides a slice at a time,
 * so counts older than between 0.9 and 1.0 windows are forgotten. With the defaults (ratio 0.1,
 * minimum 10, window 60 s) a busy service retries at most about 10 % of its calls, and a quiet one
 * still gets ten retries a minute.
 */
public final class RetrySettings {
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final @Nullable Duration attemptTimeout;
  private final double budgetRatio;
  private final int budgetMinimumRetries;
  private final Duration budgetWindow;

  private RetrySettings(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.multiplier = builder.multiplier;
    this.attemptTimeout = builder.attemptTimeout;
    this.budgetRatio = builder.budgetRatio;
    this.budgetMinimumRetries = builder.budgetMinimumRetries;
    this.budgetWindow = builder.budgetWindow;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The defaults: 3 attempts, backoff 1 s doubling up to 30 s, budget 10 % + 10 per minute. */
  public static RetrySettings defaults() {
    return builder().build();
  }

  /** No retries: one attempt per call. */
  public static RetrySettings none() {
    return builder().maxAttempts(1).build();
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public double multiplier() {
    return multiplier;
  }

  /** The most one attempt may take, within the caller's deadline; empty: the caller's deadline. */
  public Optional<Duration> attemptTimeout() {
    return Optional.ofNullable(attemptTimeout);
  }

  public double budgetRatio() {
    return budgetRatio;
  }

  public int budgetMinimumRetries() {
    return budgetMinimumRetries;
  }

  public Duration budgetWindow() {
    return budgetWindow;
  }

  @Override
  public String toString() {
    return "RetrySettings[maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", multiplier="
        + multiplier
        + ", attemptTimeout="
        + attemptTimeout
        + ", budgetRatio="
        + budgetRatio
        + ", budgetMinimumRetries="
        + budgetMinimumRetries
        + ", budgetWindow="
        + budgetWindow
        + "]";
  }

  /** Builds {@link RetrySettings}. Not thread-safe; each setting is validated when set. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private double multiplier = 2.0;
    private @Nullable Duration attemptTimeout;
    private double budgetRatio = 0.1;
    private int budgetMinimumRetries = 10;
    private Duration budgetWindow = Duration.ofMinutes(1);

    private Builder() {}

    /** Attempts per call, the first included; 1 means no retries. Default 3. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The backoff cap before the first retry. Default 1 s. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = Checks.positive("initialBackoff", initialBackoff);
      return this;
    }

    /** The largest backoff cap. Default 30 s. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Checks.positive("maxBackoff", maxBackoff);
      return this;
    }

    /** Growth of the backoff cap per retry, at least 1. Default 2. */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("multiplier must be finite and >= 1, was " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /**
     * The most one attempt may take (never past the caller's deadline), so that a hung attempt can
     * be abandoned and retried while time remains. Default: none, each attempt may use all of the
     * caller's remaining time.
     */
    public Builder attemptTimeout(Duration attemptTimeout) {
      this.attemptTimeout = Checks.positive("attemptTimeout", attemptTimeout);
      return this;
    }

    /** The share of calls that may be retried, in [0, 1]. Default 0.1. */
    public Builder budgetRatio(double budgetRatio) {
      if (!(budgetRatio >= 0 && budgetRatio <= 1)) {
        throw new IllegalArgumentException("budgetRatio must be in [0, 1], was " + budgetRatio);
      }
      this.budgetRatio = budgetRatio;
      return this;
    }

    /** Retries allowed per window whatever the traffic, at least 0. Default 10. */
    public Builder budgetMinimumRetries(int budgetMinimumRetries) {
      if (budgetMinimumRetries < 0) {
        throw new IllegalArgumentException(
            "budgetMinimumRetries must be >= 0, was " + budgetMinimumRetries);
      }
      this.budgetMinimumRetries = budgetMinimumRetries;
      return this;
    }

    /** The sliding window of the budget, at least 10 ms. Default 1 min. */
    public Builder budgetWindow(Duration budgetWindow) {
      Objects.requireNonNull(budgetWindow, "budgetWindow");
      if (budgetWindow.compareTo(Duration.ofMillis(10)) < 0) {
        throw new IllegalArgumentException(
            "budgetWindow must be at least 10ms, was " + budgetWindow);
      }
      this.budgetWindow = budgetWindow;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @throws IllegalStateException if {@code maxBackoff} is below {@code initialBackoff}
     */
    public RetrySettings build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalStateException(
            "maxBackoff must be >= initialBackoff, was " + maxBackoff + " < " + initialBackoff);
      }
      return new RetrySettings(this);
    }
  }
}

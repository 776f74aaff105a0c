package dev.contextgateway.resilience;

import dev.contextgateway.internal.Checks;
import java.time.Duration;
import java.util.Objects;

/**
 * The circuit breaker of a {@link ResiliencePolicy} (a Resilience4j {@code CircuitBreaker} with a
 * count-based sliding window). Immutable; built by {@link #builder()}.
 *
 * <h2>What counts</h2>
 *
 * Failures: timeouts, unavailability, bad responses and any exception that is not an {@code
 * LlmException}. Successes: answers, and bad requests (the provider answered; the request was at
 * fault). Neither: rate limits and exhausted quotas (the provider is healthy and said so). A call
 * slower than {@link #slowCallDuration} is slow whatever its outcome.
 *
 * <h2>States</h2>
 *
 * The breaker opens when, over the last {@link #slidingWindowSize} calls and once at least {@link
 * #minimumNumberOfCalls} were recorded, the failure rate reaches {@link #failureRateThreshold} or
 * the slow-call rate reaches {@link #slowCallRateThreshold}. Open, it fails calls at once with
 * {@link CircuitOpenException}. After {@link #waitInOpenState} the first call to arrive moves it to
 * half-open (no timer thread is involved); half-open, it admits exactly {@link
 * #permittedCallsInHalfOpenState} trial calls, then closes if their failure and slow rates are
 * below the thresholds and opens again otherwise.
 */
public final class CircuitBreakerSettings {
  private final float failureRateThreshold;
  private final float slowCallRateThreshold;
  private final Duration slowCallDuration;
  private final int slidingWindowSize;
  private final int minimumNumberOfCalls;
  private final Duration waitInOpenState;
  private final int permittedCallsInHalfOpenState;

  private CircuitBreakerSettings(Builder builder) {
    this.failureRateThreshold = builder.failureRateThreshold;
    this.slowCallRateThreshold = builder.slowCallRateThreshold;
    this.slowCallDuration = builder.slowCallDuration;
    this.slidingWindowSize = builder.slidingWindowSize;
    this.minimumNumberOfCalls =
        builder.minimumNumberOfCalls > 0 ? builder.minimumNumberOfCalls : builder.slidingWindowSize;
    this.waitInOpenState = builder.waitInOpenState;
    this.permittedCallsInHalfOpenState = builder.permittedCallsInHalfOpenState;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The defaults: 50 % failures or slow calls (over 60 s) of 20 calls, open 30 s, 3 trials. */
  public static CircuitBreakerSettings defaults() {
    return builder().build();
  }

  public float failureRateThreshold() {
    return failureRateThreshold;
  }

  public float slowCallRateThreshold() {
    return slowCallRateThreshold;
  }

  public Duration slowCallDuration() {
    return slowCallDuration;
  }

  public int slidingWindowSize() {
    return slidingWindowSize;
  }

  public int minimumNumberOfCalls() {
    return minimumNumberOfCalls;
  }

  public Duration waitInOpenState() {
    return waitInOpenState;
  }

  public int permittedCallsInHalfOpenState() {
    return permittedCallsInHalfOpenState;
  }

  @Override
  public String toString() {
    return "CircuitBreakerSettings[failureRateThreshold="
        + failureRateThreshold
        + ", slowCallRateThreshold="
        + slowCallRateThreshold
        + ", slowCallDuration="
        + slowCallDuration
        + ", slidingWindowSize="
        + slidingWindowSize
        + ", minimumNumberOfCalls="
        + minimumNumberOfCalls
        + ", waitInOpenState="
        + waitInOpenState
        + ", permittedCallsInHalfOpenState="
        + permittedCallsInHalfOpenState
        + "]";
  }

  /** Builds {@link CircuitBreakerSettings}. Not thread-safe; each setting is validated when set. */
  public static final class Builder {
    private float failureRateThreshold = 50;
    private float slowCallRateThreshold = 50;
    private Duration slowCallDuration = Duration.ofSeconds(60);
    private int slidingWindowSize = 20;
    private int minimumNumberOfCalls;
    private Duration waitInOpenState = Duration.ofSeconds(30);
    private int permittedCallsInHalfOpenState = 3;

    private Builder() {}

    /** Percentage of failed calls that opens the breaker, in (0, 100]. Default 50. */
    public Builder failureRateThreshold(float percent) {
      this.failureRateThreshold = percentage("failureRateThreshold", percent);
      return this;
    }

    /** Percentage of slow calls that opens the breaker, in (0, 100]. Default 50. */
    public Builder slowCallRateThreshold(float percent) {
      this.slowCallRateThreshold = percentage("slowCallRateThreshold", percent);
      return this;
    }

    /** Calls taking longer than this are slow. Default 60 s. */
    public Builder slowCallDuration(Duration slowCallDuration) {
      this.slowCallDuration = Checks.positive("slowCallDuration", slowCallDuration);
      return this;
    }

    /** The number of most recent calls the rates are taken over. Default 20. */
    public Builder slidingWindowSize(int calls) {
      if (calls < 1) {
        throw new IllegalArgumentException("slidingWindowSize must be at least 1, was " + calls);
      }
      this.slidingWindowSize = calls;
      return this;
    }

    /** Calls recorded before the rates are judged, at most the window. Default: the window. */
    public Builder minimumNumberOfCalls(int calls) {
      if (calls < 1) {
        throw new IllegalArgumentException("minimumNumberOfCalls must be at least 1, was " + calls);
      }
      this.minimumNumberOfCalls = calls;
      return this;
    }

    /** How long the breaker stays open before trial calls, at least 1 ms. Default 30 s. */
    public Builder waitInOpenState(Duration wait) {
      Objects.requireNonNull(wait, "waitInOpenState");
      if (wait.compareTo(Duration.ofMillis(1)) < 0) {
        throw new IllegalArgumentException("waitInOpenState must be at least 1ms, was " + wait);
      }
      this.waitInOpenState = wait;
      return this;
    }

    /** Trial calls admitted while half-open. Default 3. */
    public Builder permittedCallsInHalfOpenState(int calls) {
      if (calls < 1) {
        throw new IllegalArgumentException(
            "permittedCallsInHalfOpenState must be at least 1, was " + calls);
      }
      this.permittedCallsInHalfOpenState = calls;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @throws IllegalStateException if {@code minimumNumberOfCalls} exceeds the window, or the
     *     half-open trials exceed {@code minimumNumberOfCalls}
     */
    public CircuitBreakerSettings build() {
      if (minimumNumberOfCalls > slidingWindowSize) {
        throw new IllegalStateException(
            "minimumNumberOfCalls must be <= slidingWindowSize, was "
                + minimumNumberOfCalls
                + " > "
                + slidingWindowSize);
      }
      // Resilience4j decides the half-open state after min(minimumNumberOfCalls, trials)
      // outcomes; with fewer than the trials, the first outcome alone would close or reopen the
      // breaker while the other trials are still in flight.
      int minimum = minimumNumberOfCalls > 0 ? minimumNumberOfCalls : slidingWindowSize;
      if (permittedCallsInHalfOpenState > minimum) {
        throw new IllegalStateException(
            "permittedCallsInHalfOpenState must be <= minimumNumberOfCalls, was "
                + permittedCallsInHalfOpenState
                + " > "
                + minimum);
      }
      return new CircuitBreakerSettings(this);
    }

    private static float percentage(String setting, float percent) {
      if (!(percent > 0 && percent <= 100)) {
        throw new IllegalArgumentException(setting + " must be in (0, 100], was " + percent);
      }
      return percent;
    }
  }
}

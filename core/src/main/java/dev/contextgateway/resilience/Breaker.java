package dev.contextgateway.resilience;

import dev.contextgateway.llm.BadRequestException;
import dev.contextgateway.llm.QuotaExhaustedException;
import dev.contextgateway.llm.RateLimitedException;
import dev.contextgateway.time.Ticker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The policy's circuit breaker: a Resilience4j {@link CircuitBreaker} whose time is the injected
 * ticker, used through its permission API so that calls stay asynchronous.
 *
 * <h2>Implementation notes</h2>
 *
 * <p><b>Time.</b> Resilience4j reads two clocks: {@code clock.instant()} for the end of the open
 * state, and {@code currentTimestampFunction} for call durations. Both read the injected ticker
 * here ({@link TickerClock}, and the ticker itself in nanoseconds); call durations are measured by
 * the caller anyway and passed in.
 *
 * <p><b>Open to half-open without a thread.</b> Automatic transition is off, so Resilience4j starts
 * no timer: the first {@link #tryAcquirePermission()} after the open wait (strictly after, at
 * millisecond resolution) moves the breaker to half-open under Resilience4j's lock and takes one of
 * the half-open permits. {@link #state()} therefore still says OPEN after the wait until a call
 * arrives.
 *
 * <p><b>Half-open.</b> Resilience4j hands out exactly {@code permittedCallsInHalfOpenState} permits
 * with an atomic counter; calls beyond them are refused (I7). A permit taken must be given back by
 * exactly one of {@link #onResult} or {@link #release}.
 *
 * <p><b>Classification.</b> Rate limits and exhausted quotas are ignored (the permit is released,
 * nothing recorded); bad requests are recorded as successes; everything else is a failure.
 */
final class Breaker {
  private final CircuitBreaker breaker;

  Breaker(CircuitBreakerSettings settings, Ticker ticker, ResilienceListener listener) {
    CircuitBreakerConfig config =
        CircuitBreakerConfig.custom()
            .failureRateThreshold(settings.failureRateThreshold())
            .slowCallRateThreshold(settings.slowCallRateThreshold())
            .slowCallDurationThreshold(settings.slowCallDuration())
            .slidingWindow(
                settings.slidingWindowSize(),
                settings.minimumNumberOfCalls(),
                CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .waitDurationInOpenState(settings.waitInOpenState())
            .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
            .automaticTransitionFromOpenToHalfOpenEnabled(false)
            .ignoreException(Breaker::ignored)
            .recordException(error -> !ignored(error) && !(error instanceof BadRequestException))
            .clock(new TickerClock(ticker))
            .currentTimestampFunction(clock -> ticker.read(), TimeUnit.NANOSECONDS)
            .writableStackTraceEnabled(false)
            .build();
    this.breaker = CircuitBreaker.of("llm", config);
    breaker
        .getEventPublisher()
        .onStateTransition(
            event ->
                listener.onStateTransition(
                    map(event.getStateTransition().getFromState()),
                    map(event.getStateTransition().getToState())));
  }

  private static boolean ignored(Throwable error) {
    return error instanceof RateLimitedException || error instanceof QuotaExhaustedException;
  }

  /** Takes a permit if the breaker lets a call through now. */
  boolean tryAcquirePermission() {
    return breaker.tryAcquirePermission();
  }

  /** Records the outcome of a permitted call that took {@code nanos}; returns the permit. */
  void onResult(long nanos, @Nullable Throwable failure) {
    if (failure == null) {
      breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    } else {
      breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
    }
  }

  /** Returns a permit without recording anything (the caller abandoned the call). */
  void release() {
    breaker.releasePermission();
  }

  CircuitState state() {
    return map(breaker.getState());
  }

  /**
   * A failure rate summary for messages, e.g. {@code "failure rate 60.0%, slow-call rate 0.0%"}.
   */
  String describe() {
    CircuitBreaker.Metrics metrics = breaker.getMetrics();
    return "failure rate "
        + metrics.getFailureRate()
        + "%, slow-call rate "
        + metrics.getSlowCallRate()
        + "%";
  }

  private static CircuitState map(CircuitBreaker.State state) {
    return switch (state) {
      case OPEN, FORCED_OPEN -> CircuitState.OPEN;
      case HALF_OPEN -> CircuitState.HALF_OPEN;
      default -> CircuitState.CLOSED;
    };
  }
}

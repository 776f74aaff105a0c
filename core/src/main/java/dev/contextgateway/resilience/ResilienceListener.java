package dev.contextgateway.resilience;

import dev.contextgateway.llm.LlmException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Observes what a {@link ResiliencePolicy} does, for metrics and logs. Every method has a no-op
 * default, so an implementation overrides what it needs.
 *
 * <p>Methods are called synchronously on whichever thread caused the event (a caller, a timer, the
 * thread completing an HTTP exchange), possibly concurrently, so they must be thread-safe, quick
 * and non-blocking. An exception thrown by a method is logged and otherwise ignored; it never
 * affects a call.
 */
public interface ResilienceListener {

  /**
   * The circuit breaker moved from {@code from} to {@code to}. The breaker changes state before it
   * reports the change, so reports of transitions that happen close together may arrive out of
   * order; {@link ResiliencePolicy#circuitState()} is the current state.
   */
  default void onStateTransition(CircuitState from, CircuitState to) {}

  /** An attempt was refused before it was sent, or a due retry was not made. */
  default void onRejected(Rejection rejection) {}

  /**
   * An attempt was admitted by the rate limiter after waiting {@code waited}; called for every
   * admission, with zero when it went at once, so that a histogram of waits is complete.
   */
  default void onLimiterWait(Duration waited) {}

  /** A 429 with a retry delay paused all sending for {@code pause} from now. */
  default void onPause(Duration pause) {}

  /**
   * Attempt {@code attempt} (2 for the first retry) will start after {@code delay} because the
   * previous one failed with {@code cause}.
   */
  default void onRetry(int attempt, Duration delay, LlmException cause) {}

  /**
   * An attempt reached the client and ended after {@code elapsed}, successfully if {@code failure}
   * is {@code null}. Not called for an attempt the caller abandoned by cancelling.
   */
  default void onAttempt(Duration elapsed, @Nullable Throwable failure) {}
}

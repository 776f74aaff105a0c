package dev.contextgateway.resilience;

import dev.contextgateway.llm.LlmException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a {@link ResilienceListener}, logging and swallowing what it throws. */
final class SafeListener implements ResilienceListener {
  private static final Logger log = LoggerFactory.getLogger(SafeListener.class);

  private final ResilienceListener delegate;

  SafeListener(ResilienceListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void onStateTransition(CircuitState from, CircuitState to) {
    run(() -> delegate.onStateTransition(from, to), "onStateTransition");
  }

  @Override
  public void onRejected(Rejection rejection) {
    run(() -> delegate.onRejected(rejection), "onRejected");
  }

  @Override
  public void onLimiterWait(Duration waited) {
    run(() -> delegate.onLimiterWait(waited), "onLimiterWait");
  }

  @Override
  public void onPause(Duration pause) {
    run(() -> delegate.onPause(pause), "onPause");
  }

  @Override
  public void onRetry(int attempt, Duration delay, LlmException cause) {
    run(() -> delegate.onRetry(attempt, delay, cause), "onRetry");
  }

  @Override
  public void onAttempt(Duration elapsed, @Nullable Throwable failure) {
    run(() -> delegate.onAttempt(elapsed, failure), "onAttempt");
  }

  private static void run(Runnable event, String name) {
    try {
      event.run();
    } catch (RuntimeException e) {
      log.warn("ResilienceListener.{} threw; ignored", name, e);
    }
  }
}

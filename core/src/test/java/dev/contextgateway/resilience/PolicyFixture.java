package dev.contextgateway.resilience;

import dev.contextgateway.llm.LlmRequest;
import dev.contextgateway.llm.LlmResponse;
import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/** Fake time, a fixed random source, a recording listener, and helpers for policy tests. */
final class PolicyFixture {
  final FakeTime time = new FakeTime();
  final ScriptedLlmClient client = new ScriptedLlmClient(time);
  final RecordingListener events = new RecordingListener();

  /**
   * A policy builder on fake time, running continuations inline, with jitter fixed at {@code
   * jitter}.
   */
  ResiliencePolicy.Builder policy(double jitter) {
    return ResiliencePolicy.builder()
        .ticker(time)
        .scheduler(time)
        .executor(Runnable::run)
        .random(fixedRandom(jitter))
        .listener(events);
  }

  LlmRequest request(Duration timeout) {
    return LlmRequest.of(
        "a prompt of some forty characters long..", time.read() + timeout.toNanos());
  }

  static RandomGenerator fixedRandom(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return Double.doubleToLongBits(value);
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }

  /** The failure a completed future holds, unwrapped. */
  static Throwable failure(CompletableFuture<LlmResponse> future) {
    if (!future.isCompletedExceptionally()) {
      throw new AssertionError("expected a failed future, was " + future);
    }
    return future.handle((value, error) -> unwrap(error)).join();
  }

  private static Throwable unwrap(@Nullable Throwable error) {
    Throwable cause = error;
    while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause == null) {
      throw new AssertionError("no failure");
    }
    return cause;
  }

  /** Keeps every event in order, as text. */
  static final class RecordingListener implements ResilienceListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<CircuitState> states = new CopyOnWriteArrayList<>();
    final List<Duration> retryDelays = new CopyOnWriteArrayList<>();
    final List<Rejection> rejections = new CopyOnWriteArrayList<>();

    @Override
    public void onStateTransition(CircuitState from, CircuitState to) {
      states.add(to);
      events.add("transition " + from + "->" + to);
    }

    @Override
    public void onRejected(Rejection rejection) {
      rejections.add(rejection);
      events.add("rejected " + rejection);
    }

    @Override
    public void onLimiterWait(Duration waited) {
      events.add("waited " + waited);
    }

    @Override
    public void onPause(Duration pause) {
      events.add("pause " + pause);
    }

    @Override
    public void onRetry(int attempt, Duration delay, dev.contextgateway.llm.LlmException cause) {
      retryDelays.add(delay);
      events.add("retry " + attempt + " after " + delay);
    }

    @Override
    public void onAttempt(Duration elapsed, @Nullable Throwable failure) {
      events.add("attempt " + (failure == null ? "ok" : failure.getClass().getSimpleName()));
    }
  }
}

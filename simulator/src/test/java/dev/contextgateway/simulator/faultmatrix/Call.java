package dev.contextgateway.simulator.faultmatrix;

import dev.contextgateway.gateway.ContextRequest;
import dev.contextgateway.gateway.PreparedContext;
import dev.contextgateway.metrics.DegradedReason;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One caller's request and what it got, with the caller's own times ({@link System#nanoTime()}):
 * just before {@code prepareContext}, when {@code prepareContext} returned, and when its future
 * completed; and the thread that completed it.
 */
record Call(
    ContextRequest request,
    long startNanos,
    long returnedNanos,
    long endNanos,
    @Nullable PreparedContext context,
    @Nullable Throwable failure,
    String completedOn) {

  /** How long the caller waited. */
  Duration latency() {
    return Duration.ofNanos(endNanos - startNanos);
  }

  /** How long past its own timeout the caller waited (negative when it was answered earlier). */
  Duration overrun() {
    return latency().minus(request.timeout());
  }

  boolean succeeded() {
    return context != null;
  }

  /** The context served; fails if the call failed. */
  PreparedContext served() {
    if (context == null) {
      throw new AssertionError("the call failed instead of serving a context: " + failure, failure);
    }
    return context;
  }

  /** The degraded reason of the context served, or {@code null} for a context that is not degraded. */
  @Nullable DegradedReason reason() {
    return served().degradedReason();
  }

  Throwable failed() {
    return Objects.requireNonNull(failure, () -> "the call served " + context + " instead of failing");
  }

  /**
   * Fails unless every call completed within its timeout plus {@code margin}, listing every late
   * one, latest first.
   */
  static void assertAllWithinTimeout(List<Call> calls, Duration margin) {
    List<Call> late =
        calls.stream()
            .filter(call -> call.overrun().compareTo(margin) > 0)
            .sorted(Comparator.comparing(Call::overrun).reversed())
            .toList();
    Duration worst = calls.stream().map(Call::overrun).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    System.out.println("callers: " + calls.size() + ", latest past its timeout: " + worst.toMillis() + " ms");
    if (!late.isEmpty()) {
      StringBuilder message =
          new StringBuilder(late.size() + " of " + calls.size() + " callers waited longer than their timeout + " + margin.toMillis() + " ms:");
      late.forEach(call -> message.append("\n  ").append(call.overrun().toMillis()).append(" ms late: ").append(call));
      throw new AssertionError(message.toString());
    }
  }

  @Override
  public String toString() {
    return "Call[" + request.query() + ", " + latency().toMillis() + " ms of " + request.timeout().toMillis()
        + " ms (prepareContext returned after " + Duration.ofNanos(returnedNanos - startNanos).toMillis() + " ms), " + (context != null
            ? context.source() + (context.stale() ? " stale" : "") + (context.degraded() ? " degraded " + context.degradedReason() : "")
            : "failed " + failure) + ", completed on " + completedOn + "]";
  }
}

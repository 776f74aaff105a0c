package dev.contextgateway.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The gateway's figures over a period: cumulative since the metrics were created ({@link
 * GatewayMetrics#snapshot()}) or since the previous interval snapshot ({@link
 * GatewayMetrics#intervalSnapshot()}). Immutable and thread-safe.
 *
 * <p>Every event recorded is counted exactly once. The figures are read one after another, not
 * atomically: a snapshot taken while requests run may include an event in one figure and not yet
 * in a related one (a request counted but its latency not yet recorded). At quiescence all
 * figures agree.
 */
public final class MetricsSnapshot {
  private final long[] counts;
  private final Map<Latency, LatencySnapshot> latencies;
  private final BreakerState breakerState;
  private final Duration period;

  MetricsSnapshot(
      long[] counts, Map<Latency, LatencySnapshot> latencies, BreakerState breakerState, Duration period) {
    this.counts = counts.clone();
    this.latencies = Map.copyOf(new EnumMap<>(latencies));
    this.breakerState = breakerState;
    this.period = period;
  }

  /** The length of the period the figures cover, on the metrics' ticker. */
  public Duration period() {
    return period;
  }

  /** Requests that arrived. */
  public long requests() {
    return count(Count.REQUESTS);
  }

  /** Requests answered with a context (fresh, stale or degraded). */
  public long requestsSucceeded() {
    return count(Count.REQUESTS_SUCCEEDED);
  }

  /** Requests that failed (bad request, no fallback, deadline with nothing to serve). */
  public long requestsFailed() {
    return count(Count.REQUESTS_FAILED);
  }

  /** Cache look-ups with the given outcome. */
  public long cacheLookups(CacheLookup outcome) {
    return counts[Count.index(outcome)];
  }

  /** Generations run (discovery plus the LLM). */
  public long generations() {
    return count(Count.GENERATIONS);
  }

  /** Generations that failed. */
  public long generationFailures() {
    return count(Count.GENERATION_FAILURES);
  }

  /** Degraded responses, for any reason, in either mode. */
  public long degraded() {
    long total = 0;
    for (DegradedMode mode : DegradedMode.values()) {
      total += degraded(mode);
    }
    return total;
  }

  /** Degraded responses in {@code mode}, for any reason. */
  public long degraded(DegradedMode mode) {
    long total = 0;
    for (DegradedReason reason : DegradedReason.values()) {
      total += degraded(mode, reason);
    }
    return total;
  }

  /** Degraded responses for {@code reason}, in either mode. */
  public long degraded(DegradedReason reason) {
    long total = 0;
    for (DegradedMode mode : DegradedMode.values()) {
      total += degraded(mode, reason);
    }
    return total;
  }

  /** Degraded responses in {@code mode} for {@code reason}. */
  public long degraded(DegradedMode mode, DegradedReason reason) {
    return counts[Count.index(mode, reason)];
  }

  /** LLM call attempts, successful or not (each retry is an attempt). */
  public long llmCalls() {
    return count(Count.LLM_CALLS);
  }

  /** Failed LLM call attempts, of any kind. */
  public long llmErrors() {
    long total = 0;
    for (LlmErrorKind kind : LlmErrorKind.values()) {
      total += llmErrors(kind);
    }
    return total;
  }

  /** Failed LLM call attempts of {@code kind}. */
  public long llmErrors(LlmErrorKind kind) {
    return counts[Count.index(kind)];
  }

  /** Retries scheduled after a failed attempt. */
  public long retries() {
    return count(Count.RETRIES);
  }

  /** Calls that waited for the rate limiter before being admitted (not those admitted at once). */
  public long limiterWaits() {
    return count(Count.LIMITER_WAITS);
  }

  /** Calls the rate limiter rejected (the wait would have passed the deadline). */
  public long limiterRejections() {
    return count(Count.LIMITER_REJECTIONS);
  }

  /** Calls the circuit breaker rejected. */
  public long breakerRejections() {
    return count(Count.BREAKER_REJECTIONS);
  }

  /** Errors of the workspace watchers. */
  public long watcherErrors() {
    return count(Count.WATCHER_ERRORS);
  }

  /** Workspace invalidations by the watchers. */
  public long workspaceInvalidations() {
    return count(Count.WORKSPACE_INVALIDATIONS);
  }

  /** The breaker's state when the snapshot was taken. */
  public BreakerState breakerState() {
    return breakerState;
  }

  /** The distribution of {@code latency} over the period. */
  public LatencySnapshot latency(Latency latency) {
    LatencySnapshot snapshot = latencies.get(latency);
    if (snapshot == null) {
      throw new IllegalStateException("no histogram for " + latency);
    }
    return snapshot;
  }

  private long count(Count count) {
    return counts[count.index()];
  }

  @Override
  public String toString() {
    return "MetricsSnapshot{period=" + period + ", requests=" + requests() + ", succeeded="
        + requestsSucceeded() + ", failed=" + requestsFailed() + ", hits="
        + cacheLookups(CacheLookup.HIT) + ", stale=" + cacheLookups(CacheLookup.STALE)
        + ", misses=" + cacheLookups(CacheLookup.MISS) + ", degraded=" + degraded()
        + ", llmCalls=" + llmCalls() + ", llmErrors=" + llmErrors() + ", retries=" + retries()
        + ", breaker=" + breakerState + '}';
  }
}

package dev.contextgateway.metrics;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.contextgateway.time.Ticker;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's counters and latency histograms. The gateway calls the {@code record} methods;
 * operators read {@link #snapshot()} or {@link #intervalSnapshot()}, or bind the figures to
 * Micrometer with {@link GatewayMeterBinder}.
 *
 * <h2>What is counted</h2>
 *
 * <table>
 *   <caption>Recording methods</caption>
 *   <tr><th>method</th><th>counts</th><th>latency</th></tr>
 *   <tr><td>{@link #recordRequest()}</td><td>requests</td><td></td></tr>
 *   <tr><td>{@link #recordRequestSucceeded}, {@link #recordRequestFailed}</td>
 *       <td>requests succeeded / failed</td><td>{@link Latency#GATEWAY}</td></tr>
 *   <tr><td>{@link #recordCacheLookup}</td><td>hits, stale hits, misses</td><td></td></tr>
 *   <tr><td>{@link #recordGeneration}</td><td>generations, generation failures</td>
 *       <td>{@link Latency#GENERATION}</td></tr>
 *   <tr><td>{@link #recordDegraded}</td><td>degraded responses by mode and reason</td><td></td></tr>
 *   <tr><td>{@link #recordLlmCall}, {@link #recordLlmError}</td><td>LLM calls, errors by kind</td>
 *       <td>{@link Latency#LLM_CALL}</td></tr>
 *   <tr><td>{@link #recordRetry()}</td><td>retries</td><td></td></tr>
 *   <tr><td>{@link #recordLimiterWait}, {@link #recordLimiterRejection()}</td>
 *       <td>limiter waits (admissions that waited), rejections</td>
 *       <td>{@link Latency#LIMITER_WAIT} (every admission)</td></tr>
 *   <tr><td>{@link #recordBreakerRejection()}</td><td>breaker rejections</td><td></td></tr>
 *   <tr><td>{@link #recordWatcherError()}, {@link #recordWorkspaceInvalidation()}</td>
 *       <td>watcher errors, invalidations</td><td></td></tr>
 * </table>
 *
 * <p>Latencies are in nanoseconds (a negative one is recorded as 0) in auto-resizing
 * HdrHistograms with three significant digits. The breaker's state is read from the supplier
 * given at construction whenever a snapshot or gauge needs it.
 *
 * <h2>Thread safety</h2>
 *
 * Thread-safe. Recording never blocks: counters are {@link LongAdder}s and latencies go into
 * wait-free HdrHistogram {@code Recorder}s. Snapshots take short locks that recording never
 * waits on. Every recorded event appears in exactly one interval snapshot and in every later
 * cumulative snapshot.
 *
 * <h2>Implementation notes</h2>
 *
 * Counters live in one array of {@link LongAdder}s laid out by {@code Count} (plain counters,
 * then per look-up outcome, per LLM error kind, per degraded mode and reason), so snapshots and
 * the Micrometer binder walk them generically and an interval is an element-wise difference.
 * Each latency has a {@code LatencyRecorder}, whose lock its readers take. {@link
 * #intervalSnapshot()} holds {@code intervalLock} while it reads the counters, swaps the
 * interval histograms out and moves the interval start, so two interval snapshots never share
 * an event. Lock order: {@code intervalLock}, then a recorder's lock; recording takes neither.
 */
public final class GatewayMetrics {
  private static final Logger log = LoggerFactory.getLogger(GatewayMetrics.class);

  private final LongAdder[] counters = new LongAdder[Count.SIZE];
  private final Map<Latency, LatencyRecorder> latencies = new EnumMap<>(Latency.class);
  private final Supplier<BreakerState> breakerState;
  private final Ticker ticker;
  private final long createdAt;

  /** Guards the start of the current interval; taken before any recorder's lock. */
  private final Object intervalLock = new Object();

  @GuardedBy("intervalLock")
  private long[] intervalStartCounts = new long[Count.SIZE];

  @GuardedBy("intervalLock")
  private long intervalStart;

  private GatewayMetrics(Builder builder) {
    for (int i = 0; i < counters.length; i++) {
      counters[i] = new LongAdder();
    }
    for (Latency latency : Latency.values()) {
      latencies.put(latency, new LatencyRecorder());
    }
    this.breakerState = builder.breakerState;
    this.ticker = builder.ticker;
    this.createdAt = ticker.read();
    synchronized (intervalLock) {
      this.intervalStart = createdAt;
    }
  }

  /** A builder; without a breaker-state supplier the state reads {@link BreakerState#DISABLED}. */
  public static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------ requests

  /** A request arrived. */
  public void recordRequest() {
    increment(Count.REQUESTS.index());
  }

  /** A request was answered with a context, after {@code latencyNanos}. */
  public void recordRequestSucceeded(long latencyNanos) {
    increment(Count.REQUESTS_SUCCEEDED.index());
    recorder(Latency.GATEWAY).record(latencyNanos);
  }

  /** A request failed, after {@code latencyNanos}. */
  public void recordRequestFailed(long latencyNanos) {
    increment(Count.REQUESTS_FAILED.index());
    recorder(Latency.GATEWAY).record(latencyNanos);
  }

  /** The cache look-up of a request had {@code outcome}. */
  public void recordCacheLookup(CacheLookup outcome) {
    increment(Count.index(Objects.requireNonNull(outcome, "outcome")));
  }

  /** A generation ended, successfully or not, after {@code latencyNanos}. */
  public void recordGeneration(long latencyNanos, boolean succeeded) {
    increment(Count.GENERATIONS.index());
    if (!succeeded) {
      increment(Count.GENERATION_FAILURES.index());
    }
    recorder(Latency.GENERATION).record(latencyNanos);
  }

  /** A response was degraded: {@code mode} served because of {@code reason}. */
  public void recordDegraded(DegradedMode mode, DegradedReason reason) {
    increment(
        Count.index(Objects.requireNonNull(mode, "mode"), Objects.requireNonNull(reason, "reason")));
  }

  // ------------------------------------------------------------------ the LLM and its guards

  /** An LLM call attempt succeeded after {@code latencyNanos}. */
  public void recordLlmCall(long latencyNanos) {
    increment(Count.LLM_CALLS.index());
    recorder(Latency.LLM_CALL).record(latencyNanos);
  }

  /** An LLM call attempt failed with {@code kind} after {@code latencyNanos}. */
  public void recordLlmError(LlmErrorKind kind, long latencyNanos) {
    increment(Count.index(Objects.requireNonNull(kind, "kind")));
    increment(Count.LLM_CALLS.index());
    recorder(Latency.LLM_CALL).record(latencyNanos);
  }

  /** A retry was scheduled after a failed attempt. */
  public void recordRetry() {
    increment(Count.RETRIES.index());
  }

  /**
   * The rate limiter admitted a call after {@code waitNanos} (0 when it was admitted at once).
   * Every admission goes into {@link Latency#LIMITER_WAIT}, so its percentiles show how often
   * calls wait at all; only admissions that waited count as limiter waits.
   */
  public void recordLimiterWait(long waitNanos) {
    if (waitNanos > 0) {
      increment(Count.LIMITER_WAITS.index());
    }
    recorder(Latency.LIMITER_WAIT).record(waitNanos);
  }

  /** The rate limiter rejected a call. */
  public void recordLimiterRejection() {
    increment(Count.LIMITER_REJECTIONS.index());
  }

  /** The circuit breaker rejected a call. */
  public void recordBreakerRejection() {
    increment(Count.BREAKER_REJECTIONS.index());
  }

  // ------------------------------------------------------------------ workspaces

  /** A workspace watcher counted an error. */
  public void recordWatcherError() {
    increment(Count.WATCHER_ERRORS.index());
  }

  /** A workspace watcher invalidated its workspace. */
  public void recordWorkspaceInvalidation() {
    increment(Count.WORKSPACE_INVALIDATIONS.index());
  }

  // ------------------------------------------------------------------ reading

  /** The breaker's state now; {@link BreakerState#UNKNOWN} if the supplier fails. */
  public BreakerState breakerState() {
    try {
      @Nullable BreakerState state = breakerState.get();
      return state == null ? BreakerState.UNKNOWN : state;
    } catch (RuntimeException e) {
      log.debug("Reading the breaker state failed", e);
      return BreakerState.UNKNOWN;
    }
  }

  /** Everything recorded since the metrics were created. */
  public MetricsSnapshot snapshot() {
    long[] counts = counts();
    Map<Latency, LatencySnapshot> histograms = new EnumMap<>(Latency.class);
    for (Latency latency : Latency.values()) {
      histograms.put(latency, new LatencySnapshot(recorder(latency).cumulativeCopy()));
    }
    return new MetricsSnapshot(
        counts, histograms, breakerState(), Duration.ofNanos(Math.max(0, ticker.read() - createdAt)));
  }

  /**
   * Everything recorded since the previous call (or since creation, the first time). Successive
   * interval snapshots partition the events: each is in exactly one of them.
   */
  public MetricsSnapshot intervalSnapshot() {
    synchronized (intervalLock) {
      long now = ticker.read();
      long[] counts = counts();
      long[] delta = new long[counts.length];
      for (int i = 0; i < counts.length; i++) {
        delta[i] = counts[i] - intervalStartCounts[i];
      }
      Map<Latency, LatencySnapshot> histograms = new EnumMap<>(Latency.class);
      for (Latency latency : Latency.values()) {
        histograms.put(latency, new LatencySnapshot(recorder(latency).takeInterval()));
      }
      Duration period = Duration.ofNanos(Math.max(0, now - intervalStart));
      intervalStartCounts = counts;
      intervalStart = now;
      return new MetricsSnapshot(delta, histograms, breakerState(), period);
    }
  }

  /** The live value of one counter slot, for the Micrometer binder. */
  long count(int index) {
    return counters[index].sum();
  }

  /** The recorder of one latency, for the Micrometer binder. */
  LatencyRecorder recorder(Latency latency) {
    LatencyRecorder recorder = latencies.get(latency);
    if (recorder == null) {
      throw new IllegalStateException("no recorder for " + latency);
    }
    return recorder;
  }

  private void increment(int index) {
    counters[index].increment();
  }

  private long[] counts() {
    long[] counts = new long[counters.length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = counters[i].sum();
    }
    return counts;
  }

  @Override
  public String toString() {
    return "GatewayMetrics" + snapshot().toString().substring("MetricsSnapshot".length());
  }

  /** Configures {@link GatewayMetrics}. Not thread-safe. */
  public static final class Builder {
    private Supplier<BreakerState> breakerState = () -> BreakerState.DISABLED;
    private Ticker ticker = Ticker.system();

    private Builder() {}

    /** Reads the circuit breaker's state; called from any thread, must be thread-safe and quick. */
    public Builder breakerState(Supplier<BreakerState> breakerState) {
      this.breakerState = Objects.requireNonNull(breakerState, "breakerState");
      return this;
    }

    /** Measures the period of snapshots; default {@link Ticker#system()}. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** Builds the metrics, all zero. */
    public GatewayMetrics build() {
      return new GatewayMetrics(this);
    }
  }
}

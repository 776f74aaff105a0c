package dev.contextgateway.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Shows {@link GatewayMetrics} in a Micrometer registry. Needs {@code micrometer-core} on the
 * class path (an optional dependency of this library); nothing else in the library refers to
 * Micrometer.
 *
 * <table>
 *   <caption>Meters (all names start with {@code context.gateway.})</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@code requests}</td><td>counter</td><td></td></tr>
 *   <tr><td>{@code requests.completed}</td><td>counter</td><td>{@code result}: success, failure</td></tr>
 *   <tr><td>{@code cache.lookups}</td><td>counter</td><td>{@code result}: hit, stale, miss</td></tr>
 *   <tr><td>{@code generations}, {@code generation.failures}</td><td>counter</td><td></td></tr>
 *   <tr><td>{@code degraded}</td><td>counter</td><td>{@code mode}, {@code reason} (enum names, lower case)</td></tr>
 *   <tr><td>{@code llm.calls}</td><td>counter</td><td></td></tr>
 *   <tr><td>{@code llm.errors}</td><td>counter</td><td>{@code kind}</td></tr>
 *   <tr><td>{@code retries}, {@code limiter.waits}, {@code limiter.rejections},
 *       {@code breaker.rejections}, {@code watcher.errors}, {@code workspace.invalidations}</td>
 *       <td>counter</td><td></td></tr>
 *   <tr><td>{@code breaker.state}</td><td>gauge</td><td>value: {@link BreakerState#code()}</td></tr>
 *   <tr><td>{@code latency}</td><td>function timer (count, total time)</td>
 *       <td>{@code stage}: gateway, generation, llm_call, limiter_wait</td></tr>
 *   <tr><td>{@code latency.percentile}</td><td>gauge, seconds</td>
 *       <td>{@code stage}, {@code percentile}: 0.5, 0.9, 0.99, 0.999, 1.0 (the maximum)</td></tr>
 * </table>
 *
 * <p>Counters and timers read the live {@link java.util.concurrent.atomic.LongAdder}s; percentile
 * gauges read the cumulative histograms (since the metrics were created). Micrometer holds
 * function meters by weak reference: keep the {@link GatewayMetrics} reachable (the gateway does).
 *
 * <p>Thread-safe; {@link #bindTo} may be called for several registries.
 */
public final class GatewayMeterBinder implements MeterBinder {
  /** The prefix of every meter name. */
  public static final String PREFIX = "context.gateway.";

  private static final double[] PERCENTILES = {0.5, 0.9, 0.99, 0.999, 1.0};

  private final GatewayMetrics metrics;
  private final Tags tags;

  /** Binds {@code metrics} with no extra tags. */
  public GatewayMeterBinder(GatewayMetrics metrics) {
    this(metrics, Tags.empty());
  }

  /** Binds {@code metrics}, adding {@code tags} to every meter (e.g. the service's name). */
  public GatewayMeterBinder(GatewayMetrics metrics, Iterable<Tag> tags) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, "requests", "Requests that arrived", Count.REQUESTS.index(), Tags.empty());
    counter(registry, "requests.completed", "Requests answered or failed",
        Count.REQUESTS_SUCCEEDED.index(), Tags.of("result", "success"));
    counter(registry, "requests.completed", "Requests answered or failed",
        Count.REQUESTS_FAILED.index(), Tags.of("result", "failure"));
    for (CacheLookup lookup : CacheLookup.values()) {
      counter(registry, "cache.lookups", "Cache look-ups by outcome",
          Count.index(lookup), Tags.of("result", tag(lookup)));
    }
    counter(registry, "generations", "Generations run", Count.GENERATIONS.index(), Tags.empty());
    counter(registry, "generation.failures", "Generations that failed",
        Count.GENERATION_FAILURES.index(), Tags.empty());
    for (DegradedMode mode : DegradedMode.values()) {
      for (DegradedReason reason : DegradedReason.values()) {
        counter(registry, "degraded", "Degraded responses by mode and reason",
            Count.index(mode, reason), Tags.of("mode", tag(mode), "reason", tag(reason)));
      }
    }
    counter(registry, "llm.calls", "LLM call attempts", Count.LLM_CALLS.index(), Tags.empty());
    for (LlmErrorKind kind : LlmErrorKind.values()) {
      counter(registry, "llm.errors", "Failed LLM call attempts by kind",
          Count.index(kind), Tags.of("kind", tag(kind)));
    }
    counter(registry, "retries", "Retries after failed attempts", Count.RETRIES.index(), Tags.empty());
    counter(registry, "limiter.waits", "Calls that waited for the rate limiter",
        Count.LIMITER_WAITS.index(), Tags.empty());
    counter(registry, "limiter.rejections", "Calls the rate limiter rejected",
        Count.LIMITER_REJECTIONS.index(), Tags.empty());
    counter(registry, "breaker.rejections", "Calls the circuit breaker rejected",
        Count.BREAKER_REJECTIONS.index(), Tags.empty());
    counter(registry, "watcher.errors", "Errors of workspace watchers",
        Count.WATCHER_ERRORS.index(), Tags.empty());
    counter(registry, "workspace.invalidations", "Workspace invalidations by watchers",
        Count.WORKSPACE_INVALIDATIONS.index(), Tags.empty());

    Gauge.builder(PREFIX + "breaker.state", metrics, m -> m.breakerState().code())
        .description("Circuit breaker state: 0 closed, 1 half-open, 2 open, 3 forced open, 4 disabled, -1 unknown")
        .tags(tags)
        .strongReference(true)
        .register(registry);

    for (Latency latency : Latency.values()) {
      LatencyRecorder recorder = metrics.recorder(latency);
      Tags stage = tags.and("stage", tag(latency));
      FunctionTimer.builder(
              PREFIX + "latency",
              recorder,
              LatencyRecorder::count,
              LatencyRecorder::totalNanos,
              TimeUnit.NANOSECONDS)
          .description("Latency by stage")
          .tags(stage)
          .register(registry);
      for (double percentile : PERCENTILES) {
        Gauge.builder(
                PREFIX + "latency.percentile",
                recorder,
                r -> r.cumulativeValueAtPercentile(percentile * 100) / 1e9)
            .description("Latency percentile by stage, since start")
            .baseUnit("seconds")
            .tags(stage.and("percentile", Double.toString(percentile)))
            .strongReference(true)
            .register(registry);
      }
    }
  }

  private void counter(MeterRegistry registry, String name, String description, int index, Tags extra) {
    FunctionCounter.builder(PREFIX + name, metrics, m -> m.count(index))
        .description(description)
        .tags(tags.and(extra))
        .register(registry);
  }

  private static String tag(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}

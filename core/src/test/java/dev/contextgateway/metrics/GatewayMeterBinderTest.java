package dev.contextgateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GatewayMeterBinderTest {
  private final AtomicReference<BreakerState> breaker = new AtomicReference<>(BreakerState.CLOSED);
  private final GatewayMetrics metrics = GatewayMetrics.builder().breakerState(breaker::get).build();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void counters_followTheLiveMetrics() {
    new GatewayMeterBinder(metrics, Tags.of("service", "search")).bindTo(registry);

    metrics.recordRequest();
    metrics.recordRequest();
    metrics.recordRequestFailed(5);
    metrics.recordCacheLookup(CacheLookup.STALE);
    metrics.recordDegraded(DegradedMode.STALE, DegradedReason.QUOTA_EXHAUSTED);
    metrics.recordLlmError(LlmErrorKind.BAD_RESPONSE, 10);
    metrics.recordBreakerRejection();

    assertThat(counter("requests").count()).isEqualTo(2);
    assertThat(registry.get("context.gateway.requests.completed").tag("result", "failure").functionCounter().count())
        .isEqualTo(1);
    assertThat(registry.get("context.gateway.cache.lookups").tag("result", "stale").functionCounter().count())
        .isEqualTo(1);
    assertThat(
            registry.get("context.gateway.degraded")
                .tags("mode", "stale", "reason", "quota_exhausted")
                .functionCounter()
                .count())
        .isEqualTo(1);
    assertThat(registry.get("context.gateway.llm.errors").tag("kind", "bad_response").functionCounter().count())
        .isEqualTo(1);
    assertThat(counter("llm.calls").count()).isEqualTo(1);
    assertThat(counter("breaker.rejections").count()).isEqualTo(1);
    assertThat(registry.get("context.gateway.requests").tag("service", "search").functionCounter()).isNotNull();
  }

  @Test
  void breakerStateGauge_showsTheStateCode() {
    new GatewayMeterBinder(metrics).bindTo(registry);
    Gauge state = registry.get("context.gateway.breaker.state").gauge();

    assertThat(state.value()).isEqualTo(0);
    breaker.set(BreakerState.HALF_OPEN);
    assertThat(state.value()).isEqualTo(1);
    breaker.set(BreakerState.OPEN);
    assertThat(state.value()).isEqualTo(2);
  }

  @Test
  void latencies_areTimersAndPercentileGauges() {
    new GatewayMeterBinder(metrics).bindTo(registry);

    for (int i = 1; i <= 100; i++) {
      metrics.recordLlmCall(i * 1_000_000L); // 1 .. 100 ms
    }

    FunctionTimer timer = registry.get("context.gateway.latency").tag("stage", "llm_call").functionTimer();
    assertThat(timer.count()).isEqualTo(100);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(5_050);
    Gauge p99 =
        registry.get("context.gateway.latency.percentile")
            .tags("stage", "llm_call", "percentile", "0.99")
            .gauge();
    assertThat(p99.value()).isCloseTo(0.099, withinPercentage(0.2));
    Gauge max =
        registry.get("context.gateway.latency.percentile")
            .tags("stage", "llm_call", "percentile", "1.0")
            .gauge();
    assertThat(max.value()).isCloseTo(0.1, withinPercentage(0.2));
    assertThat(registry.get("context.gateway.latency").tag("stage", "limiter_wait").functionTimer().count())
        .isZero();
  }

  @Test
  void percentileGauges_doNotDisturbIntervalSnapshots() {
    new GatewayMeterBinder(metrics).bindTo(registry);
    metrics.recordRequestSucceeded(1_000);

    registry.get("context.gateway.latency.percentile").tags("stage", "gateway", "percentile", "0.5").gauge().value();

    assertThat(metrics.intervalSnapshot().latency(Latency.GATEWAY).count()).isEqualTo(1);
  }

  private FunctionCounter counter(String name) {
    return registry.get("context.gateway." + name).functionCounter();
  }
}

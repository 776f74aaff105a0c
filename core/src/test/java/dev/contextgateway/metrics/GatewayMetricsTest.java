package dev.contextgateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {
  private final FakeTime time = new FakeTime();
  private final AtomicReference<BreakerState> breaker = new AtomicReference<>(BreakerState.CLOSED);
  private final GatewayMetrics metrics =
      GatewayMetrics.builder().ticker(time).breakerState(breaker::get).build();

  @Test
  void newMetrics_areAllZero() {
    MetricsSnapshot snapshot = metrics.snapshot();

    assertThat(snapshot.requests()).isZero();
    assertThat(snapshot.degraded()).isZero();
    assertThat(snapshot.llmErrors()).isZero();
    for (Latency latency : Latency.values()) {
      assertThat(snapshot.latency(latency).count()).isZero();
      assertThat(snapshot.latency(latency).valueAtPercentile(99)).isZero();
      assertThat(snapshot.latency(latency).maxNanos()).isZero();
    }
  }

  @Test
  void recordingMethods_countEachEventOnce() {
    metrics.recordRequest();
    metrics.recordRequest();
    metrics.recordRequest();
    metrics.recordRequestSucceeded(1_000);
    metrics.recordRequestFailed(2_000);
    metrics.recordCacheLookup(CacheLookup.HIT);
    metrics.recordCacheLookup(CacheLookup.HIT);
    metrics.recordCacheLookup(CacheLookup.STALE);
    metrics.recordCacheLookup(CacheLookup.MISS);
    metrics.recordGeneration(5_000, true);
    metrics.recordGeneration(6_000, false);
    metrics.recordDegraded(DegradedMode.STALE, DegradedReason.BREAKER_OPEN);
    metrics.recordDegraded(DegradedMode.LOCAL, DegradedReason.BREAKER_OPEN);
    metrics.recordDegraded(DegradedMode.LOCAL, DegradedReason.DEADLINE);
    metrics.recordLlmCall(3_000);
    metrics.recordLlmError(LlmErrorKind.RATE_LIMITED, 100);
    metrics.recordLlmError(LlmErrorKind.RATE_LIMITED, 100);
    metrics.recordLlmError(LlmErrorKind.TIMEOUT, 9_000);
    metrics.recordRetry();
    metrics.recordLimiterWait(700);
    metrics.recordLimiterWait(0); // admitted at once: a latency, not a wait
    metrics.recordLimiterRejection();
    metrics.recordBreakerRejection();
    metrics.recordBreakerRejection();
    metrics.recordWatcherError();
    metrics.recordWorkspaceInvalidation();

    MetricsSnapshot s = metrics.snapshot();

    assertThat(s.requests()).isEqualTo(3);
    assertThat(s.requestsSucceeded()).isEqualTo(1);
    assertThat(s.requestsFailed()).isEqualTo(1);
    assertThat(s.cacheLookups(CacheLookup.HIT)).isEqualTo(2);
    assertThat(s.cacheLookups(CacheLookup.STALE)).isEqualTo(1);
    assertThat(s.cacheLookups(CacheLookup.MISS)).isEqualTo(1);
    assertThat(s.generations()).isEqualTo(2);
    assertThat(s.generationFailures()).isEqualTo(1);
    assertThat(s.degraded()).isEqualTo(3);
    assertThat(s.degraded(DegradedMode.LOCAL)).isEqualTo(2);
    assertThat(s.degraded(DegradedReason.BREAKER_OPEN)).isEqualTo(2);
    assertThat(s.degraded(DegradedMode.LOCAL, DegradedReason.DEADLINE)).isEqualTo(1);
    assertThat(s.degraded(DegradedMode.STALE, DegradedReason.DEADLINE)).isZero();
    assertThat(s.llmCalls()).isEqualTo(4);
    assertThat(s.llmErrors()).isEqualTo(3);
    assertThat(s.llmErrors(LlmErrorKind.RATE_LIMITED)).isEqualTo(2);
    assertThat(s.llmErrors(LlmErrorKind.TIMEOUT)).isEqualTo(1);
    assertThat(s.retries()).isEqualTo(1);
    assertThat(s.limiterWaits()).isEqualTo(1);
    assertThat(s.limiterRejections()).isEqualTo(1);
    assertThat(s.breakerRejections()).isEqualTo(2);
    assertThat(s.watcherErrors()).isEqualTo(1);
    assertThat(s.workspaceInvalidations()).isEqualTo(1);
    assertThat(s.latency(Latency.GATEWAY).count()).isEqualTo(2);
    assertThat(s.latency(Latency.GENERATION).count()).isEqualTo(2);
    assertThat(s.latency(Latency.LLM_CALL).count()).isEqualTo(4);
    assertThat(s.latency(Latency.LIMITER_WAIT).count()).isEqualTo(2);
  }

  @Test
  void latencies_keepTheirDistributionToThreeSignificantDigits() {
    for (int i = 1; i <= 1_000; i++) {
      metrics.recordLlmCall(i * 1_000_000L); // 1 ms .. 1 s
    }

    LatencySnapshot llm = metrics.snapshot().latency(Latency.LLM_CALL);

    assertThat(llm.count()).isEqualTo(1_000);
    assertThat((double) llm.valueAtPercentile(50)).isCloseTo(500e6, withinPercentage(0.1));
    assertThat((double) llm.valueAtPercentile(99)).isCloseTo(990e6, withinPercentage(0.1));
    assertThat((double) llm.maxNanos()).isCloseTo(1e9, withinPercentage(0.1));
    assertThat((double) llm.minNanos()).isCloseTo(1e6, withinPercentage(0.1));
    assertThat(llm.meanNanos()).isCloseTo(500.5e6, withinPercentage(0.1));
  }

  @Test
  void hugeAndNegativeLatencies_areRecorded() {
    metrics.recordGeneration(Duration.ofDays(3).toNanos(), true); // past any preset range
    metrics.recordGeneration(-5, true); // a clock that went back

    LatencySnapshot generation = metrics.snapshot().latency(Latency.GENERATION);

    assertThat(generation.count()).isEqualTo(2);
    assertThat(generation.minNanos()).isZero();
    assertThat((double) generation.maxNanos()).isCloseTo(Duration.ofDays(3).toNanos(), withinPercentage(0.1));
  }

  @Test
  void intervalSnapshots_coverTheEventsSinceThePreviousOne() {
    metrics.recordRequest();
    metrics.recordRequestSucceeded(10);
    time.advance(Duration.ofSeconds(10));
    MetricsSnapshot first = metrics.intervalSnapshot();

    metrics.recordRequest();
    metrics.recordRequest();
    metrics.recordRequestSucceeded(20);
    time.advance(Duration.ofSeconds(5));
    MetricsSnapshot second = metrics.intervalSnapshot();
    MetricsSnapshot third = metrics.intervalSnapshot();

    assertThat(first.requests()).isEqualTo(1);
    assertThat(first.period()).isEqualTo(Duration.ofSeconds(10));
    assertThat(first.latency(Latency.GATEWAY).count()).isEqualTo(1);
    assertThat(second.requests()).isEqualTo(2);
    assertThat(second.period()).isEqualTo(Duration.ofSeconds(5));
    assertThat(second.latency(Latency.GATEWAY).count()).isEqualTo(1);
    assertThat(second.latency(Latency.GATEWAY).maxNanos()).isEqualTo(20);
    assertThat(third.requests()).isZero();
    assertThat(third.latency(Latency.GATEWAY).count()).isZero();
    MetricsSnapshot total = metrics.snapshot();
    assertThat(total.requests()).isEqualTo(3);
    assertThat(total.latency(Latency.GATEWAY).count()).isEqualTo(2);
    assertThat(total.period()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void snapshot_isImmutable() {
    metrics.recordLlmCall(1_000);
    MetricsSnapshot snapshot = metrics.snapshot();

    metrics.recordLlmCall(2_000);
    Histogram copy = snapshot.latency(Latency.LLM_CALL).histogram();
    copy.recordValue(5_000);

    assertThat(snapshot.llmCalls()).isEqualTo(1);
    assertThat(snapshot.latency(Latency.LLM_CALL).count()).isEqualTo(1);
    assertThat(snapshot.latency(Latency.LLM_CALL).histogram().getTotalCount()).isEqualTo(1);
  }

  @Test
  void breakerState_isReadFromTheSupplier() {
    assertThat(metrics.snapshot().breakerState()).isEqualTo(BreakerState.CLOSED);
    breaker.set(BreakerState.OPEN);
    assertThat(metrics.snapshot().breakerState()).isEqualTo(BreakerState.OPEN);
    assertThat(metrics.breakerState().code()).isEqualTo(2);
  }

  @Test
  void breakerState_failingOrNullSupplier_isUnknown() {
    GatewayMetrics failing =
        GatewayMetrics.builder()
            .breakerState(
                () -> {
                  throw new IllegalStateException("no breaker yet");
                })
            .build();
    AtomicReference<BreakerState> none = new AtomicReference<>();
    GatewayMetrics nulls = GatewayMetrics.builder().breakerState(none::get).build();

    assertThat(failing.snapshot().breakerState()).isEqualTo(BreakerState.UNKNOWN);
    assertThat(nulls.breakerState()).isEqualTo(BreakerState.UNKNOWN);
    assertThat(GatewayMetrics.builder().build().breakerState()).isEqualTo(BreakerState.DISABLED);
  }

  @Test
  void valueAtPercentile_outOfRange_failsClearly() {
    LatencySnapshot latency = metrics.snapshot().latency(Latency.GATEWAY);

    assertThatThrownBy(() -> latency.valueAtPercentile(101))
        .hasMessage("percentile must be in [0, 100], was 101.0");
  }
}

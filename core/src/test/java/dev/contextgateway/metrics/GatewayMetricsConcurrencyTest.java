package dev.contextgateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Counts and histograms stay exact when many threads record and read at once. */
class GatewayMetricsConcurrencyTest {
  private static final int WRITERS = 6;
  private static final int EVENTS = 20_000;

  private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);

  @AfterEach
  void shutdown() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void concurrentRecording_isExactAtQuiescence() throws Exception {
    GatewayMetrics metrics = GatewayMetrics.builder().build();

    runWriters(metrics, new CyclicBarrier(WRITERS));

    MetricsSnapshot s = metrics.snapshot();
    long total = (long) WRITERS * EVENTS;
    assertThat(s.requests()).isEqualTo(total);
    assertThat(s.requestsSucceeded()).isEqualTo(total);
    assertThat(s.cacheLookups(CacheLookup.HIT)).isEqualTo(total);
    assertThat(s.llmCalls()).isEqualTo(total);
    assertThat(s.llmErrors(LlmErrorKind.UNAVAILABLE)).isEqualTo(total / 2);
    assertThat(s.degraded(DegradedMode.LOCAL, DegradedReason.BREAKER_OPEN)).isEqualTo(total);
    assertThat(s.latency(Latency.GATEWAY).count()).isEqualTo(total);
    assertThat(s.latency(Latency.LLM_CALL).count()).isEqualTo(total);
  }

  @Test
  void intervalSnapshotsTakenDuringRecording_partitionTheEvents() throws Exception {
    GatewayMetrics metrics = GatewayMetrics.builder().build();
    CountDownLatch writersDone = new CountDownLatch(1);
    Future<List<MetricsSnapshot>> reader =
        pool.submit(
            () -> {
              List<MetricsSnapshot> intervals = new ArrayList<>();
              while (writersDone.getCount() > 0) {
                intervals.add(metrics.intervalSnapshot());
              }
              return intervals;
            });

    runWriters(metrics, new CyclicBarrier(WRITERS));
    writersDone.countDown();
    List<MetricsSnapshot> intervals = new ArrayList<>(reader.get(60, TimeUnit.SECONDS));
    intervals.add(metrics.intervalSnapshot());

    long requests = 0;
    long gatewayLatencies = 0;
    long llmLatencies = 0;
    for (MetricsSnapshot interval : intervals) {
      requests += interval.requests();
      gatewayLatencies += interval.latency(Latency.GATEWAY).count();
      llmLatencies += interval.latency(Latency.LLM_CALL).count();
    }
    long total = (long) WRITERS * EVENTS;
    assertThat(intervals.size()).isGreaterThan(1);
    assertThat(requests).isEqualTo(total);
    assertThat(gatewayLatencies).isEqualTo(total);
    assertThat(llmLatencies).isEqualTo(total);
    assertThat(metrics.snapshot().latency(Latency.GATEWAY).count()).isEqualTo(total);
  }

  private void runWriters(GatewayMetrics metrics, CyclicBarrier start) throws Exception {
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      writers.add(
          pool.submit(
              () -> {
                start.await(10, TimeUnit.SECONDS);
                for (int i = 0; i < EVENTS; i++) {
                  metrics.recordRequest();
                  metrics.recordCacheLookup(CacheLookup.HIT);
                  if (i % 2 == 0) {
                    metrics.recordLlmCall(i);
                  } else {
                    metrics.recordLlmError(LlmErrorKind.UNAVAILABLE, i);
                  }
                  metrics.recordDegraded(DegradedMode.LOCAL, DegradedReason.BREAKER_OPEN);
                  metrics.recordRequestSucceeded(1_000L + i);
                }
                return null;
              }));
    }
    for (Future<?> writer : writers) {
      writer.get(60, TimeUnit.SECONDS);
    }
  }
}

package dev.contextgateway.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LongAdderTypeStatsTest {

  @Test
  void concurrentRecords_areExact() throws Exception {
    LongAdderTypeStats stats = new LongAdderTypeStats(List.of("context", "summary"));
    CyclicBarrier start = new CyclicBarrier(4);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        workers.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 50_000; i++) {
                    stats.recordHit("context");
                    stats.recordMiss("summary");
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(stats.hits("context")).isEqualTo(200_000);
    assertThat(stats.misses("summary")).isEqualTo(200_000);
    assertThat(stats.misses("context")).isZero();
  }

  @Test
  void unknownType_isRejected_namingTheKnownOnes() {
    LongAdderTypeStats stats = new LongAdderTypeStats(List.of("context"));

    assertThatThrownBy(() -> stats.recordHit("ranking"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown type 'ranking', known: [context]");
  }
}

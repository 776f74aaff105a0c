package dev.contextgateway.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClaimTest {

  @Test
  void take_handsOutTheGrowthSinceTheLastClaim_notWhatCameBefore() {
    AtomicLong counter = new AtomicLong(5);
    Claim claim = new Claim(counter::get);

    counter.addAndGet(3);
    assertThat(claim.take()).isEqualTo(3);
    assertThat(claim.take()).isZero();
    counter.addAndGet(2);
    assertThat(claim.take()).isEqualTo(2);
  }

  @Test
  void concurrentClaims_addUpToTheGrowth_noneNegative() throws Exception {
    AtomicLong counter = new AtomicLong();
    Claim claim = new Claim(counter::get);
    int threads = 4;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> claimed = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        claimed.add(
            pool.submit(
                () -> {
                  start.await();
                  long sum = 0;
                  for (int i = 0; i < 10_000; i++) {
                    counter.incrementAndGet();
                    long taken = claim.take();
                    assertThat(taken).isNotNegative();
                    sum += taken;
                  }
                  return sum;
                }));
      }
      long total = 0;
      for (Future<Long> sum : claimed) {
        total += sum.get(30, TimeUnit.SECONDS);
      }
      total += claim.take();

      assertThat(total).isEqualTo(40_000);
    } finally {
      pool.shutdownNow();
    }
  }
}

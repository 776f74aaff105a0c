package dev.contextgateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The striped age counts behind hit statistics: bucket arithmetic, precision and exactness. */
class AgeCountsTest {

  @Test
  void everyValue_fallsInItsBucket() {
    List<Long> values = new ArrayList<>(List.of(0L, 1L, 15L, 16L, 17L, 31L, 32L, 1_000L, 999_999L, Long.MAX_VALUE));
    for (int i = 0; i < 10_000; i++) {
      values.add(ThreadLocalRandom.current().nextLong(0, Long.MAX_VALUE) >>> ThreadLocalRandom.current().nextInt(63));
    }
    for (long value : values) {
      int index = AgeCounts.index(value);
      assertThat(index).as("index of %d", value).isBetween(0, AgeCounts.BUCKETS - 1);
      assertThat(AgeCounts.lowest(index)).as("lowest of bucket of %d", value).isLessThanOrEqualTo(value);
      if (index + 1 < AgeCounts.BUCKETS) {
        assertThat(AgeCounts.lowest(index + 1)).as("next bucket of %d", value).isGreaterThan(value);
      }
    }
  }

  @Test
  void bucketsBelowSixteen_areExact_andLargerOnesWithinFivePercent() {
    for (long value = 0; value < 16; value++) {
      assertThat(AgeCounts.midpoint(AgeCounts.index(value))).isEqualTo(value);
    }
    for (long value = 16; value < 10_000_000; value = value * 3 / 2 + 1) {
      long midpoint = AgeCounts.midpoint(AgeCounts.index(value));
      assertThat((double) Math.abs(midpoint - value) / value).as("error at %d", value).isLessThan(0.05);
    }
  }

  @Test
  void concurrentRecords_areCountedExactly() throws Exception {
    AgeCounts counts = new AgeCounts();
    int threads = 8;
    int perThread = 50_000;
    CacheTesting.concurrently(
        threads,
        thread -> {
          for (int i = 0; i < perThread; i++) {
            counts.record(i % 2_000);
          }
        });

    Histogram histogram = new Histogram(2);
    assertThat(counts.count()).isEqualTo((long) threads * perThread);
    assertThat(counts.addTo(histogram)).isEqualTo((long) threads * perThread);
    assertThat(histogram.getTotalCount()).isEqualTo((long) threads * perThread);
  }

  @Test
  void moreThreadsThanStripes_shareStripes_andAreCountedExactly() throws Exception {
    AgeCounts counts = new AgeCounts();
    int threads = 100; // more than the most stripes there are (64): some threads share one
    int perThread = 2_000;

    CacheTesting.concurrently(
        threads,
        thread -> {
          for (int i = 0; i < perThread; i++) {
            counts.record(thread + i % 50);
          }
        });

    assertThat(counts.count()).isEqualTo((long) threads * perThread);
  }

  @Test
  void stripesOfTerminatedThreads_passToNewThreads_keepingTheirCounts() throws Exception {
    AgeCounts counts = new AgeCounts();
    int threads = 200; // one after the other, so stripes keep passing from dead owners
    for (int t = 0; t < threads; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 1_000; i++) {
                  counts.record(i);
                }
              });
      thread.start();
      thread.join();
    }

    Histogram histogram = new Histogram(2);
    assertThat(counts.addTo(histogram)).isEqualTo(threads * 1_000L);
    assertThat(counts.count()).isEqualTo(threads * 1_000L);
  }

  @Test
  void negativeAges_countAsZero() {
    AgeCounts counts = new AgeCounts();
    counts.record(-5);
    Histogram histogram = new Histogram(2);
    counts.addTo(histogram);
    assertThat(histogram.getMaxValue()).isZero();
    assertThat(histogram.getTotalCount()).isEqualTo(1);
  }
}

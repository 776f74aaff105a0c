package dev.contextgateway.metrics;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import org.HdrHistogram.Histogram;

/**
 * The distribution of one latency over a snapshot's period, in nanoseconds. Immutable and
 * thread-safe: it owns a private histogram copy (HdrHistogram's read methods share iterators, so
 * reads are serialized here), and {@link #histogram()} hands out copies.
 */
public final class LatencySnapshot {
  @GuardedBy("this")
  private final Histogram histogram;

  private final long count;
  private final long minNanos;
  private final long maxNanos;
  private final double meanNanos;

  LatencySnapshot(Histogram histogram) {
    this.histogram = histogram;
    this.count = histogram.getTotalCount();
    this.minNanos = count == 0 ? 0 : histogram.getMinValue();
    this.maxNanos = count == 0 ? 0 : histogram.getMaxValue();
    this.meanNanos = count == 0 ? 0 : histogram.getMean();
  }

  /** How many values were recorded. */
  public long count() {
    return count;
  }

  /** The least value, 0 when none was recorded; within the histogram's precision. */
  public long minNanos() {
    return minNanos;
  }

  /** The greatest value, 0 when none was recorded; within the histogram's precision. */
  public long maxNanos() {
    return maxNanos;
  }

  /** The mean, 0 when none was recorded. */
  public double meanNanos() {
    return meanNanos;
  }

  /**
   * The value at {@code percentile}, from 0 to 100 (e.g. 99.9), to three significant digits; 0
   * when none was recorded.
   *
   * @throws IllegalArgumentException if {@code percentile} is not within [0, 100]
   */
  public synchronized long valueAtPercentile(double percentile) {
    if (!(percentile >= 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in [0, 100], was " + percentile);
    }
    return histogram.getValueAtPercentile(percentile);
  }

  /** A copy of the histogram, for reports and logs (e.g. {@code outputPercentileDistribution}). */
  public synchronized Histogram histogram() {
    return histogram.copy();
  }

  @Override
  public String toString() {
    return "LatencySnapshot{count=" + count + ", meanNanos=" + meanNanos + ", maxNanos="
        + maxNanos + '}';
  }
}

package dev.contextgateway.reports;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The latency log of one implementation in one scenario: all its intervals merged, and a
 * per-interval digest for the over-time view. Values are nanoseconds.
 *
 * <p>The histogram is owned by this record and must not be modified.
 *
 * @param scenario the scenario (the log's folder name)
 * @param implementation the implementation (the log's file name without {@code .hlog})
 * @param histogram every interval of the log added together
 * @param intervals per interval, in log order
 */
record LatencySeries(
    String scenario, String implementation, Histogram histogram, List<Interval> intervals) {

  /**
   * One interval of the log.
   *
   * @param offsetSeconds the interval's end, in seconds after the log's first interval started
   * @param count the values recorded in the interval
   * @param p99Nanos the interval's 99th percentile
   * @param maxNanos the interval's largest value
   */
  record Interval(double offsetSeconds, long count, long p99Nanos, long maxNanos) {}

  LatencySeries {
    intervals = List.copyOf(intervals);
  }
}

package dev.contextgateway.jcstress.metrics;

import java.util.concurrent.atomic.AtomicLong;

/**
 * <b>Deliberately broken interval counters, kept only to prove that {@link IntervalPartition} can
 * see the race it guards against. Never use this design.</b>
 *
 * <p>Recording is exact here (atomic increments); only the interval is wrong. An interval snapshot
 * reads every interval counter, then resets every one to zero. An event recorded between the read
 * and the reset is in no interval, and two snapshots taken together can both read the same events
 * before either resets them, so those are in two. Core's {@link
 * dev.contextgateway.metrics.GatewayMetrics} never resets a counter: an interval is the difference
 * from the counts the previous interval read, taken under a lock, and its latencies are swapped out
 * of HdrHistogram {@code Recorder}s, which lose no value recorded during the swap.
 */
final class ReadThenResetCounters {
  private final AtomicLong succeeded = new AtomicLong();
  private final AtomicLong latencies = new AtomicLong();
  private final AtomicLong totalSucceeded = new AtomicLong();

  /** A request succeeded (its latency is recorded with it). */
  void recordRequestSucceeded() {
    succeeded.incrementAndGet();
    latencies.incrementAndGet();
    totalSucceeded.incrementAndGet();
  }

  /** What was recorded since the previous interval: read everything, then reset everything. */
  Interval intervalSnapshot() {
    Interval interval = new Interval(succeeded.get(), latencies.get());
    succeeded.set(0);
    latencies.set(0);
    return interval;
  }

  /** Everything recorded since creation; exact. */
  long totalSucceeded() {
    return totalSucceeded.get();
  }

  /** One interval's figures. */
  record Interval(long succeeded, long latencies) {}
}

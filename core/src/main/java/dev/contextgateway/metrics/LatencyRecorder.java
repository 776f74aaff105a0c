package dev.contextgateway.metrics;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * One latency: a wait-free HdrHistogram {@link Recorder} for the hot path, drained under a lock
 * into a cumulative histogram and an interval histogram for readers.
 *
 * <h2>Implementation notes</h2>
 *
 * Writers only call {@link Recorder#recordValue} (wait-free) and two {@link LongAdder}s (the exact
 * count and total for Micrometer's function timer). Readers hold this object's lock while they
 * swap the recorder's interval histogram out ({@code getIntervalHistogram}, which waits for
 * in-flight records to finish) and add it to both accumulators, so every value recorded lands in
 * each accumulator exactly once. The swapped-out histogram is recycled for the next swap. Both
 * accumulators auto-resize, like the recorder, so no value is out of range.
 */
final class LatencyRecorder {
  static final int SIGNIFICANT_DIGITS = 3;

  private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
  private final LongAdder count = new LongAdder();
  private final LongAdder totalNanos = new LongAdder();

  @GuardedBy("this")
  private final Histogram cumulative = new Histogram(SIGNIFICANT_DIGITS);

  @GuardedBy("this")
  private final Histogram sinceLastInterval = new Histogram(SIGNIFICANT_DIGITS);

  @GuardedBy("this")
  private @Nullable Histogram recycled;

  /** Records one latency; a negative one (a clock that went back) is recorded as 0. */
  void record(long nanos) {
    long value = Math.max(0, nanos);
    recorder.recordValue(value);
    count.increment();
    totalNanos.add(value);
  }

  long count() {
    return count.sum();
  }

  long totalNanos() {
    return totalNanos.sum();
  }

  /** A copy of everything recorded so far. */
  synchronized Histogram cumulativeCopy() {
    drain();
    return cumulative.copy();
  }

  /** A copy of what was recorded since the previous call, and a fresh start for the next. */
  synchronized Histogram takeInterval() {
    drain();
    Histogram copy = sinceLastInterval.copy();
    sinceLastInterval.reset();
    return copy;
  }

  /** The cumulative value at {@code percentile} (0 to 100), without copying. */
  synchronized long cumulativeValueAtPercentile(double percentile) {
    drain();
    return cumulative.getValueAtPercentile(percentile);
  }

  @GuardedBy("this")
  private void drain() {
    Histogram interval = recorder.getIntervalHistogram(recycled);
    cumulative.add(interval);
    sinceLastInterval.add(interval);
    recycled = interval;
  }
}

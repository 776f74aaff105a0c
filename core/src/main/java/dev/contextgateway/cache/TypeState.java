package dev.contextgateway.cache;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * One type's policy in nanoseconds and its counters. Counters are {@link LongAdder}s and ages go
 * into a wait-free {@link Recorder}, so the hit path takes no lock; only {@link #snapshot()} locks,
 * to fold the recorder's interval into the running total.
 */
final class TypeState {
  /**
   * Ages are recorded to two significant digits (1 % resolution): enough for an age distribution,
   * and it keeps the three histograms of a type at a few KiB instead of tens.
   */
  static final int AGE_PRECISION_DIGITS = 2;

  final CacheType type;
  final long timeToLive;
  final long staleWhileRevalidate;
  final long staleIfError;

  final LongAdder hits = new LongAdder();
  final LongAdder staleHits = new LongAdder();
  final LongAdder misses = new LongAdder();
  final LongAdder generations = new LongAdder();
  final LongAdder generationFailures = new LongAdder();
  final LongAdder refreshes = new LongAdder();
  final LongAdder rejections = new LongAdder();
  final LongAdder staleOnError = new LongAdder();
  final LongAdder entries = new LongAdder();
  final LongAdder bytes = new LongAdder();
  private final LongAdder[] removals = new LongAdder[RemovalCause.values().length];

  private final Recorder ageAtHit = new Recorder(AGE_PRECISION_DIGITS);

  @GuardedBy("this")
  private final Histogram ages = new Histogram(AGE_PRECISION_DIGITS);

  @GuardedBy("this")
  private @Nullable Histogram recycled;

  TypeState(CacheType type) {
    this.type = type;
    this.timeToLive = saturatedNanos(type.timeToLive());
    this.staleWhileRevalidate = saturatedNanos(type.staleWhileRevalidate());
    this.staleIfError = saturatedNanos(type.staleIfError());
    for (int i = 0; i < removals.length; i++) {
      removals[i] = new LongAdder();
    }
  }

  void recordHit(long ageNanos) {
    hits.increment();
    recordAge(ageNanos);
  }

  void recordStaleHit(long ageNanos) {
    staleHits.increment();
    recordAge(ageNanos);
  }

  private void recordAge(long ageNanos) {
    ageAtHit.recordValue(TimeUnit.NANOSECONDS.toMicros(Math.max(0, ageNanos)));
  }

  /** Counts an entry in. Called exactly once per entry, when it is written to the store. */
  void added(long entryBytes) {
    entries.increment();
    bytes.add(entryBytes);
  }

  /** Counts an entry out. Called exactly once per entry, when it leaves the store. */
  void removed(long entryBytes, RemovalCause cause) {
    entries.decrement();
    bytes.add(-entryBytes);
    removals[cause.ordinal()].increment();
  }

  synchronized TypeStats snapshot() {
    Histogram interval = ageAtHit.getIntervalHistogram(recycled);
    ages.add(interval);
    recycled = interval;
    EnumMap<RemovalCause, Long> byCause = new EnumMap<>(RemovalCause.class);
    for (RemovalCause cause : RemovalCause.values()) {
      byCause.put(cause, removals[cause.ordinal()].sum());
    }
    return new TypeStats(
        hits.sum(),
        staleHits.sum(),
        misses.sum(),
        generations.sum(),
        generationFailures.sum(),
        refreshes.sum(),
        rejections.sum(),
        staleOnError.sum(),
        byCause,
        entries.sum(),
        bytes.sum(),
        ages);
  }

  static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
  }

  static long saturatedAdd(long a, long b) {
    long sum = a + b;
    // Overflow iff both operands have the sign opposite to the result's.
    if (((a ^ sum) & (b ^ sum)) < 0) {
      return sum < 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    return sum;
  }
}

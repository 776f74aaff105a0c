package dev.contextgateway.cache;

import java.time.Duration;
import java.util.EnumMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * One type's policy in nanoseconds and its counters. Hits and stale hits are counted by the age
 * of the entry hit ({@link AgeCounts}, one uncontended atomic increment); the other counters are
 * {@link LongAdder}s. Nothing here takes a lock.
 */
final class TypeState {
  /** The precision of the age histograms of a snapshot: two significant digits. */
  static final int AGE_PRECISION_DIGITS = 2;

  final CacheType type;
  final long timeToLive;
  final long staleWhileRevalidate;
  final long staleIfError;

  private final AgeCounts hitAges = new AgeCounts();
  private final AgeCounts staleHitAges = new AgeCounts();
  final LongAdder misses = new LongAdder();
  final LongAdder generations = new LongAdder();
  final LongAdder generationFailures = new LongAdder();
  final LongAdder refreshes = new LongAdder();
  final LongAdder rejections = new LongAdder();
  final LongAdder staleOnError = new LongAdder();
  final LongAdder entries = new LongAdder();
  final LongAdder bytes = new LongAdder();
  private final LongAdder[] removals = new LongAdder[RemovalCause.values().length];




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
    hitAges.record(TimeUnit.NANOSECONDS.toMicros(ageNanos));
  }

  void recordStaleHit(long ageNanos) {
    staleHitAges.record(TimeUnit.NANOSECONDS.toMicros(ageNanos));
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

  TypeStats snapshot() {
    Histogram ages = new Histogram(AGE_PRECISION_DIGITS);
    long hits = hitAges.addTo(ages);
    long staleHits = staleHitAges.addTo(ages);
    EnumMap<RemovalCause, Long> byCause = new EnumMap<>(RemovalCause.class);
    for (RemovalCause cause : RemovalCause.values()) {
      byCause.put(cause, removals[cause.ordinal()].sum());
    }
    return new TypeStats(
        hits,
        staleHits,
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

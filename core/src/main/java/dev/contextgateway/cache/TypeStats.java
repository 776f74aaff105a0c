package dev.contextgateway.cache;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Statistics of one cache type (or of all types, for {@link CacheStats#total()}), as of one
 * snapshot. Immutable.
 *
 * <p>Every lookup ({@code get} or {@code getOrGenerate}) counts as exactly one of a hit, a stale
 * hit or a miss, so {@code hits + staleHits + misses == lookups} always. {@code generations}
 * counts generator calls, background refreshes included.
 */
public final class TypeStats {
  private final long hits;
  private final long staleHits;
  private final long misses;
  private final long generations;
  private final long generationFailures;
  private final long refreshes;
  private final long rejections;
  private final long staleOnError;
  private final Map<RemovalCause, Long> removals;
  private final long entries;
  private final long bytes;
  private final Histogram ageAtHit;

  TypeStats(
      long hits,
      long staleHits,
      long misses,
      long generations,
      long generationFailures,
      long refreshes,
      long rejections,
      long staleOnError,
      Map<RemovalCause, Long> removals,
      long entries,
      long bytes,
      Histogram ageAtHit) {
    this.hits = hits;
    this.staleHits = staleHits;
    this.misses = misses;
    this.generations = generations;
    this.generationFailures = generationFailures;
    this.refreshes = refreshes;
    this.rejections = rejections;
    this.staleOnError = staleOnError;
    EnumMap<RemovalCause, Long> copy = new EnumMap<>(RemovalCause.class);
    for (RemovalCause cause : RemovalCause.values()) {
      copy.put(cause, removals.getOrDefault(cause, 0L));
    }
    this.removals = Collections.unmodifiableMap(copy);
    this.entries = entries;
    this.bytes = bytes;
    this.ageAtHit = ageAtHit.copy();
  }

  /** Lookups that found a fresh entry. */
  public long hits() {
    return hits;
  }

  /** Lookups served a stale entry within its stale-while-revalidate window. */
  public long staleHits() {
    return staleHits;
  }

  /** Lookups that found no servable entry. */
  public long misses() {
    return misses;
  }

  /** All lookups: {@code hits + staleHits + misses}. */
  public long lookups() {
    return hits + staleHits + misses;
  }

  /** Generator calls, including background refreshes. */
  public long generations() {
    return generations;
  }

  /** Generations that failed, including those that timed out. */
  public long generationFailures() {
    return generationFailures;
  }

  /** Generations started in the background (stale-while-revalidate or early refresh). */
  public long refreshes() {
    return refreshes;
  }

  /** Values returned to their callers but not cached because they exceed the byte bound. */
  public long rejections() {
    return rejections;
  }

  /**
   * Failed generations answered with a stale entry within its stale-if-error window; each is also
   * counted as the miss that started or joined the generation.
   */
  public long staleOnError() {
    return staleOnError;
  }

  /** Entries that left the cache for the given cause. */
  public long removals(RemovalCause cause) {
    return removals.getOrDefault(cause, 0L);
  }

  /** Entries that left the cache, by cause. */
  public Map<RemovalCause, Long> removals() {
    return removals;
  }

  /** Entries evicted by the cache itself: expired or over a bound. */
  public long evictions() {
    return removals(RemovalCause.EXPIRED) + removals(RemovalCause.SIZE);
  }

  /** Entries present. */
  public long entries() {
    return entries;
  }

  /** Bytes of the entries present, as the weigher reported them. */
  public long bytes() {
    return bytes;
  }

  /**
   * The age of entries when they were hit (fresh and stale hits), in microseconds. A copy: changing
   * it does not change this snapshot.
   */
  public Histogram ageAtHitMicros() {
    return ageAtHit.copy();
  }

  TypeStats plus(TypeStats other) {
    EnumMap<RemovalCause, Long> sum = new EnumMap<>(RemovalCause.class);
    for (RemovalCause cause : RemovalCause.values()) {
      sum.put(cause, removals(cause) + other.removals(cause));
    }
    Histogram ages = ageAtHit.copy();
    ages.add(other.ageAtHit);
    return new TypeStats(
        hits + other.hits,
        staleHits + other.staleHits,
        misses + other.misses,
        generations + other.generations,
        generationFailures + other.generationFailures,
        refreshes + other.refreshes,
        rejections + other.rejections,
        staleOnError + other.staleOnError,
        sum,
        entries + other.entries,
        bytes + other.bytes,
        ages);
  }

  @Override
  public String toString() {
    return "TypeStats{hits="
        + hits
        + ", staleHits="
        + staleHits
        + ", misses="
        + misses
        + ", generations="
        + generations
        + ", generationFailures="
        + generationFailures
        + ", refreshes="
        + refreshes
        + ", rejections="
        + rejections
        + ", staleOnError="
        + staleOnError
        + ", removals="
        + removals
        + ", entries="
        + entries
        + ", bytes="
        + bytes
        + ", ageAtHitP50Micros="
        + ageAtHit.getValueAtPercentile(50)
        + '}';
  }
}

package dev.contextgateway.benchmarks.subject;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a benchmark wants its cache configured, in terms every implementation understands or
 * refuses. Immutable; the {@code with...} methods return changed copies.
 *
 * <ul>
 *   <li><b>time to live</b>: entries are fresh this long after they were written; absent for
 *       caches whose entries never expire. Implementations without expiry ({@code chm}, the LRU
 *       baselines) refuse a time to live.
 *   <li><b>stale-while-revalidate</b>: zero (off) unless set. When set, every implementation that
 *       can serve a stale value while one refresh runs does so: {@code context-cache-swr} with
 *       this window, {@code caffeine} with {@code refreshAfterWrite(ttl)} and {@code
 *       expireAfterWrite(ttl + window)}. {@code context-cache-swr} serves stale for as long as
 *       the time to live when no window is set, so that it is always the stale-serving variant.
 *   <li><b>early refresh</b>: whether {@code context-cache} refreshes probabilistically before
 *       expiry (its default). Off in the herd benchmarks, which are about what happens at expiry.
 *   <li><b>maximum weight</b>: a bound in bytes (the generator's value weights); zero for none.
 *       Only the bounded implementations accept one.
 * </ul>
 */
public final class CacheSpec {
  private final @Nullable Duration timeToLive;
  private final Duration staleWhileRevalidate;
  private final boolean earlyRefresh;
  private final long maximumWeight;

  private CacheSpec(
      @Nullable Duration timeToLive,
      Duration staleWhileRevalidate,
      boolean earlyRefresh,
      long maximumWeight) {
    this.timeToLive = timeToLive;
    this.staleWhileRevalidate = staleWhileRevalidate;
    this.earlyRefresh = earlyRefresh;
    this.maximumWeight = maximumWeight;
  }

  /** Entries that never expire, no bound, early refresh on (the context cache's default). */
  public static CacheSpec neverExpiring() {
    return new CacheSpec(null, Duration.ZERO, true, 0);
  }

  /** Entries fresh for {@code timeToLive}, no bound, no stale serving, no early refresh. */
  public static CacheSpec expiringAfter(Duration timeToLive) {
    Objects.requireNonNull(timeToLive, "timeToLive");
    if (timeToLive.isNegative() || timeToLive.isZero()) {
      throw new IllegalArgumentException("timeToLive must be positive, was " + timeToLive);
    }
    return new CacheSpec(timeToLive, Duration.ZERO, false, 0);
  }

  /** This spec with stale values served for {@code window} past the time to live. */
  public CacheSpec withStaleWhileRevalidate(Duration window) {
    Objects.requireNonNull(window, "staleWhileRevalidate");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("staleWhileRevalidate must be positive, was " + window);
    }
    if (timeToLive == null) {
      throw new IllegalStateException("staleWhileRevalidate needs a timeToLive");
    }
    return new CacheSpec(timeToLive, window, earlyRefresh, maximumWeight);
  }

  /** This spec with the context cache's probabilistic early refresh on or off. */
  public CacheSpec withEarlyRefresh(boolean on) {
    return new CacheSpec(timeToLive, staleWhileRevalidate, on, maximumWeight);
  }

  /** This spec bounded to {@code bytes} by the values' weights. */
  public CacheSpec withMaximumWeight(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("maximumWeight must be positive, was " + bytes);
    }
    return new CacheSpec(timeToLive, staleWhileRevalidate, earlyRefresh, bytes);
  }

  /** The time to live, if entries expire. */
  public Optional<Duration> timeToLive() {
    return Optional.ofNullable(timeToLive);
  }

  /** The time to live, or a year for caches that need one and were asked for none. */
  Duration timeToLiveOrYear() {
    return timeToLive == null ? Duration.ofDays(365) : timeToLive;
  }

  /** The stale-while-revalidate window; zero when off. */
  public Duration staleWhileRevalidate() {
    return staleWhileRevalidate;
  }

  /** Whether the context cache refreshes early. */
  public boolean earlyRefresh() {
    return earlyRefresh;
  }

  /** The bound in bytes; zero when unbounded. */
  public long maximumWeight() {
    return maximumWeight;
  }

  @Override
  public String toString() {
    return "CacheSpec[timeToLive="
        + timeToLive
        + ", staleWhileRevalidate="
        + staleWhileRevalidate
        + ", earlyRefresh="
        + earlyRefresh
        + ", maximumWeight="
        + maximumWeight
        + "]";
  }
}

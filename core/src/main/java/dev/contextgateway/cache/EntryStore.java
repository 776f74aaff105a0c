package dev.contextgateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The completed entries, in Caffeine, with their bounds, expiry and exact accounting (I4).
 *
 * <p><b>Accounting.</b> Each entry is counted in exactly once, inside the {@code compute} that
 * writes it, and counted out exactly once: by the {@code compute} that replaces or removes it, or
 * by Caffeine's eviction listener, which runs inside Caffeine's atomic removal for size and expiry
 * (and for an expired entry that a {@code compute} finds, before the compute sees the key as
 * absent). Counters are per type {@code LongAdder}s, so at quiescence they equal the sums over the
 * entries present.
 *
 * <p><b>Expiry.</b> An entry stays until the later end of its stale windows. When every type has
 * the same lifetime the store uses a fixed write expiry, which spares reads the timer-wheel
 * reordering (and the read-buffer maintenance it causes) of per-entry expiry. Caffeine's time is a
 * {@link LaggingClock}: its expiry can come late, never early, and the cache judges freshness by
 * its own readings.
 *
 * <p>Writes of one key are serialized by the caller (the cache writes a key only inside its
 * flight map's {@code compute} for that key); reads are lock-free.
 */
final class EntryStore<K, V> {
  /** Caffeine caps expiry durations; stay below its cap. */
  private static final long MAXIMUM_EXPIRY = Long.MAX_VALUE >> 1;

  private static final long VARIES = -1;

  private final Cache<K, Entry<V>> cache;
  private final LaggingClock clock;
  private final Predicate<Entry<V>> isCurrent;
  /** The largest charge an entry may have and still be stored. */
  private final long maximumCharge;
  /** The least charge of an entry when both bounds are set; see {@code maximumBytes}. */
  private final long minimumCharge;

  EntryStore(ContextCacheBuilder<K, V> builder, Iterable<TypeState> types, Predicate<Entry<V>> isCurrent) {
    this.isCurrent = isCurrent;
    this.clock = new LaggingClock(builder.ticker);
    Caffeine<Object, Object> base = Caffeine.newBuilder().executor(builder.executor).ticker(clock);
    long lifetime = commonLifetime(types);
    Caffeine<K, Entry<V>> caffeine;
    if (lifetime == VARIES) {
      caffeine = base.expireAfter(new EntryExpiry<K, V>()).evictionListener(this::evicted);
    } else {
      if (lifetime < MAXIMUM_EXPIRY) {
        base.expireAfterWrite(Duration.ofNanos(lifetime));
      }
      caffeine = base.evictionListener(this::evicted);
    }
    if (builder.maximumBytes != ContextCacheBuilder.UNSET) {
      this.maximumCharge = builder.maximumBytes;
      this.minimumCharge =
          builder.maximumEntries == ContextCacheBuilder.UNSET
              ? 0
              : -Math.floorDiv(-builder.maximumBytes, builder.maximumEntries);
      this.cache =
          caffeine
              .maximumWeight(builder.maximumBytes)
              .weigher((K key, Entry<V> entry) -> (int) Math.min(entry.charge, Integer.MAX_VALUE))
              .build();
    } else {
      this.maximumCharge = Long.MAX_VALUE;
      this.minimumCharge = 0;
      if (builder.maximumEntries != ContextCacheBuilder.UNSET) {
        caffeine.maximumSize(builder.maximumEntries);
      }
      this.cache = caffeine.build();
    }
  }

  /** The weight an entry of {@code bytes} is charged against the bound. */
  long charge(long bytes) {
    return Math.max(bytes, minimumCharge);
  }

  /**
   * The stored entry, unless Caffeine has it as expired; lock-free. {@code now} is the caller's
   * ticker reading, passed on to Caffeine's clock.
   */
  @Nullable Entry<V> get(K key, long now) {
    clock.observe(now);
    return cache.getIfPresent(key);
  }

  /** The stored entry, without recording an access. */
  @Nullable Entry<V> peek(K key) {
    return cache.policy().getIfPresentQuietly(key);
  }

  /**
   * Writes {@code entry}, counting out the entry it replaces. One over the byte bound is not
   * stored and counted as rejected; it still removes the older entry, which it supersedes.
   */
  void install(K key, Entry<V> entry) {
    boolean storable = entry.charge <= maximumCharge;
    clock.advance(entry.writtenAt); // Caffeine stamps the write no earlier than the entry's time
    cache
        .asMap()
        .compute(
            key,
            (k, old) -> {
              if (old != null) {
                old.type.removed(
                    old.bytes, isCurrent.test(old) ? RemovalCause.REPLACED : RemovalCause.EXPLICIT);
              }
              if (!storable) {
                entry.type.rejections.increment();
                return null;
              }
              entry.type.added(entry.bytes);
              return entry;
            });
  }

  /** Removes the key's entry, if any. */
  void remove(K key, RemovalCause cause) {
    cache
        .asMap()
        .compute(
            key,
            (k, old) -> {
              if (old != null) {
                old.type.removed(old.bytes, cause);
              }
              return null;
            });
  }

  /**
   * Removes every entry that is no longer current (an invalidation retired it). Conditional on the
   * entry itself, so an entry written since, with the new epochs, stays.
   */
  void removeRetired() {
    for (K key : cache.asMap().keySet()) {
      cache
          .asMap()
          .computeIfPresent(
              key,
              (k, entry) -> {
                if (isCurrent.test(entry)) {
                  return entry;
                }
                entry.type.removed(entry.bytes, RemovalCause.EXPLICIT);
                return null;
              });
    }
  }

  /** Removes every entry. */
  void removeAll() {
    for (K key : cache.asMap().keySet()) {
      remove(key, RemovalCause.EXPLICIT);
    }
  }

  /** Runs Caffeine's maintenance as of {@code now}: expiry, eviction to the bounds. */
  void cleanUp(long now) {
    clock.advance(now);
    cache.cleanUp();
  }

  /** Caffeine's eviction listener: counts out the entries it removes for size or expiry. */
  private void evicted(
      @Nullable K key, @Nullable Entry<V> entry, com.github.benmanes.caffeine.cache.RemovalCause cause) {
    if (entry != null) {
      entry.type.removed(
          entry.bytes,
          cause == com.github.benmanes.caffeine.cache.RemovalCause.SIZE
              ? RemovalCause.SIZE
              : RemovalCause.EXPIRED);
    }
  }

  /**
   * How long entries stay in the store (the later end of their stale windows) if that is the same
   * for every type, else {@link #VARIES}.
   */
  private static long commonLifetime(Iterable<TypeState> states) {
    long common = VARIES;
    for (TypeState state : states) {
      long lifetime =
          TypeState.saturatedAdd(
              state.timeToLive, Math.max(state.staleWhileRevalidate, state.staleIfError));
      if (common != VARIES && common != lifetime) {
        return VARIES;
      }
      common = lifetime;
    }
    return common;
  }

  /** Per-entry expiry: each entry leaves at the end of the later of its two stale windows. */
  private static final class EntryExpiry<K, V> implements Expiry<K, Entry<V>> {
    @Override
    public long expireAfterCreate(K key, Entry<V> entry, long currentTime) {
      return Math.min(
          Math.max(0, TypeState.saturatedAdd(entry.expiresAt, -currentTime)), MAXIMUM_EXPIRY);
    }

    @Override
    public long expireAfterUpdate(K key, Entry<V> entry, long currentTime, long currentDuration) {
      return expireAfterCreate(key, entry, currentTime);
    }

    @Override
    public long expireAfterRead(K key, Entry<V> entry, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}

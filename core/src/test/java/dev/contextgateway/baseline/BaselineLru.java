package dev.contextgateway.baseline;

import org.jspecify.annotations.Nullable;

/**
 * What the seed's bounded LRU designs offer, so that one adapter drives either of them in the
 * benchmarks: look-up, put (evicting past a bound), invalidation and their own accounting.
 */
public interface BaselineLru<K, V> {

  /** The cached value, or null. */
  @Nullable V get(K key);

  /** Stores {@code value}, evicting least recently used entries past a bound. */
  void put(K key, V value);

  void invalidate(K key);

  /** Entries as the cache counts them. */
  long entries();

  /** Bytes as the cache counts them. */
  long bytes();

  /** Evictions so far. */
  long evictions();
}

package dev.contextgateway.cache;

/**
 * Tells how many bytes an entry takes, for the cache's byte bound and its byte statistics. Called
 * once per entry, when it is written; must be fast, thread-safe and free of side effects.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface Weigher<K, V> {

  /** Returns the entry's size in bytes; never negative. */
  long weigh(K key, V value);
}

package dev.contextgateway.baseline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongBiFunction;

/**
 * Baseline 4, the seed's LRU: entries in a concurrent map stamped with their last access; a put
 * over the bound scans for the least recently used entry and removes it, all without a lock. Two
 * puts that overflow together find the same oldest entry: both remove it and both subtract its
 * size (double eviction, so the byte count drifts below the truth), and the running totals are
 * plain fields updated with read-modify-write (lost updates, drift either way).
 */
public final class ScanLruCache<K, V> implements BaselineLru<K, V> {
  private final ConcurrentHashMap<K, Node<V>> entries = new ConcurrentHashMap<>();
  private final AtomicLong clock = new AtomicLong();
  private final long maximumEntries;
  private final long maximumBytes;
  private final ToLongBiFunction<? super K, ? super V> weigher;
  private final Runnable betweenScanAndRemove;

  private long bytes;
  private long count;
  private long evictions;

  public ScanLruCache(long maximumEntries, long maximumBytes, ToLongBiFunction<? super K, ? super V> weigher) {
    this(maximumEntries, maximumBytes, weigher, () -> {});
  }

  /** @param betweenScanAndRemove runs after the scan chose a victim and before it is removed */
  public ScanLruCache(
      long maximumEntries,
      long maximumBytes,
      ToLongBiFunction<? super K, ? super V> weigher,
      Runnable betweenScanAndRemove) {
    this.maximumEntries = maximumEntries;
    this.maximumBytes = maximumBytes;
    this.weigher = weigher;
    this.betweenScanAndRemove = betweenScanAndRemove;
  }

  /** The value, marking it recently used; null if absent. */
  @Override
  public V get(K key) {
    Node<V> node = entries.get(key);
    if (node == null) {
      return null;
    }
    node.lastAccess = clock.incrementAndGet();
    return node.value;
  }

  @Override
  public void put(K key, V value) {
    long weight = weigher.applyAsLong(key, value);
    Node<V> old = entries.put(key, new Node<>(value, weight, clock.incrementAndGet()));
    if (old == null) {
      count = count + 1;
      bytes = bytes + weight;
    } else {
      bytes = bytes + weight - old.weight;
    }
    while (count > maximumEntries || bytes > maximumBytes) {
      if (!evictOldest()) {
        break;
      }
    }
  }

  @Override
  public void invalidate(K key) {
    Node<V> old = entries.remove(key);
    if (old != null) {
      count = count - 1;
      bytes = bytes - old.weight;
    }
  }

  private boolean evictOldest() {
    K oldestKey = null;
    Node<V> oldest = null;
    for (Map.Entry<K, Node<V>> entry : entries.entrySet()) {
      if (oldest == null || entry.getValue().lastAccess < oldest.lastAccess) {
        oldestKey = entry.getKey();
        oldest = entry.getValue();
      }
    }
    if (oldest == null) {
      return false;
    }
    betweenScanAndRemove.run();
    entries.remove(oldestKey); // another thread may have removed it already
    count = count - 1;
    bytes = bytes - oldest.weight;
    evictions = evictions + 1;
    return true;
  }

  /** The entry count the cache believes it has. */
  @Override
  public long entries() {
    return count;
  }

  /** The byte count the cache believes it has. */
  @Override
  public long bytes() {
    return bytes;
  }

  @Override
  public long evictions() {
    return evictions;
  }

  /** The entries really present. */
  public long presentEntries() {
    return entries.size();
  }

  /** The sum of the weights of the entries really present. */
  public long presentBytes() {
    return entries.values().stream().mapToLong(node -> node.weight).sum();
  }

  private static final class Node<V> {
    final V value;
    final long weight;
    volatile long lastAccess;

    Node(V value, long weight, long lastAccess) {
      this.value = value;
      this.weight = weight;
      this.lastAccess = lastAccess;
    }
  }
}

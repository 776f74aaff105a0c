package dev.contextgateway.baseline;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongBiFunction;

/**
 * Baseline 5, the corrected but serialized version of {@link ScanLruCache}: an access-ordered
 * {@link LinkedHashMap} behind one lock. Exact bounds and accounting; every operation, reads
 * included (they reorder the map), contends on the lock.
 */
public final class GlobalLockLruCache<K, V> implements BaselineLru<K, V> {
  @GuardedBy("this")
  private final LinkedHashMap<K, Node<V>> entries = new LinkedHashMap<>(16, 0.75f, true);

  private final long maximumEntries;
  private final long maximumBytes;
  private final ToLongBiFunction<? super K, ? super V> weigher;

  @GuardedBy("this")
  private long bytes;

  @GuardedBy("this")
  private long evictions;

  public GlobalLockLruCache(long maximumEntries, long maximumBytes, ToLongBiFunction<? super K, ? super V> weigher) {
    this.maximumEntries = maximumEntries;
    this.maximumBytes = maximumBytes;
    this.weigher = weigher;
  }

  @Override
  public synchronized V get(K key) {
    Node<V> node = entries.get(key);
    return node == null ? null : node.value;
  }

  @Override
  public synchronized void put(K key, V value) {
    long weight = weigher.applyAsLong(key, value);
    Node<V> old = entries.put(key, new Node<>(value, weight));
    bytes += weight - (old == null ? 0 : old.weight);
    Iterator<Map.Entry<K, Node<V>>> eldest = entries.entrySet().iterator();
    while ((entries.size() > maximumEntries || bytes > maximumBytes) && eldest.hasNext()) {
      Node<V> victim = eldest.next().getValue();
      eldest.remove();
      bytes -= victim.weight;
      evictions++;
    }
  }

  @Override
  public synchronized void invalidate(K key) {
    Node<V> old = entries.remove(key);
    if (old != null) {
      bytes -= old.weight;
    }
  }

  @Override
  public synchronized long entries() {
    return entries.size();
  }

  @Override
  public synchronized long bytes() {
    return bytes;
  }

  @Override
  public synchronized long evictions() {
    return evictions;
  }

  /** The sum of the weights of the entries present. */
  public synchronized long presentBytes() {
    return entries.values().stream().mapToLong(node -> node.weight).sum();
  }

  private record Node<V>(V value, long weight) {}
}

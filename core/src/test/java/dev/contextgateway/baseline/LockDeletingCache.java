package dev.contextgateway.baseline;

import dev.contextgateway.time.Ticker;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Baseline 2, the fix proposed for the herd: serialise generation per key with a lock from a
 * lock table, re-check under the lock, and delete the key's lock when done so the table does not
 * grow. The deletion is the bug: a caller may have fetched the lock and be waiting on it when it
 * is deleted, and a newcomer then creates a second lock for the same key. When the first
 * generation leaves nothing fresh behind (it failed, or the entry was invalidated or expired
 * meanwhile), the waiter on the deleted lock and the newcomer on the new lock both pass the
 * re-check and <b>two generations run at once</b>. Each finisher also deletes whatever lock the
 * table holds for the key, possibly one another caller holds, which lets a third in.
 */
public final class LockDeletingCache<K, V> implements BaselineCache<K, V> {
  private final ConcurrentHashMap<K, Stamped<V>> entries = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<K, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final Ticker ticker;
  private final long timeToLive;
  private final Runnable afterLockFetched;

  public LockDeletingCache(Ticker ticker, Duration timeToLive) {
    this(ticker, timeToLive, () -> {});
  }

  /**
   * @param afterLockFetched runs after a caller fetched the key's lock from the table and before
   *     it locks it: the window in which the lock can be deleted under it
   */
  public LockDeletingCache(Ticker ticker, Duration timeToLive, Runnable afterLockFetched) {
    this.ticker = ticker;
    this.timeToLive = timeToLive.toNanos();
    this.afterLockFetched = afterLockFetched;
  }

  /** Returns the fresh cached value, else generates one on the calling thread under the key's lock. */
  @Override
  public V getOrGenerate(K key, Function<? super K, ? extends V> generator) {
    V cached = get(key);
    if (cached != null) {
      return cached;
    }
    ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
    afterLockFetched.run();
    lock.lock();
    try {
      V rechecked = get(key);
      if (rechecked != null) {
        return rechecked;
      }
      V value = generator.apply(key);
      entries.put(key, new Stamped<>(value, ticker.read()));
      return value;
    } finally {
      lock.unlock();
      locks.remove(key); // deletes the lock others may hold or wait on
    }
  }

  /** The fresh cached value, or null. */
  @Override
  public V get(K key) {
    Stamped<V> cached = entries.get(key);
    return cached != null && cached.isFresh(ticker.read(), timeToLive) ? cached.value() : null;
  }

  @Override
  public void put(K key, V value) {
    entries.put(key, new Stamped<>(value, ticker.read()));
  }

  @Override
  public void invalidate(K key) {
    entries.remove(key);
  }

  /** Removes the entries whose keys match, e.g. those of one workspace. */
  @Override
  public void invalidateIf(Predicate<? super K> matches) {
    entries.keySet().removeIf(matches);
  }
}

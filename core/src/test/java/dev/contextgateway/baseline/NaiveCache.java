package dev.contextgateway.baseline;

import dev.contextgateway.time.Ticker;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Baseline 1, the seed's cache: look up, and on a miss generate and store. The map is concurrent,
 * but the look-up and the store are two steps, so every caller that misses between them
 * generates: N concurrent callers on an expired key make N generator calls (thundering herd).
 */
public final class NaiveCache<K, V> implements BaselineCache<K, V> {
  private final ConcurrentHashMap<K, Stamped<V>> entries = new ConcurrentHashMap<>();
  private final Ticker ticker;
  private final long timeToLive;

  public NaiveCache(Ticker ticker, Duration timeToLive) {
    this.ticker = ticker;
    this.timeToLive = timeToLive.toNanos();
  }

  /** Returns the fresh cached value, else generates one on the calling thread and stores it. */
  @Override
  public V getOrGenerate(K key, Function<? super K, ? extends V> generator) {
    Stamped<V> cached = entries.get(key);
    if (cached != null && cached.isFresh(ticker.read(), timeToLive)) {
      return cached.value();
    }
    V value = generator.apply(key); // check-then-act: every concurrent miss gets here
    entries.put(key, new Stamped<>(value, ticker.read()));
    return value;
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

package dev.contextgateway.baseline;

import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What the seed's key-value cache designs offer, so that one adapter drives any of them in the
 * harness (Lincheck, benchmarks): get-or-generate on the calling thread, look-up, put and
 * invalidation.
 */
public interface BaselineCache<K, V> {

  /** The fresh cached value, or one generated on the calling thread and stored. */
  V getOrGenerate(K key, Function<? super K, ? extends V> generator);

  /** The fresh cached value, or null. */
  @Nullable V get(K key);

  void put(K key, V value);

  void invalidate(K key);

  /** Removes the entries whose keys match, e.g. those of one workspace. */
  void invalidateIf(Predicate<? super K> matches);
}

package dev.contextgateway.cache;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A cache of prepared context with single-flight generation.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li><b>Single flight.</b> While a generation of a key is in flight, every other caller for that
 *       key joins it: one generator call per generation, however many callers. (A generation
 *       displaced by an invalidation or a put may still be finishing for its own callers while the
 *       next one runs; only the latter can install its value.)
 *   <li><b>Linearizable</b> {@code getOrGenerate}, {@code get}, {@code put} and the invalidations,
 *       as long as no entry is evicted for size or expiry meanwhile.
 *   <li><b>Waiter isolation.</b> Each caller of a generation gets its own future. Cancelling it, or
 *       letting it time out, never cancels the shared generation the others wait for. (A hit
 *       returns an already completed future, which callers of the same entry may share; cancelling
 *       or completing it has no effect.)
 *   <li><b>Failure.</b> A failed generation fails every caller waiting on it with the same cause
 *       and caches nothing; the next call generates again. A generation that outlives the
 *       configured timeout fails its callers with {@link GenerationTimeoutException}.
 *   <li><b>No stale resurrection.</b> A generation that started before {@link #invalidate},
 *       {@link #invalidateWorkspace}, {@link #invalidateAll} or {@link #put} of its key returned
 *       never installs its value afterwards (its own callers still receive it), so a call that
 *       starts after the invalidation returned never sees a value generated before it.
 *   <li><b>Staleness is visible.</b> {@link #getOrGenerateResult} says whether a value is fresh,
 *       generated, stale while revalidating, or stale because its regeneration failed.
 *   <li><b>Exact statistics</b>, per {@link CacheType}, without locks on the hit path.
 * </ul>
 *
 * <h2>Thread safety</h2>
 *
 * All methods are thread-safe and none blocks: generators run on the configured executor and
 * results arrive through futures. The actions of a generation (its generator and its value)
 * happen-before the completion of every caller's future for it. Callers of one key should always
 * name the same {@link CacheType}; an entry keeps the type it was written with.
 *
 * <p>Built by {@link #builder()}; {@link #close()} ends it.
 *
 * @param <K> the key type; keys must have consistent {@code equals} and {@code hashCode}
 * @param <V> the value type
 */
public interface ContextCache<K, V> extends AutoCloseable {

  /**
   * A builder for a cache; see {@link ContextCacheBuilder} for the settings and defaults. The key
   * and value types are inferred at {@code build()}, or narrowed by a typed {@code weigher} or
   * {@code workspaceOf}.
   */
  static ContextCacheBuilder<Object, Object> builder() {
    return new ContextCacheBuilder<>();
  }

  /**
   * Returns the value for {@code key}: the cached one if fresh (or stale within its
   * stale-while-revalidate window, starting one background refresh), else the value of the
   * generation in flight for the key, starting one if there is none.
   *
   * @throws IllegalArgumentException if the cache was not built with {@code type}
   * @throws IllegalStateException if the cache is closed
   */
  CompletableFuture<V> getOrGenerate(K key, CacheType type, Generator<? super K, V> generator);

  /**
   * As {@link #getOrGenerate}, telling also how the value was served and its age. When the
   * generation fails and a stale entry within its stale-if-error window is present, the stale
   * value is served as {@link CacheResult.Outcome#STALE_ON_ERROR}.
   */
  CompletableFuture<CacheResult<V>> getOrGenerateResult(
      K key, CacheType type, Generator<? super K, V> generator);

  /**
   * Looks {@code key} up without generating. Returns a fresh entry, or with {@code allowStale} a
   * stale one within its stale-while-revalidate window too; starts no refresh.
   */
  Optional<CacheResult<V>> get(K key, CacheType type, boolean allowStale);

  /**
   * The entry a caller may serve instead of a generation it stopped waiting for (its own deadline
   * passed, say): fresh ({@link CacheResult.Outcome#HIT}), stale within its stale-while-revalidate
   * window ({@link CacheResult.Outcome#STALE}), or stale within its stale-if-error window ({@link
   * CacheResult.Outcome#STALE_ON_ERROR}). Counts no look-up (the caller's look-up was counted when
   * it missed) but counts a stale-on-error serve; starts no generation.
   */
  Optional<CacheResult<V>> getFallback(K key, CacheType type);

  /**
   * Stores {@code value} for {@code key} as if just generated. A generation of the key in flight
   * still completes for its callers but does not overwrite this value. A value heavier than the
   * byte bound is not stored (and any older entry is removed).
   */
  void put(K key, CacheType type, V value);

  /** Removes the entry for {@code key} and keeps a generation in flight from installing. */
  void invalidate(K key);

  /**
   * Removes every entry whose key's workspace is {@code workspace} (compared as normalized absolute
   * paths), and keeps their generations in flight from installing. Atomic: no look-up that starts
   * after this call returned sees any of them, even while they are still being removed.
   *
   * @throws IllegalStateException if the cache was built without a workspace function
   */
  void invalidateWorkspace(Path workspace);

  /** Removes every entry and keeps every generation in flight from installing; atomic, as {@link #invalidateWorkspace}. */
  void invalidateAll();

  /** A snapshot of the statistics. */
  CacheStats stats();

  /**
   * Runs pending maintenance (eviction to the bounds, removal of expired entries) on the calling
   * thread. Maintenance also runs by itself; this is for tests and for exact statistics at
   * quiescence.
   */
  void cleanUp();

  /**
   * Closes the cache: generations in flight fail their callers with {@link IllegalStateException}
   * and are cancelled, entries are dropped, and later calls throw {@link IllegalStateException}.
   * Injected executors and schedulers stay open. Idempotent.
   */
  @Override
  void close();
}

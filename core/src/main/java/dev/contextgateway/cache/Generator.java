package dev.contextgateway.cache;

import java.util.concurrent.CompletionStage;

/**
 * Produces the value for a key. Called by the cache on its executor, at most once per generation
 * of a key however many callers are waiting for it.
 *
 * <p>The generation fails, for every caller waiting on it, when this method throws, returns
 * {@code null}, or returns a stage that completes exceptionally or with {@code null}. When the
 * cache's generation timeout passes first, the cache tries to cancel the returned stage.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface Generator<K, V> {

  /** Starts generating the value for {@code key}. */
  CompletionStage<V> generate(K key) throws Exception;
}

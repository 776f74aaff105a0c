/**
 * The context cache: single-flight generation, stale-while-revalidate, probabilistic early
 * refresh, per-type expiry and statistics, byte-bounded eviction and workspace invalidation.
 *
 * <p>The API is {@link dev.contextgateway.cache.ContextCache} and the types it names; everything
 * else in this package is package-private machinery.
 */
@NullMarked
package dev.contextgateway.cache;

import org.jspecify.annotations.NullMarked;

package dev.contextgateway.benchmarks.subject;

import dev.contextgateway.cache.CacheType;
import dev.contextgateway.cache.ContextCache;
import dev.contextgateway.cache.ContextCacheBuilder;
import dev.contextgateway.cache.Generator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The project's {@link ContextCache} with its defaults (common-pool executor, system ticker and
 * scheduler), optionally with stale-while-revalidate, generating through the generator's
 * asynchronous form.
 */
final class ContextCacheSubject implements BenchmarkCache {
  private final ContextCache<Integer, Value> cache;
  private final CacheType type;
  private final Generator<Integer, Value> generator;

  ContextCacheSubject(CacheSpec spec, SimulatedGenerator generator, boolean staleWhileRevalidate) {
    Duration ttl = spec.timeToLiveOrYear();
    CacheType plain = CacheType.of("context", ttl);
    Duration window = spec.staleWhileRevalidate().isZero() ? ttl : spec.staleWhileRevalidate();
    this.type = staleWhileRevalidate ? plain.withStaleWhileRevalidate(window) : plain;
    ContextCacheBuilder<Object, Object> builder =
        ContextCache.builder().types(type).earlyRefreshBeta(spec.earlyRefresh() ? 1.0 : 0.0);
    this.cache =
        spec.maximumWeight() > 0
            ? builder
                .maximumBytes(spec.maximumWeight())
                .weigher((Integer key, Value value) -> (long) value.weight())
                .build()
            : builder.build();
    this.generator = generator::generateAsync;
  }

  @Override
  public Value getOrGenerate(Integer key) {
    return cache.getOrGenerate(key, type, generator).join();
  }

  @Override
  public CompletableFuture<Value> getOrGenerateAsync(Integer key) {
    return cache.getOrGenerate(key, type, generator);
  }

  @Override
  public void put(Integer key, Value value) {
    cache.put(key, type, value);
  }

  @Override
  public boolean blocksCaller() {
    return false;
  }

  @Override
  public void close() {
    cache.close();
  }
}

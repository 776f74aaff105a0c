package dev.contextgateway.benchmarks.subject;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Caffeine's {@link AsyncLoadingCache} loading through the generator's asynchronous form: one
 * load per key in flight, callers join it. With a stale-while-revalidate window it refreshes
 * after the time to live and expires after time to live plus window, Caffeine's way of serving
 * stale while one refresh runs.
 */
final class CaffeineSubject implements BenchmarkCache {
  private final AsyncLoadingCache<Integer, Value> cache;
  private final LoadingCache<Integer, Value> synchronous;

  CaffeineSubject(CacheSpec spec, SimulatedGenerator generator) {
    Caffeine<Object, Object> builder = Caffeine.newBuilder();
    spec.timeToLive()
        .ifPresent(
            ttl -> {
              Duration window = spec.staleWhileRevalidate();
              if (window.isZero()) {
                builder.expireAfterWrite(ttl);
              } else {
                builder.expireAfterWrite(ttl.plus(window)).refreshAfterWrite(ttl);
              }
            });
    AsyncCacheLoader<Integer, Value> loader = (key, executor) -> generator.generateAsync(key);
    this.cache =
        spec.maximumWeight() > 0
            ? builder
                .maximumWeight(spec.maximumWeight())
                .weigher((Integer key, Value value) -> value.weight())
                .buildAsync(loader)
            : builder.buildAsync(loader);
    this.synchronous = cache.synchronous();
  }

  @Override
  public Value getOrGenerate(Integer key) {
    return cache.get(key).join();
  }

  @Override
  public CompletableFuture<Value> getOrGenerateAsync(Integer key) {
    return cache.get(key);
  }

  @Override
  public void put(Integer key, Value value) {
    synchronous.put(key, value);
  }

  @Override
  public boolean blocksCaller() {
    return false;
  }

  @Override
  public void close() {
    synchronous.invalidateAll();
  }
}

package dev.contextgateway.benchmarks.subject;

import dev.contextgateway.baseline.BaselineLru;
import dev.contextgateway.baseline.GlobalLockLruCache;
import dev.contextgateway.baseline.ScanLruCache;

/**
 * The seed's bounded LRU designs (core's {@code baseline} package), which do not expire: seed
 * design 4, eviction by an unlocked scan for the least recently used entry; seed design 5, an
 * access-ordered {@code LinkedHashMap} behind one lock. A miss generates on the calling thread.
 */
final class LruSubject extends BlockingSubject {
  private final BaselineLru<Integer, Value> cache;
  private final SimulatedGenerator generator;

  private LruSubject(BaselineLru<Integer, Value> cache, SimulatedGenerator generator) {
    this.cache = cache;
    this.generator = generator;
  }

  static LruSubject scan(CacheSpec spec, SimulatedGenerator generator) {
    return new LruSubject(
        new ScanLruCache<>(Long.MAX_VALUE, byteBound(spec), (key, value) -> value.weight()), generator);
  }

  static LruSubject globalLock(CacheSpec spec, SimulatedGenerator generator) {
    return new LruSubject(
        new GlobalLockLruCache<>(Long.MAX_VALUE, byteBound(spec), (key, value) -> value.weight()),
        generator);
  }

  private static long byteBound(CacheSpec spec) {
    return spec.maximumWeight() == 0 ? Long.MAX_VALUE : spec.maximumWeight();
  }

  @Override
  public Value getOrGenerate(Integer key) {
    Value cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    Value value = generator.generate(key);
    cache.put(key, value);
    return value;
  }

  @Override
  public void put(Integer key, Value value) {
    cache.put(key, value);
  }
}

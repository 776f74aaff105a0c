package dev.contextgateway.benchmarks.subject;

import dev.contextgateway.baseline.GlobalLockLruCache;

/** Seed design 5: an access-ordered {@code LinkedHashMap} behind one lock; no expiry. */
final class GlobalLockLruSubject extends BlockingSubject {
  private final GlobalLockLruCache<Integer, Value> cache;
  private final SimulatedGenerator generator;

  GlobalLockLruSubject(CacheSpec spec, SimulatedGenerator generator) {
    long bound = spec.maximumWeight() == 0 ? Long.MAX_VALUE : spec.maximumWeight();
    this.cache = new GlobalLockLruCache<>(Long.MAX_VALUE, bound, (key, value) -> value.weight());
    this.generator = generator;
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

package dev.contextgateway.benchmarks.subject;

import dev.contextgateway.baseline.ScanLruCache;

/** Seed design 4: eviction by an unlocked scan for the least recently used entry; no expiry. */
final class ScanLruSubject extends BlockingSubject {
  private final ScanLruCache<Integer, Value> cache;
  private final SimulatedGenerator generator;

  ScanLruSubject(CacheSpec spec, SimulatedGenerator generator) {
    long bound = spec.maximumWeight() == 0 ? Long.MAX_VALUE : spec.maximumWeight();
    this.cache = new ScanLruCache<>(Long.MAX_VALUE, bound, (key, value) -> value.weight());
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

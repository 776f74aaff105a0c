package dev.contextgateway.benchmarks.subject;

import dev.contextgateway.baseline.LockDeletingCache;
import dev.contextgateway.time.Ticker;

/** Seed design 2: a per-key lock, deleted after each generation. */
final class LockDeletingSubject extends BlockingSubject {
  private final LockDeletingCache<Integer, Value> cache;
  private final SimulatedGenerator generator;

  LockDeletingSubject(CacheSpec spec, SimulatedGenerator generator) {
    this.cache = new LockDeletingCache<>(Ticker.system(), spec.timeToLiveOrYear());
    this.generator = generator;
  }

  @Override
  public Value getOrGenerate(Integer key) {
    return cache.getOrGenerate(key, generator::generate);
  }

  @Override
  public void put(Integer key, Value value) {
    cache.put(key, value);
  }
}

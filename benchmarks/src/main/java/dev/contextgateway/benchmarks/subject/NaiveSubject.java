package dev.contextgateway.benchmarks.subject;

import dev.contextgateway.baseline.NaiveCache;
import dev.contextgateway.time.Ticker;

/** Seed design 1, check-then-act: every concurrent miss generates. */
final class NaiveSubject extends BlockingSubject {
  private final NaiveCache<Integer, Value> cache;
  private final SimulatedGenerator generator;

  NaiveSubject(CacheSpec spec, SimulatedGenerator generator) {
    this.cache = new NaiveCache<>(Ticker.system(), spec.timeToLiveOrYear());
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

package dev.contextgateway.benchmarks.subject;

import dev.contextgateway.baseline.BaselineCache;
import dev.contextgateway.baseline.LockDeletingCache;
import dev.contextgateway.baseline.NaiveCache;
import dev.contextgateway.time.Ticker;

/**
 * The seed's synchronous designs (core's {@code baseline} package): seed design 1, check-then-act,
 * where every concurrent miss generates; seed design 2, a per-key lock deleted after each
 * generation.
 */
final class BaselineSubject extends BlockingSubject {
  private final BaselineCache<Integer, Value> cache;
  private final SimulatedGenerator generator;

  private BaselineSubject(BaselineCache<Integer, Value> cache, SimulatedGenerator generator) {
    this.cache = cache;
    this.generator = generator;
  }

  static BaselineSubject naive(CacheSpec spec, SimulatedGenerator generator) {
    return new BaselineSubject(new NaiveCache<>(Ticker.system(), spec.timeToLiveOrYear()), generator);
  }

  static BaselineSubject lockDeleting(CacheSpec spec, SimulatedGenerator generator) {
    return new BaselineSubject(
        new LockDeletingCache<>(Ticker.system(), spec.timeToLiveOrYear()), generator);
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

package dev.contextgateway.benchmarks.subject;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A raw {@link ConcurrentHashMap}: {@code get}, then {@code computeIfAbsent} on a miss. No expiry,
 * no bound: the ceiling of what a concurrent map costs on the hit path.
 */
final class ChmSubject extends BlockingSubject {
  private final ConcurrentHashMap<Integer, Value> map = new ConcurrentHashMap<>();
  private final SimulatedGenerator generator;

  ChmSubject(SimulatedGenerator generator) {
    this.generator = generator;
  }

  @Override
  public Value getOrGenerate(Integer key) {
    Value cached = map.get(key);
    return cached != null ? cached : map.computeIfAbsent(key, generator::generate);
  }

  @Override
  public void put(Integer key, Value value) {
    map.put(key, value);
  }
}

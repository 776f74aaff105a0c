package dev.contextgateway.benchmarks.jmh;

import dev.contextgateway.baseline.TypeCounters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-type hit and miss counters as the context cache keeps them: an immutable map from type to
 * {@link LongAdder}s, so recording takes no lock and contending threads spread over cells. Exact
 * at quiescence. Thread-safe.
 */
final class LongAdderTypeStats implements TypeCounters {
  private final Map<String, Counters> byType;

  LongAdderTypeStats(List<String> types) {
    Map<String, Counters> counters = new HashMap<>();
    for (String type : types) {
      counters.put(type, new Counters());
    }
    this.byType = Map.copyOf(counters);
  }

  @Override
  public void recordHit(String type) {
    counters(type).hits.increment();
  }

  @Override
  public void recordMiss(String type) {
    counters(type).misses.increment();
  }

  @Override
  public long hits(String type) {
    return counters(type).hits.sum();
  }

  @Override
  public long misses(String type) {
    return counters(type).misses.sum();
  }

  private Counters counters(String type) {
    Counters counters = byType.get(type);
    if (counters == null) {
      throw new IllegalArgumentException("unknown type '" + type + "', known: " + byType.keySet());
    }
    return counters;
  }

  private static final class Counters {
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
  }
}

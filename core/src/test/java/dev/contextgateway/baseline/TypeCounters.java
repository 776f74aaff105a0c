package dev.contextgateway.baseline;

/** Per-type hit and miss counters, the shape the stats baselines and benchmarks share. */
public interface TypeCounters {
  void recordHit(String type);

  void recordMiss(String type);

  long hits(String type);

  long misses(String type);
}

package dev.contextgateway.baseline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Baseline 3, the seed's per-type statistics: plain counters bumped with read-modify-write and no
 * synchronization, so concurrent updates of one type's counter are lost (and, without a
 * happens-before edge, a reader may see stale counts).
 */
public final class RacyTypeStats implements TypeCounters {
  private final Map<String, Counters> byType = new LinkedHashMap<>();
  private final Runnable betweenReadAndWrite;

  public RacyTypeStats(List<String> types) {
    this(types, () -> {});
  }

  /** @param betweenReadAndWrite runs between reading a counter and writing it back */
  public RacyTypeStats(List<String> types, Runnable betweenReadAndWrite) {
    for (String type : types) {
      byType.put(type, new Counters());
    }
    this.betweenReadAndWrite = betweenReadAndWrite;
  }

  @Override
  public void recordHit(String type) {
    Counters counters = byType.get(type);
    long seen = counters.hits;
    betweenReadAndWrite.run();
    counters.hits = seen + 1;
  }

  @Override
  public void recordMiss(String type) {
    Counters counters = byType.get(type);
    long seen = counters.misses;
    betweenReadAndWrite.run();
    counters.misses = seen + 1;
  }

  @Override
  public long hits(String type) {
    return byType.get(type).hits;
  }

  @Override
  public long misses(String type) {
    return byType.get(type).misses;
  }

  private static final class Counters {
    long hits;
    long misses;
  }
}

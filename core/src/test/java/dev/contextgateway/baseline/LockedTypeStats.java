package dev.contextgateway.baseline;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The corrected-but-serialized version of {@link RacyTypeStats}: every update and read takes one
 * lock. Exact, and a performance baseline for the {@code LongAdder} counters of the cache.
 */
public final class LockedTypeStats implements TypeCounters {
  @GuardedBy("this")
  private final Map<String, long[]> byType = new LinkedHashMap<>();

  public LockedTypeStats(List<String> types) {
    for (String type : types) {
      byType.put(type, new long[2]);
    }
  }

  @Override
  public synchronized void recordHit(String type) {
    byType.get(type)[0]++;
  }

  @Override
  public synchronized void recordMiss(String type) {
    byType.get(type)[1]++;
  }

  @Override
  public synchronized long hits(String type) {
    return byType.get(type)[0];
  }

  @Override
  public synchronized long misses(String type) {
    return byType.get(type)[1];
  }
}

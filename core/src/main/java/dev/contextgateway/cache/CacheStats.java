package dev.contextgateway.cache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A snapshot of a cache's statistics, per type and in total. Immutable.
 *
 * <p>Counters are exact: every event is counted once, whatever the concurrency. A snapshot taken
 * while operations run may see some of them and not others; at quiescence, after
 * {@link ContextCache#cleanUp()}, entries and bytes equal the sums over the entries present.
 */
public final class CacheStats {
  private final Map<String, TypeStats> byType;
  private final TypeStats total;

  CacheStats(Map<String, TypeStats> byType) {
    this.byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
    TypeStats sum = empty();
    for (TypeStats stats : byType.values()) {
      sum = sum.plus(stats);
    }
    this.total = sum;
  }

  /** The sum over all types. */
  public TypeStats total() {
    return total;
  }

  /** Statistics per type, by type name, in the order the types were configured. */
  public Map<String, TypeStats> byType() {
    return byType;
  }

  /**
   * Statistics of one type.
   *
   * @throws IllegalArgumentException if the cache was not built with this type
   */
  public TypeStats of(CacheType type) {
    TypeStats stats = byType.get(type.name());
    if (stats == null) {
      throw new IllegalArgumentException("unknown cache type '" + type.name() + "'");
    }
    return stats;
  }

  private static TypeStats empty() {
    return new TypeStats(0, 0, 0, 0, 0, 0, 0, 0, Map.of(), 0, 0, new Histogram(TypeState.AGE_PRECISION_DIGITS));
  }

  @Override
  public String toString() {
    return "CacheStats{total=" + total + ", byType=" + byType + '}';
  }
}

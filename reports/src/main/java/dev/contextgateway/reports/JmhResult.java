package dev.contextgateway.reports;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * One benchmark result of a JMH JSON file: a benchmark with one assignment of its parameters.
 *
 * @param benchmark the full benchmark name, {@code package.Class.method} (or {@code .group})
 * @param mode JMH's mode, such as {@code thrpt} or {@code avgt}
 * @param threads the threads JMH ran the benchmark with
 * @param params the {@code @Param} values, sorted by name
 * @param primary the primary metric
 * @param secondary the secondary metrics ({@code @AuxCounters}, {@code @Group} members), sorted
 */
record JmhResult(
    String benchmark,
    String mode,
    int threads,
    SortedMap<String, String> params,
    JmhMetric primary,
    SortedMap<String, JmhMetric> secondary) {

  /** The {@code @Param} naming the implementation under test. */
  static final String IMPL = "impl";

  /** The pseudo-parameter for JMH's thread count, used unless a {@code @Param} has this name. */
  static final String THREADS = "threads";

  /** A metric's score, its error (the 99.9 % confidence half-width, NaN if unknown) and unit. */
  record JmhMetric(double score, double error, String unit) {}

  /** The implementation under test, or null if the benchmark has no {@code impl} parameter. */
  @Nullable String implementation() {
    return params.get(IMPL);
  }

  /** {@code Class.method}: the benchmark name without its package. */
  String shortName() {
    int method = benchmark.lastIndexOf('.');
    int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
    return benchmark.substring(type + 1);
  }

  /** A parameter's value; {@code threads} falls back to JMH's thread count. */
  @Nullable String param(String name) {
    String value = params.get(name);
    if (value == null && name.equals(THREADS)) {
      return Integer.toString(threads);
    }
    return value;
  }

  /** The parameters other than {@code impl}, JMH's thread count first: what a group shares. */
  Map<String, String> groupParams() {
    Map<String, String> group = new LinkedHashMap<>();
    if (!params.containsKey(THREADS)) {
      group.put(THREADS, Integer.toString(threads));
    }
    params.forEach(
        (name, value) -> {
          if (!name.equals(IMPL)) {
            group.put(name, value);
          }
        });
    return group;
  }

  /** {@code threads=8, keys=1000}: the label of this result's group. */
  String groupLabel() {
    StringJoiner label = new StringJoiner(", ");
    groupParams().forEach((name, value) -> label.add(name + "=" + value));
    return label.toString();
  }

  /** The results that are compared with one another share this key. */
  GroupKey groupKey() {
    return new GroupKey(benchmark, mode, groupLabel());
  }

  /** This result's metric named {@code name}; {@link #PRIMARY} is the primary metric. */
  @Nullable JmhMetric metric(String name) {
    return name.equals(PRIMARY) ? primary : secondary.get(name);
  }

  /** The name under which {@link #metric} returns the primary metric. */
  static final String PRIMARY = "score";

  /** A benchmark, its mode and the parameters other than {@code impl}. */
  record GroupKey(String benchmark, String mode, String label) {}
}

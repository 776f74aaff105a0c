package dev.contextgateway.reports;

import dev.contextgateway.reports.JmhResult.JmhMetric;
import dev.contextgateway.reports.Table.Cell;
import dev.contextgateway.reports.Table.Tone;
import dev.contextgateway.reports.run.MachineInfo;
import dev.contextgateway.reports.run.RunInfo;
import dev.contextgateway.reports.run.ScenarioInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/** Builds the report's tables from a run; markdown and HTML render the same tables. Stateless. */
final class ReportTables {

  /** The percentiles of the latency tables; 100 is shown as "max". */
  static final List<Double> PERCENTILES = List.of(50.0, 90.0, 99.0, 99.9, 99.99, 100.0);

  /** The derived herd metric: generator calls ÷ expiries, both summed by JMH. */
  static final String CALLS_PER_EXPIRY = "generatorCallsPerExpiry";

  private static final List<String> REFERENCES =
      List.of(Implementations.CAFFEINE, Implementations.NAIVE);

  private ReportTables() {}

  static Table machine(RunInfo run) {
    MachineInfo m = run.machine();
    return Table.builder()
        .left("Property")
        .left("Value")
        .row("Date", m.date())
        .row("Mode", run.mode())
        .row("Cores", Integer.toString(m.cores()))
        .row("JVM", m.jvmName() + " " + m.jvmVersion() + " (" + m.jvmVendor() + ")")
        .row("OS", m.os())
        .build();
  }

  static Optional<Table> settings(RunInfo run) {
    if (run.settings().isEmpty()) {
      return Optional.empty();
    }
    Table.Builder table = Table.builder().left("Setting").left("Value");
    run.settings().forEach(table::row);
    return Optional.of(table.build());
  }

  static Table targets(List<TargetResult> results) {
    boolean notes = results.stream().anyMatch(r -> r.note() != null);
    Table.Builder table =
        Table.builder()
            .left("Id")
            .left("Target")
            .left("Where")
            .left("Requirement")
            .right("Measured")
            .left("Status")
            .left("Margin");
    if (notes) {
      table.left("Note");
    }
    for (TargetResult r : results) {
      Tone tone =
          switch (r.status()) {
            case MET -> Tone.GOOD;
            case MISSED -> Tone.BAD;
            case NOT_MEASURED -> Tone.MUTED;
          };
      List<Cell> row = new ArrayList<>();
      row.add(Cell.of(r.target().id()));
      row.add(Cell.of(r.target().title()));
      row.add(Cell.of(r.scope()));
      row.add(Cell.of(r.requirement()));
      row.add(Cell.of(r.measured()));
      row.add(new Cell(r.status().label(), tone));
      row.add(Cell.of(r.margin()));
      if (notes) {
        String note = r.note();
        row.add(Cell.of(note == null ? "" : note));
      }
      table.row(row);
    }
    return table.build();
  }

  /** A scenario's parameters as one line: {@code arrivalRatePerSecond = 2000, ...}. */
  static String parameters(ScenarioInfo scenario) {
    List<String> parts = new ArrayList<>();
    scenario.parameters().forEach((name, value) -> parts.add(name + " = " + Fmt.trim(value)));
    return String.join(", ", parts);
  }

  // ---- latency

  static String percentileHeader(double percentile) {
    return percentile == 100.0 ? "max" : Fmt.percentileLabel(percentile);
  }

  /** Samples and percentiles (ms) of each implementation's log. */
  static Table latency(List<LatencySeries> series) {
    Table.Builder table = Table.builder().left("Implementation").right("Samples");
    PERCENTILES.forEach(p -> table.right(percentileHeader(p) + " (ms)"));
    for (LatencySeries s : series) {
      List<Cell> row = new ArrayList<>();
      row.add(Cell.of(s.implementation()));
      Histogram h = s.histogram();
      row.add(Cell.of(Fmt.count(h.getTotalCount())));
      for (double p : PERCENTILES) {
        row.add(Cell.of(h.getTotalCount() == 0 ? Fmt.NONE : Fmt.nanosAsMillis(valueAt(h, p))));
      }
      table.row(row);
    }
    return table.build();
  }

  static long valueAt(Histogram histogram, double percentile) {
    return percentile == 100.0
        ? histogram.getMaxValue()
        : histogram.getValueAtPercentile(percentile);
  }

  /** Each percentile of each implementation divided by caffeine's and naive's, if present. */
  static Optional<Table> latencyRatios(List<LatencySeries> series) {
    Map<String, double[]> values = new LinkedHashMap<>();
    for (LatencySeries s : series) {
      Histogram h = s.histogram();
      if (h.getTotalCount() > 0) {
        values.put(
            s.implementation(),
            PERCENTILES.stream().mapToDouble(p -> (double) valueAt(h, p)).toArray());
      }
    }
    List<String> columns = PERCENTILES.stream().map(ReportTables::percentileHeader).toList();
    return ratios(columns, values);
  }

  // ---- counters

  /** The counters of each implementation of the scenario, one column per counter name. */
  static Optional<Table> counters(ScenarioInfo scenario) {
    if (scenario.counters().isEmpty()) {
      return Optional.empty();
    }
    List<String> names = counterNames(scenario);
    Table.Builder table = Table.builder().left("Implementation");
    names.forEach(table::right);
    for (String impl : Implementations.sorted(scenario.counters().keySet())) {
      Map<String, Long> counters = scenario.counters().getOrDefault(impl, Map.of());
      List<Cell> row = new ArrayList<>();
      row.add(Cell.of(impl));
      for (String name : names) {
        Long value = counters.get(name);
        row.add(Cell.of(value == null ? Fmt.NONE : Fmt.count(value)));
      }
      table.row(row);
    }
    return Optional.of(table.build());
  }

  static Optional<Table> counterRatios(ScenarioInfo scenario) {
    List<String> names = counterNames(scenario);
    Map<String, double[]> values = new LinkedHashMap<>();
    for (String impl : Implementations.sorted(scenario.counters().keySet())) {
      Map<String, Long> counters = scenario.counters().getOrDefault(impl, Map.of());
      values.put(
          impl,
          names.stream()
              .mapToDouble(n -> counterOrNaN(counters, n))
              .toArray());
    }
    return ratios(names, values);
  }

  private static double counterOrNaN(Map<String, Long> counters, String name) {
    Long value = counters.get(name);
    return value == null ? Double.NaN : value;
  }

  private static List<String> counterNames(ScenarioInfo scenario) {
    TreeSet<String> names = new TreeSet<>();
    scenario.counters().values().forEach(c -> names.addAll(c.keySet()));
    return new ArrayList<>(names);
  }

  /**
   * A table of {@code implementation ÷ reference} rows for the references present (caffeine,
   * naive): each value divided by the reference's value in the same column.
   */
  private static Optional<Table> ratios(List<String> columns, Map<String, double[]> values) {
    Table.Builder table = Table.builder().left("Ratio");
    columns.forEach(table::right);
    boolean any = false;
    for (String reference : REFERENCES) {
      double[] base = values.get(reference);
      if (base == null || values.size() < 2) {
        continue;
      }
      for (Map.Entry<String, double[]> entry : values.entrySet()) {
        if (entry.getKey().equals(reference)) {
          continue;
        }
        List<Cell> row = new ArrayList<>();
        row.add(Cell.of(entry.getKey() + " ÷ " + reference));
        for (int i = 0; i < columns.size(); i++) {
          row.add(Cell.of(Fmt.ratio(entry.getValue()[i] / base[i])));
        }
        table.row(row);
        any = true;
      }
    }
    return any ? Optional.of(table.build()) : Optional.empty();
  }

  // ---- JMH

  /**
   * The results of one benchmark and mode: one row per parameter group, metric and
   * implementation, with the score's ratio to caffeine's and naive's in the same group.
   */
  static Table jmh(List<JmhResult> results) {
    Table.Builder table =
        Table.builder()
            .left("Parameters")
            .left("Metric")
            .left("Implementation")
            .right("Score")
            .right("± Error")
            .left("Unit")
            .right("÷ caffeine")
            .right("÷ naive");
    Map<String, List<JmhResult>> groups = new LinkedHashMap<>();
    results.forEach(r -> groups.computeIfAbsent(r.groupLabel(), k -> new ArrayList<>()).add(r));
    groups.forEach(
        (label, group) -> {
          for (String metric : metricNames(group)) {
            for (String impl : Implementations.sorted(group.stream().map(ReportTables::impl).toList())) {
              JmhResult result = find(group, impl);
              JmhMetric value = result == null ? null : metricOf(result, metric);
              if (value == null) {
                continue;
              }
              table.row(
                  List.of(
                      Cell.of(label),
                      Cell.of(metric),
                      Cell.of(impl),
                      Cell.of(Fmt.number(value.score())),
                      Cell.of(Fmt.number(value.error())),
                      Cell.of(value.unit()),
                      Cell.of(ratio(value, group, Implementations.CAFFEINE, metric)),
                      Cell.of(ratio(value, group, Implementations.NAIVE, metric))));
            }
          }
        });
    return table.build();
  }

  /** The implementation of a result; results without an {@code impl} parameter show "–". */
  static String impl(JmhResult result) {
    String impl = result.implementation();
    return impl == null ? Fmt.NONE : impl;
  }

  private static @Nullable JmhResult find(List<JmhResult> group, String impl) {
    return group.stream().filter(r -> impl(r).equals(impl)).findFirst().orElse(null);
  }

  private static List<String> metricNames(List<JmhResult> group) {
    List<String> names = new ArrayList<>();
    names.add(JmhResult.PRIMARY);
    TreeSet<String> secondary = new TreeSet<>();
    group.forEach(r -> secondary.addAll(r.secondary().keySet()));
    names.addAll(secondary);
    if (group.stream().anyMatch(r -> derivedCallsPerExpiry(r) != null)
        && !secondary.contains(CALLS_PER_EXPIRY)) {
      names.add(CALLS_PER_EXPIRY);
    }
    return names;
  }

  /** A metric of a result, including the derived calls per expiry. */
  static @Nullable JmhMetric metricOf(JmhResult result, String metric) {
    JmhMetric value = result.metric(metric);
    if (value == null && metric.equals(CALLS_PER_EXPIRY)) {
      return derivedCallsPerExpiry(result);
    }
    return value;
  }

  private static @Nullable JmhMetric derivedCallsPerExpiry(JmhResult result) {
    JmhMetric calls = result.secondary().get(Targets.GENERATOR_CALLS);
    JmhMetric expiries = result.secondary().get(Targets.EXPIRIES);
    if (calls == null || expiries == null || expiries.score() == 0) {
      return null;
    }
    return new JmhMetric(calls.score() / expiries.score(), Double.NaN, "calls/expiry");
  }

  private static String ratio(
      JmhMetric value, List<JmhResult> group, String reference, String metric) {
    JmhResult ref = find(group, reference);
    JmhMetric base = ref == null ? null : metricOf(ref, metric);
    return base == null || base.score() == 0 ? Fmt.NONE : Fmt.ratio(value.score() / base.score());
  }
}

package dev.contextgateway.reports;

import dev.contextgateway.reports.run.ScenarioInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the report says, independent of its format: the evaluated targets, a section per latency
 * scenario and a section per JMH benchmark, in display order.
 */
record ReportContent(
    RunData data,
    List<TargetResult> targets,
    List<ScenarioSection> scenarios,
    List<BenchmarkSection> benchmarks) {

  /**
   * One latency scenario.
   *
   * @param name the scenario name
   * @param description from {@code run.json}, or empty
   * @param parameters the parameters as one line, or empty
   * @param series the latency logs, in display order of implementations
   * @param latency samples and percentiles per implementation (empty if there are no logs)
   * @param latencyRatios percentiles divided by caffeine's and naive's
   * @param counters the counters of {@code run.json}
   * @param counterRatios counters divided by caffeine's and naive's
   */
  record ScenarioSection(
      String name,
      String description,
      String parameters,
      List<LatencySeries> series,
      Optional<Table> latency,
      Optional<Table> latencyRatios,
      Optional<Table> counters,
      Optional<Table> counterRatios) {}

  /**
   * One JMH benchmark in one mode.
   *
   * @param benchmark the full benchmark name
   * @param mode the JMH mode
   * @param results its results, in the order JMH wrote them
   * @param table every metric of every result
   */
  record BenchmarkSection(String benchmark, String mode, List<JmhResult> results, Table table) {
    String shortName() {
      return results.get(0).shortName();
    }
  }

  static ReportContent of(RunData data) {
    List<ScenarioSection> scenarios = new ArrayList<>();
    for (String name : data.scenarioNames()) {
      Optional<ScenarioInfo> info = data.scenario(name);
      List<LatencySeries> series = data.latencyOf(name);
      scenarios.add(
          new ScenarioSection(
              name,
              info.map(ScenarioInfo::description).orElse(""),
              info.map(ReportTables::parameters).orElse(""),
              series,
              series.isEmpty() ? Optional.empty() : Optional.of(ReportTables.latency(series)),
              ReportTables.latencyRatios(series),
              info.flatMap(ReportTables::counters),
              info.flatMap(ReportTables::counterRatios)));
    }
    Map<String, List<JmhResult>> byBenchmark = new LinkedHashMap<>();
    for (JmhResult result : data.jmh()) {
      byBenchmark
          .computeIfAbsent(result.benchmark() + " " + result.mode(), k -> new ArrayList<>())
          .add(result);
    }
    List<BenchmarkSection> benchmarks = new ArrayList<>();
    byBenchmark.forEach(
        (key, results) ->
            benchmarks.add(
                new BenchmarkSection(
                    results.get(0).benchmark(),
                    results.get(0).mode(),
                    results,
                    ReportTables.jmh(results))));
    return new ReportContent(
        data, TargetEvaluator.evaluate(Targets.ALL, data), scenarios, benchmarks);
  }

  long count(TargetResult.Status status) {
    return targets.stream().filter(t -> t.status() == status).count();
  }
}

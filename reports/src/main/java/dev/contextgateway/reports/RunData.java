package dev.contextgateway.reports;

import dev.contextgateway.reports.run.RunDirectory;
import dev.contextgateway.reports.run.RunInfo;
import dev.contextgateway.reports.run.ScenarioInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a run directory holds, read into memory.
 *
 * @param run the run's {@code run.json}
 * @param jmh the JMH results, files in name order, results in the order JMH wrote them
 * @param latency the latency logs, by scenario then implementation name
 */
record RunData(RunInfo run, List<JmhResult> jmh, List<LatencySeries> latency) {

  RunData {
    jmh = List.copyOf(jmh);
    latency = List.copyOf(latency);
  }

  /**
   * Reads the run directory.
   *
   * @throws IOException if {@code run.json} is missing or invalid, or a JMH file or latency log
   *     cannot be read; the message names the file
   */
  static RunData load(RunDirectory directory) throws IOException {
    return new RunData(
        directory.readRunInfo(),
        JmhResults.readDirectory(directory.jmhDirectory()),
        LatencyLogs.readDirectory(directory.latencyDirectory()));
  }

  /**
   * The scenarios to report: those of {@code run.json} in its order, then those that only have
   * latency logs, in name order.
   */
  List<String> scenarioNames() {
    Set<String> names = new LinkedHashSet<>();
    run.scenarios().forEach(s -> names.add(s.name()));
    latency.forEach(s -> names.add(s.scenario()));
    return new ArrayList<>(names);
  }

  Optional<ScenarioInfo> scenario(String name) {
    return run.scenario(name);
  }

  /** The latency logs of {@code scenario}, in display order of their implementations. */
  List<LatencySeries> latencyOf(String scenario) {
    List<LatencySeries> series = new ArrayList<>();
    for (LatencySeries s : latency) {
      if (s.scenario().equals(scenario)) {
        series.add(s);
      }
    }
    series.sort((a, b) -> Implementations.ORDER.compare(a.implementation(), b.implementation()));
    return series;
  }

  Optional<LatencySeries> latencyOf(String scenario, String implementation) {
    return latency.stream()
        .filter(s -> s.scenario().equals(scenario) && s.implementation().equals(implementation))
        .findFirst();
  }
}

package dev.contextgateway.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contextgateway.reports.run.RunDirectory;
import dev.contextgateway.reports.run.RunInfo;
import dev.contextgateway.reports.run.ScenarioInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole suite in smoke mode (JMH in-process with one 100 ms iteration per benchmark, latency
 * runs of a second): every benchmark and scenario runs, the run directory follows the reports
 * module's contract, and the report is written. Checks what ran and what was written, never a
 * figure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuiteSmokeTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  private Path directory = Path.of("");
  private int exitStatus;
  private String console = "";

  @BeforeAll
  void runSmokeSuite(@TempDir Path runDirectory) {
    directory = runDirectory;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      System.setOut(capture); // JMH's runner prints to System.out
      exitStatus =
          BenchMain.execute(
              capture,
              new PrintStream(err, true, StandardCharsets.UTF_8),
              CLOCK,
              "--mode", "smoke", "--out", directory.toString());
    } finally {
      System.setOut(original);
    }
    console = out.toString(StandardCharsets.UTF_8);
    System.out.println(console);
    System.err.println(err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void suite_succeeds_andPrintsTheReportPathLast() {
    assertThat(exitStatus).isZero();
    List<String> lines = console.lines().toList();
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("Report: " + RunDirectory.of(directory).reportDirectory().resolve("index.html"));
    assertThat(RunDirectory.of(directory).reportDirectory().resolve("index.html")).isNotEmptyFile();
    assertThat(RunDirectory.of(directory).reportDirectory().resolve("summary.md")).isNotEmptyFile();
  }

  @Test
  void everyBenchmark_ranForEveryImplementation() throws Exception {
    RunDirectory run = RunDirectory.of(directory);
    assertThat(implementations(run.jmhResult("herd-t02"), "HerdBenchmark.getOrGenerate"))
        .containsExactlyInAnyOrder("naive", "lock-deleting", "caffeine", "context-cache", "context-cache-swr");
    assertThat(implementations(run.jmhResult("hit-path"), "HitPathBenchmark.readOnly"))
        .containsExactlyInAnyOrder(
            "naive", "lock-deleting", "global-lock-lru", "caffeine", "chm", "context-cache", "context-cache-swr");
    assertThat(implementations(run.jmhResult("hit-path"), "HitPathBenchmark.readWrite")).hasSize(7);
    assertThat(implementations(run.jmhResult("stats"), "StatsBenchmark.record"))
        .containsExactlyInAnyOrder("long-adder", "locked", "racy");
    assertThat(implementations(run.jmhResult("eviction-churn"), "EvictionChurnBenchmark.put"))
        .containsExactlyInAnyOrder("global-lock-lru", "scan-lru", "caffeine", "context-cache");
  }

  @Test
  void herdBenchmark_reportsGeneratorCallsAndExpiries_asAuxCounters() throws Exception {
    for (JsonNode result : new ObjectMapper().readTree(RunDirectory.of(directory).jmhResult("herd-t02").toFile())) {
      assertThat(result.path("threads").asInt()).isEqualTo(2);
      assertThat(result.path("secondaryMetrics").has("generatorCalls")).isTrue();
      assertThat(result.path("secondaryMetrics").has("expiries")).isTrue();
    }
  }

  @Test
  void runJson_holdsTheModeAndEveryScenarioWithItsCounters() throws Exception {
    RunInfo info = RunDirectory.of(directory).readRunInfo();

    assertThat(info.mode()).isEqualTo("smoke");
    assertThat(info.machine().date()).isEqualTo("2025-06-01T12:00:00Z");
    assertThat(info.settings()).containsKeys("jmh.forks", "jmh.herdThreads", "latency.measured");
    assertThat(info.scenarios())
        .extracting(ScenarioInfo::name)
        .containsExactly(
            "herd-expiry",
            "herd-expiry-swr",
            "gateway-healthy",
            "gateway-slow",
            "gateway-quota",
            "gateway-hanging",
            "gateway-outage-recovery");
    ScenarioInfo herd = info.scenario("herd-expiry").orElseThrow();
    assertThat(herd.parameters())
        .containsKeys(ScenarioInfo.ARRIVAL_RATE_PER_SECOND, ScenarioInfo.DURATION_SECONDS, ScenarioInfo.GENERATOR_LATENCY_MILLIS);
    assertThat(herd.counters()).containsOnlyKeys("naive", "lock-deleting", "caffeine", "context-cache");
    assertThat(herd.counters().get("context-cache"))
        .containsKeys(ScenarioInfo.REQUESTS, ScenarioInfo.ERRORS, ScenarioInfo.GENERATOR_CALLS);
    for (String implementation : herd.counters().keySet()) {
      assertThat(RunDirectory.of(directory).latencyLog("herd-expiry", implementation)).isNotEmptyFile();
    }
    ScenarioInfo quota = info.scenario("gateway-quota").orElseThrow();
    assertThat(quota.counters()).containsOnlyKeys("gateway");
    assertThat(quota.counters().get("gateway"))
        .containsKeys(ScenarioInfo.UPSTREAM_CALLS, ScenarioInfo.STATUS_429, ScenarioInfo.QUOTA_LIMIT, ScenarioInfo.QUOTA_USED);
    assertThat(quota.counters().get("gateway").get(ScenarioInfo.UPSTREAM_CALLS))
        .as("requests that reached the simulator in the measured phase")
        .isPositive();
    assertThat(RunDirectory.of(directory).latencyLog("gateway-quota", "gateway")).isNotEmptyFile();
  }

  private static Set<String> implementations(Path file, String benchmark) throws Exception {
    assertThat(Files.exists(file)).as(file.toString()).isTrue();
    Set<String> implementations = new HashSet<>();
    for (JsonNode result : new ObjectMapper().readTree(file.toFile())) {
      if (result.path("benchmark").asText().endsWith(benchmark)) {
        implementations.add(result.path("params").path("impl").asText());
      }
    }
    return implementations;
  }
}

package dev.contextgateway.reports.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

  @TempDir Path temp;

  static MachineInfo machine() {
    return new MachineInfo(
        2, "Vendor", "17.0.15+6", "OpenJDK 64-Bit Server VM", "Linux 6.1 amd64", "2025-06-01T12:00:00Z");
  }

  static RunInfo sampleRun() {
    return RunInfo.builder(machine())
        .mode("full")
        .setting("jmh.forks", "3")
        .setting("b", "2")
        .scenario(
            ScenarioInfo.builder("herd-expiry")
                .description("callers of one expiring key")
                .parameter(ScenarioInfo.GENERATOR_LATENCY_MILLIS, 50)
                .parameter(ScenarioInfo.ARRIVAL_RATE_PER_SECOND, 2000)
                .counter("naive", ScenarioInfo.REQUESTS, 20_000)
                .counter("context-cache", ScenarioInfo.GENERATOR_CALLS, 10)
                .build())
        .note("first note")
        .targetNote("herd-expiry-p99", "why")
        .build();
  }

  @Test
  void layout_namesTheContractPaths() {
    RunDirectory run = RunDirectory.of(temp);

    assertThat(run.runJson()).isEqualTo(temp.resolve("run.json"));
    assertThat(run.jmhResult("herd")).isEqualTo(temp.resolve("jmh/herd.json"));
    assertThat(run.latencyLog("herd-expiry", "context-cache-swr"))
        .isEqualTo(temp.resolve("latency/herd-expiry/context-cache-swr.hlog"));
    assertThat(run.reportDirectory()).isEqualTo(temp.resolve("report"));
  }

  @Test
  void create_makesTheJmhAndLatencyFolders() throws IOException {
    RunDirectory run = RunDirectory.create(temp.resolve("new-run"));

    assertThat(run.jmhDirectory()).isDirectory();
    assertThat(run.latencyDirectory()).isDirectory();
  }

  @Test
  void latencyLog_nameWithPathSeparator_isRejectedNamingIt() {
    RunDirectory run = RunDirectory.of(temp);

    assertThatThrownBy(() -> run.latencyLog("../escape", "naive"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scenario name")
        .hasMessageContaining("'../escape'");
    assertThatThrownBy(() -> run.jmhResult(""))
        .hasMessageContaining("JMH result name")
        .hasMessageContaining("was ''");
  }

  @Test
  void writeThenRead_givesAnEqualRun() throws IOException {
    RunDirectory run = RunDirectory.create(temp);
    RunInfo written = sampleRun();

    run.writeRunInfo(written);

    assertThat(run.readRunInfo()).isEqualTo(written);
  }

  @Test
  void write_sortsKeysAndEndsLinesWithNewline() throws IOException {
    RunDirectory run = RunDirectory.create(temp);

    run.writeRunInfo(sampleRun());

    String json = Files.readString(run.runJson());
    assertThat(json).doesNotContain("\r").endsWith("}\n");
    assertThat(json.indexOf("\"b\"")).isLessThan(json.indexOf("\"jmh.forks\""));
    assertThat(json.indexOf("\"context-cache\"")).isLessThan(json.indexOf("\"naive\""));
    assertThat(json).contains("\"formatVersion\" : 1");
    try (var files = Files.list(temp)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("run.json", "jmh", "latency");
    }
  }

  @Test
  void read_withoutRunJson_throwsNoSuchFile() {
    RunDirectory run = RunDirectory.of(temp);

    assertThatThrownBy(run::readRunInfo)
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("run.json");
  }

  @Test
  void read_malformedJson_namesFileAndLine() throws IOException {
    RunDirectory run = RunDirectory.of(temp);
    Files.writeString(run.runJson(), "{\n  \"formatVersion\" : 1,\n  oops\n}\n");

    assertThatThrownBy(run::readRunInfo)
        .isInstanceOf(IOException.class)
        .hasMessageContaining(run.runJson().toString())
        .hasMessageContaining("line 3");
  }

  @Test
  void read_unknownProperty_namesIt() throws IOException {
    RunDirectory run = RunDirectory.create(temp);
    run.writeRunInfo(sampleRun());
    String json = Files.readString(run.runJson()).replace("\"mode\"", "\"colour\" : 1, \"mode\"");
    Files.writeString(run.runJson(), json);

    assertThatThrownBy(run::readRunInfo)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("\"colour\"");
  }

  @Test
  void read_misspeltRequiredField_namesTheMissingField() throws IOException {
    RunDirectory run = RunDirectory.create(temp);
    run.writeRunInfo(sampleRun());
    String json = Files.readString(run.runJson()).replace("\"mode\"", "\"modus\"");
    Files.writeString(run.runJson(), json);

    assertThatThrownBy(run::readRunInfo)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("mode must not be blank, was null");
  }

  @Test
  void read_newerFormatVersion_isRejectedWithBothVersions() throws IOException {
    RunDirectory run = RunDirectory.create(temp);
    run.writeRunInfo(sampleRun());
    String json =
        Files.readString(run.runJson()).replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");
    Files.writeString(run.runJson(), json);

    assertThatThrownBy(run::readRunInfo)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("formatVersion must be 1, was 2");
  }

  @Test
  void read_minimalRun_defaultsTheOptionalParts() throws IOException {
    RunDirectory run = RunDirectory.of(temp);
    Files.writeString(
        run.runJson(),
        """
        {"formatVersion": 1, "mode": "short",
         "machine": {"cores": 4, "jvmVendor": "v", "jvmVersion": "17", "jvmName": "n",
                     "os": "Linux", "date": "2025-06-01T12:00:00+02:00"}}
        """,
        StandardCharsets.UTF_8);

    RunInfo read = run.readRunInfo();

    assertThat(read.scenarios()).isEmpty();
    assertThat(read.settings()).isEmpty();
    assertThat(read.notes()).isEmpty();
    assertThat(read.targetNotes()).isEmpty();
    assertThat(read.machine().cores()).isEqualTo(4);
  }

  @Test
  void read_missingCores_isRejected() throws IOException {
    RunDirectory run = RunDirectory.of(temp);
    Files.writeString(
        run.runJson(),
        """
        {"formatVersion": 1, "mode": "short",
         "machine": {"jvmVendor": "v", "jvmVersion": "17", "jvmName": "n",
                     "os": "Linux", "date": "2025-06-01T12:00:00Z"}}
        """);

    assertThatThrownBy(run::readRunInfo)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("machine.cores: ");
  }

  @Test
  void openLatencyLog_writesAnIntervalLogTheHdrHistogramReaderReads() throws IOException {
    RunDirectory run = RunDirectory.create(temp);
    long start = 1_748_779_200_000L;
    Histogram first = new Histogram(3);
    first.recordValue(1_000);
    first.recordValue(2_000_000);
    first.setStartTimeStamp(start);
    first.setEndTimeStamp(start + 1000);
    Histogram second = new Histogram(3);
    second.recordValue(5_000);
    second.setStartTimeStamp(start + 1000);
    second.setEndTimeStamp(start + 2000);

    try (LatencyLogWriter log = run.openLatencyLog("herd-expiry", "naive", start)) {
      log.write(first);
      log.write(second);
    }

    HistogramLogReader reader =
        new HistogramLogReader(run.latencyLog("herd-expiry", "naive").toFile());
    Histogram readFirst = (Histogram) reader.nextIntervalHistogram();
    Histogram readSecond = (Histogram) reader.nextIntervalHistogram();
    assertThat(reader.nextIntervalHistogram()).isNull();
    reader.close();
    assertThat(readFirst).isEqualTo(first);
    assertThat(readSecond).isEqualTo(second);
    assertThat(readSecond.getStartTimeStamp()).isEqualTo(start + 1000);
  }

  @Test
  void scenario_negativeCounter_isRejectedNamingIt() {
    ScenarioInfo.Builder builder =
        ScenarioInfo.builder("gateway-quota").counter("gateway", ScenarioInfo.STATUS_429, -1);

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("counter status429 of gateway-quota/gateway must be non-negative, was -1");
  }

  @Test
  void scenario_nonFiniteParameter_isRejectedNamingIt() {
    ScenarioInfo.Builder builder =
        ScenarioInfo.builder("herd-expiry").parameter(ScenarioInfo.DURATION_SECONDS, Double.NaN);

    assertThatThrownBy(builder::build)
        .hasMessage("parameter durationSeconds of scenario herd-expiry must be finite, was NaN");
  }

  @Test
  void run_duplicateScenario_isRejectedNamingIt() {
    RunInfo.Builder builder =
        RunInfo.builder(machine())
            .scenario(ScenarioInfo.builder("gateway-slow").build())
            .scenario(ScenarioInfo.builder("gateway-slow").build());

    assertThatThrownBy(builder::build)
        .hasMessage("scenario names must be unique, was 'gateway-slow' twice");
  }

  @Test
  void run_collections_areUnmodifiableCopies() {
    Map<String, Long> counters = new java.util.HashMap<>(Map.of("requests", 1L));
    ScenarioInfo scenario = ScenarioInfo.builder("s").counters("impl", counters).build();
    counters.put("errors", 2L);

    assertThat(scenario.counters().get("impl")).containsOnlyKeys("requests");
    assertThatThrownBy(() -> sampleRun().settings().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}

package dev.contextgateway.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contextgateway.reports.run.LatencyLogWriter;
import dev.contextgateway.reports.run.MachineInfo;
import dev.contextgateway.reports.run.RunDirectory;
import dev.contextgateway.reports.run.RunInfo;
import dev.contextgateway.reports.run.ScenarioInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link Reports#generate} writes, beyond the golden fixture. */
class ReportsTest {

  @TempDir Path temp;

  private static final MachineInfo MACHINE =
      new MachineInfo(2, "v", "17.0.15", "OpenJDK 64-Bit Server VM", "Linux", "2025-06-01T12:00:00Z");

  @Test
  void html_isSelfContained() throws IOException {
    Path run = GoldenFiles.copyFixtureRun(temp.resolve("run"));

    String html = Files.readString(Reports.generate(run));

    assertThat(html)
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("<img")
        .doesNotContain("@import")
        .doesNotContain("url(");
    assertThat(html).contains("<svg ").contains("<style>");
  }

  @Test
  void html_linksEveryPercentileFile() throws IOException {
    Path run = GoldenFiles.copyFixtureRun(temp.resolve("run"));

    String html = Files.readString(Reports.generate(run));

    try (var files = Files.walk(run.resolve("report/hgrm"))) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              f ->
                  assertThat(html)
                      .contains("href=\"" + run.resolve("report").relativize(f).toString().replace('\\', '/') + "\""));
    }
  }

  @Test
  void generate_reportsWhateverScenariosAndImplementationsTheRunHolds() throws IOException {
    RunDirectory run = RunDirectory.create(temp.resolve("run"));
    run.writeRunInfo(
        RunInfo.builder(MACHINE)
            .scenario(
                ScenarioInfo.builder("cold-start")
                    .description("A scenario no target knows.")
                    .counter("my-cache", "warmups", 3)
                    .build())
            .build());
    Histogram h = new Histogram(3);
    h.recordValue(2_000_000);
    h.setStartTimeStamp(0);
    h.setEndTimeStamp(1000);
    try (LatencyLogWriter log = run.openLatencyLog("cold-start", "my-cache", 0)) {
      log.write(h);
    }

    Path index = Reports.generate(run.root());

    String html = Files.readString(index);
    String summary = Files.readString(index.resolveSibling("summary.md"));
    assertThat(html).contains("id=\"scenario-cold-start\"").contains("A scenario no target knows.");
    assertThat(summary).contains("### `cold-start`").contains("| my-cache | 1 | 2.001 |").contains("| warmups |");
    assertThat(index.resolveSibling("hgrm/cold-start/my-cache.hgrm")).isRegularFile();
    assertThat(summary).contains("0 met, 0 missed, " + Targets.ALL.size() + " not measured.");
  }

  @Test
  void generate_replacesAnEarlierReport() throws IOException {
    Path run = GoldenFiles.copyFixtureRun(temp.resolve("run"));
    Path stale = run.resolve("report/hgrm/removed-scenario/naive.hgrm");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "old");

    Reports.generate(run);

    assertThat(stale).doesNotExist();
    assertThat(run.resolve("report/index.html")).isRegularFile();
  }

  @Test
  void generate_unreadableLog_failsNamingItAndKeepsTheEarlierReport() throws IOException {
    Path run = GoldenFiles.copyFixtureRun(temp.resolve("run"));
    Reports.generate(run);
    Path log = run.resolve("latency/herd-expiry/naive.hlog");
    Files.writeString(log, "0.000,1.000,1.0,not-base64!\n");

    assertThatThrownBy(() -> Reports.generate(run))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(log.toString());
    assertThat(run.resolve("report/index.html")).isRegularFile();
  }

  @Test
  void generate_notADirectory_throwsNoSuchFile() {
    assertThatThrownBy(() -> Reports.generate(temp.resolve("absent")))
        .isInstanceOf(NoSuchFileException.class);
  }
}

package dev.contextgateway.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportMainTest {

  @TempDir Path temp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return ReportMain.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void run_writesTheReportAndPrintsOnlyTheIndexPath() throws IOException {
    Path run = GoldenFiles.copyFixtureRun(temp.resolve("run"));

    int status = run("--run", run.toString());

    Path index = run.toAbsolutePath().normalize().resolve("report/index.html");
    assertThat(status).isZero();
    assertThat(out.toString()).isEqualTo(index + System.lineSeparator());
    assertThat(err.toString()).isEmpty();
    assertThat(index).isRegularFile();
  }

  @Test
  void run_withoutRunOption_isAUsageErrorWithHelp() {
    int status = run();

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--run=<dir>'").contains("Usage:");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void run_missingDirectory_failsNamingIt() {
    Path absent = temp.resolve("absent");

    int status = run("--run", absent.toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("report: " + absent + ": not a run directory" + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void run_invalidRunJson_failsNamingTheFileAndProblem() throws IOException {
    Files.writeString(temp.resolve("run.json"), "[]");

    int status = run("--run", temp.toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).startsWith("report: " + temp.resolve("run.json"));
    assertThat(temp.resolve("report")).doesNotExist();
  }
}

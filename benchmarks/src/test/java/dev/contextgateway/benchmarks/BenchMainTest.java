package dev.contextgateway.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class BenchMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int execute(String... args) {
    return BenchMain.execute(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Clock.systemUTC(),
        args);
  }

  @Test
  void help_listsTheOptions() {
    assertThat(execute("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--mode", "--out", "--[no-]jmh", "--[no-]latency");
  }

  @Test
  void unknownMode_isAUsageError_namingTheValue() {
    assertThat(execute("--mode", "long")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--mode", "long");
  }

  @Test
  void modes_areNamedInLowerCase() {
    assertThat(SuiteMode.SHORT.id()).isEqualTo("short");
    assertThat(SuiteMode.FULL.id()).isEqualTo("full");
  }
}

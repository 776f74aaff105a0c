package dev.contextgateway.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhResultsTest {

  @TempDir Path temp;

  private static String result(String benchmark, int threads, String impl, double score, String error) {
    return """
        {"jmhVersion": "1.37", "benchmark": "%s", "mode": "thrpt", "threads": %d, "forks": 1,
         "params": {"impl": "%s", "keys": "1000"},
         "primaryMetric": {"score": %s, "scoreError": %s, "scoreUnit": "ops/s", "rawData": [[1.0]]},
         "secondaryMetrics": {
           "read": {"score": 7.0, "scoreError": "NaN", "scoreUnit": "ops/s"},
           "expiries": {"score": 3.0, "scoreError": 0.5, "scoreUnit": "#"}}}
        """
        .formatted(benchmark, threads, impl, score, error);
  }

  @Test
  void read_parsesParamsMetricsAndJmhsNaNError() throws IOException {
    Path file = temp.resolve("a.json");
    Files.writeString(
        file,
        "[" + result("p.HitPathBenchmark.readWrite", 4, "caffeine", 12.5, "\"NaN\"") + "]");

    List<JmhResult> results = JmhResults.read(file);

    assertThat(results).hasSize(1);
    JmhResult r = results.get(0);
    assertThat(r.benchmark()).isEqualTo("p.HitPathBenchmark.readWrite");
    assertThat(r.shortName()).isEqualTo("HitPathBenchmark.readWrite");
    assertThat(r.mode()).isEqualTo("thrpt");
    assertThat(r.threads()).isEqualTo(4);
    assertThat(r.implementation()).isEqualTo("caffeine");
    assertThat(r.primary().score()).isEqualTo(12.5);
    assertThat(r.primary().error()).isNaN();
    assertThat(r.primary().unit()).isEqualTo("ops/s");
    assertThat(r.secondary()).containsOnlyKeys("expiries", "read");
    assertThat(r.secondary()).extractingByKey("expiries").extracting(JmhResult.JmhMetric::error).isEqualTo(0.5);
    assertThat(r.groupLabel()).isEqualTo("threads=4, keys=1000");
    assertThat(r.param("threads")).isEqualTo("4");
  }

  @Test
  void readDirectory_readsFilesInNameOrder_laterRepeatReplacesEarlier() throws IOException {
    Files.writeString(
        temp.resolve("b.json"),
        "[" + result("p.B.m", 1, "caffeine", 2, "0.1") + "," + result("p.B.m", 1, "naive", 3, "0.1") + "]");
    Files.writeString(temp.resolve("a.json"), "[" + result("p.A.m", 1, "caffeine", 1, "0.1") + "]");
    Files.writeString(temp.resolve("c.json"), "[" + result("p.B.m", 1, "caffeine", 9, "0.1") + "]");
    Files.writeString(temp.resolve("notes.txt"), "not JMH");

    List<JmhResult> results = JmhResults.readDirectory(temp);

    assertThat(results)
        .extracting(r -> r.benchmark() + ":" + r.implementation() + "=" + r.primary().score())
        .containsExactly("p.A.m:caffeine=1.0", "p.B.m:caffeine=9.0", "p.B.m:naive=3.0");
  }

  @Test
  void readDirectory_missingDirectory_givesNoResults() throws IOException {
    assertThat(JmhResults.readDirectory(temp.resolve("absent"))).isEmpty();
  }

  @Test
  void read_notAnArray_namesTheFile() throws IOException {
    Path file = temp.resolve("bad.json");
    Files.writeString(file, "{\"benchmark\": \"x\"}");

    assertThatThrownBy(() -> JmhResults.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("expected an array");
  }

  @Test
  void read_resultWithoutScore_namesTheResultAndField() throws IOException {
    Path file = temp.resolve("bad.json");
    Files.writeString(
        file,
        "[{\"benchmark\": \"p.A.m\", \"mode\": \"thrpt\", \"threads\": 1,"
            + " \"primaryMetric\": {\"scoreUnit\": \"ops/s\"}}]");

    assertThatThrownBy(() -> JmhResults.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("result 0: primaryMetric.score must be a number");
  }
}

package dev.contextgateway.reports;

import static dev.contextgateway.reports.GoldenFiles.assertMatches;
import static dev.contextgateway.reports.GoldenFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates the report of the checked-in fixture run and compares what it writes with the
 * expected files: every {@code .hgrm}, {@code summary.md}, and the HTML with its charts cut out
 * (the charts are checked by {@link ChartsTest} and by eye, see the README).
 *
 * <p>Runs under a German default locale, whose decimal comma would show if any number were
 * formatted with the default locale.
 */
class ReportsGoldenTest {

  @TempDir Path temp;
  private Locale saved;

  @BeforeEach
  void germanLocale() {
    saved = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
  }

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(saved);
  }

  @Test
  void generate_fixtureRun_writesExpectedPercentileFiles() throws IOException {
    Path run = GoldenFiles.copyFixtureRun(temp.resolve("run"));

    Reports.generate(run);

    Path hgrm = run.resolve("report").resolve("hgrm");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(hgrm)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(files.stream().map(f -> hgrm.relativize(f).toString().replace('\\', '/')))
        .containsExactly(
            "gateway-outage-recovery/gateway.hgrm",
            "gateway-quota/gateway.hgrm",
            "herd-expiry-swr/caffeine.hgrm",
            "herd-expiry-swr/context-cache-swr.hgrm",
            "herd-expiry/caffeine.hgrm",
            "herd-expiry/context-cache.hgrm",
            "herd-expiry/lock-deleting.hgrm",
            "herd-expiry/naive.hgrm");
    for (Path file : files) {
      assertMatches("hgrm/" + hgrm.relativize(file).toString().replace('\\', '/'), read(file));
    }
  }

  @Test
  void generate_fixtureRun_writesExpectedSummary() throws IOException {
    Path run = GoldenFiles.copyFixtureRun(temp.resolve("run"));

    Reports.generate(run);

    assertMatches("summary.md", read(run.resolve("report/summary.md")));
  }

  @Test
  void generate_fixtureRun_writesExpectedHtmlAroundTheCharts() throws IOException {
    Path run = GoldenFiles.copyFixtureRun(temp.resolve("run"));

    Path index = Reports.generate(run);

    assertThat(index).isEqualTo(run.toAbsolutePath().normalize().resolve("report/index.html"));
    assertMatches("index-without-charts.html", withoutCharts(read(index)));
  }

  @Test
  void generate_twice_writesIdenticalFiles() throws IOException {
    Path first = GoldenFiles.copyFixtureRun(temp.resolve("first"));
    Path second = GoldenFiles.copyFixtureRun(temp.resolve("second"));

    Reports.generate(first);
    Locale.setDefault(Locale.ROOT);
    Reports.generate(second);

    assertThat(read(second.resolve("report/index.html")))
        .isEqualTo(read(first.resolve("report/index.html")));
    assertThat(read(second.resolve("report/summary.md")))
        .isEqualTo(read(first.resolve("report/summary.md")));
  }

  /** The HTML with each {@code <svg>...</svg>} replaced by a marker naming the chart. */
  static String withoutCharts(String html) {
    Matcher svg =
        Pattern.compile("<svg [^>]*aria-label=\"([^\"]*)\"[^>]*>.*?</svg>\n", Pattern.DOTALL)
            .matcher(html);
    return svg.replaceAll(m -> Matcher.quoteReplacement("<!-- chart: " + m.group(1) + " -->\n"));
  }
}

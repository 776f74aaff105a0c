package dev.contextgateway.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.reports.JmhResult.JmhMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The charts' structure: what they draw, from which data, with which axes. */
class ChartsTest {

  private static LatencySeries series(String impl, int intervals, long low, long high) {
    Histogram merged = new Histogram(3);
    List<LatencySeries.Interval> list = new ArrayList<>();
    for (int i = 0; i < intervals; i++) {
      Histogram h = new Histogram(3);
      for (long v = low; v <= high; v += (high - low) / 999) {
        h.recordValue(v);
      }
      merged.add(h);
      list.add(new LatencySeries.Interval(i + 1, h.getTotalCount(), h.getValueAtPercentile(99), h.getMaxValue()));
    }
    return new LatencySeries("herd-expiry", impl, merged, list);
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void percentilePlot_drawsOneLinePerLogWithValues_onALogPercentileAxis() {
    List<LatencySeries> logs =
        List.of(
            series("naive", 2, 1_000_000, 60_000_000),
            series("context-cache", 2, 10_000, 2_000_000),
            new LatencySeries("herd-expiry", "empty", new Histogram(3), List.of()));

    String svg = PercentilePlot.render("herd-expiry", logs);

    assertThat(count(svg, "<polyline ")).isEqualTo(2);
    assertThat(svg).contains("stroke=\"#e15759\"").contains("stroke=\"#59a14f\"");
    for (String tick : List.of(">0%<", ">90%<", ">99%<", ">99.9%<")) {
      assertThat(svg).contains(tick);
    }
    assertThat(svg).contains(">latency (ms)<").contains(">percentile<");
    assertThat(svg).contains("naive: 59.441 / 60.031").doesNotContain("empty");
  }

  @Test
  void percentilePlot_pointsFollowTheHgrmPercentiles() {
    LatencySeries log = series("caffeine", 1, 1_000_000, 2_000_000);

    List<PercentilePlot.Line> lines = PercentilePlot.lines(List.of(log));

    List<double[]> points = lines.get(0).points();
    assertThat(points.get(0)[0]).isEqualTo(0.0);
    assertThat(points.get(0)[1]).isEqualTo(1.0, org.assertj.core.data.Offset.offset(0.001));
    for (int i = 1; i < points.size(); i++) {
      assertThat(points.get(i)[0]).isGreaterThanOrEqualTo(points.get(i - 1)[0]);
      assertThat(points.get(i)[1]).isGreaterThanOrEqualTo(points.get(i - 1)[1]);
    }
  }

  @Test
  void percentilePlot_noValues_drawsNothing() {
    assertThat(
            PercentilePlot.render(
                "s", List.of(new LatencySeries("s", "gateway", new Histogram(3), List.of()))))
        .isEmpty();
  }

  @Test
  void timelinePlot_needsTwoIntervals() {
    assertThat(TimelinePlot.render("s", List.of(series("gateway", 1, 1_000, 2_000)))).isEmpty();

    String svg = TimelinePlot.render("s", List.of(series("gateway", 3, 1_000, 2_000)));

    assertThat(count(svg, "<polyline ")).isEqualTo(1);
    assertThat(svg).contains(">time (s)<").contains(">p99 (ms)<");
  }

  @Test
  void throughputChart_drawsABarPerResultWithErrorWhiskersAndGroupLabels() {
    List<JmhResult> results = new ArrayList<>();
    for (int threads : new int[] {1, 8}) {
      for (String impl : List.of("context-cache", "caffeine")) {
        results.add(
            new JmhResult(
                "p.HitPathBenchmark.readOnly",
                "thrpt",
                threads,
                new TreeMap<>(Map.of("impl", impl)),
                new JmhMetric(threads * 1e6, impl.equals("caffeine") ? Double.NaN : 1e5, "ops/s"),
                new TreeMap<>()));
      }
    }

    String svg = ThroughputChart.render("HitPathBenchmark.readOnly", results);

    assertThat(count(svg, "<rect ")).isEqualTo(4);
    assertThat(svg).contains(">threads=1<").contains(">threads=8<");
    // three lines per whisker, only for the results with a finite error
    assertThat(count(svg, "stroke=\"#222\"")).isEqualTo(6);
    assertThat(svg).contains(">8,000,000<").contains(">ops/s<").contains(">10M<");
    // caffeine is drawn before context-cache in each group
    assertThat(svg.indexOf(">caffeine<")).isLessThan(svg.indexOf(">context-cache<"));
  }
}

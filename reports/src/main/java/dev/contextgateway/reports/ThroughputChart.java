package dev.contextgateway.reports;

import dev.contextgateway.reports.JmhResult.JmhMetric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart of one benchmark's primary scores: a block per parameter group, a bar
 * per implementation, the error (99.9 % confidence half-width) as a whisker, the score written at
 * the bar's end. Linear scale from zero.
 */
final class ThroughputChart {

  private static final double WIDTH = 960;
  private static final double LABEL = 150;
  private static final double VALUE = 130;
  private static final double TOP = 8;
  private static final double ROW = 22;
  private static final double GROUP_HEADER = 24;
  private static final double BOTTOM = 48;

  private ThroughputChart() {}

  /** The chart as inline SVG, or an empty string if there are no results. */
  static String render(String title, List<JmhResult> results) {
    if (results.isEmpty()) {
      return "";
    }
    Map<String, List<JmhResult>> groups = new LinkedHashMap<>();
    results.forEach(r -> groups.computeIfAbsent(r.groupLabel(), k -> new ArrayList<>()).add(r));
    List<String> names = Implementations.sorted(results.stream().map(ReportTables::impl).toList());
    double max = 0;
    for (JmhResult r : results) {
      JmhMetric m = r.primary();
      max = Math.max(max, m.score() + (Double.isFinite(m.error()) ? m.error() : 0));
    }
    List<Double> ticks = Axis.ticks(max, 6);
    double top = ticks.get(ticks.size() - 1);
    double plotWidth = WIDTH - LABEL - VALUE;
    double plotHeight = groups.size() * GROUP_HEADER + results.size() * ROW;
    double height = TOP + plotHeight + BOTTOM;
    String unit = results.get(0).primary().unit();
    Svg svg = new Svg(WIDTH, height, title + " (" + unit + ", " + results.get(0).mode() + ")");
    for (double tick : ticks) {
      double x = LABEL + tick / top * plotWidth;
      svg.line(x, TOP, x, TOP + plotHeight, "#e3e3e3", 1);
      svg.text(x, TOP + plotHeight + 18, "middle", Axis.si(tick), "fill=\"#333\"");
    }
    svg.line(LABEL, TOP + plotHeight, LABEL + plotWidth, TOP + plotHeight, "#555", 1);
    svg.text(LABEL + plotWidth / 2, height - 8, "middle", unit, "fill=\"#333\"");
    double y = TOP;
    for (Map.Entry<String, List<JmhResult>> group : groups.entrySet()) {
      svg.text(8, y + 16, "start", group.getKey(), "fill=\"#555\" font-weight=\"600\"");
      y += GROUP_HEADER;
      List<JmhResult> rows = new ArrayList<>(group.getValue());
      rows.sort((a, b) -> Implementations.ORDER.compare(ReportTables.impl(a), ReportTables.impl(b)));
      for (JmhResult r : rows) {
        String impl = ReportTables.impl(r);
        JmhMetric m = r.primary();
        double barEnd = LABEL + m.score() / top * plotWidth;
        double middle = y + ROW / 2;
        svg.text(LABEL - 8, middle + 4, "end", impl, "fill=\"#222\"");
        svg.rect(
            LABEL,
            y + 3,
            barEnd - LABEL,
            ROW - 6,
            Implementations.colour(impl, names),
            impl + ": " + Fmt.number(m.score()) + " ± " + Fmt.number(m.error()) + " " + m.unit());
        double valueX = barEnd;
        if (Double.isFinite(m.error()) && m.error() > 0) {
          double low = LABEL + Math.max(0, m.score() - m.error()) / top * plotWidth;
          double high = LABEL + (m.score() + m.error()) / top * plotWidth;
          svg.line(low, middle, high, middle, "#222", 1.2);
          svg.line(low, middle - 5, low, middle + 5, "#222", 1.2);
          svg.line(high, middle - 5, high, middle + 5, "#222", 1.2);
          valueX = high;
        }
        svg.text(valueX + 6, middle + 4, "start", Fmt.number(m.score()), "fill=\"#222\"");
        y += ROW;
      }
    }
    return svg.end();
  }
}

package dev.contextgateway.reports;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The percentile-distribution plot of a scenario, as the HdrHistogram plotter draws it: x is the
 * percentile on a log scale of 1 / (1 − p) (ticks 0%, 90%, 99%, 99.9%…), y the latency in
 * milliseconds, one line per implementation through the points of its {@code .hgrm} file.
 */
final class PercentilePlot {

  /** Points per halving of the remaining distance to 100 %, as in the {@code .hgrm} files. */
  static final int TICKS_PER_HALF_DISTANCE = 5;

  private static final double WIDTH = 960;
  private static final double LEFT = 72;
  private static final double RIGHT = 290;
  private static final double TOP = 20;
  private static final double BOTTOM = 56;
  private static final double PLOT_HEIGHT = 300;

  private PercentilePlot() {}

  /** One implementation's points: x = log10(1 / (1 − p)), y = milliseconds. */
  record Line(String implementation, List<double[]> points, double p99Millis, double maxMillis) {}

  static List<Line> lines(List<LatencySeries> series) {
    List<Line> lines = new ArrayList<>();
    for (LatencySeries s : series) {
      Histogram h = s.histogram();
      if (h.getTotalCount() == 0) {
        continue;
      }
      List<double[]> points = new ArrayList<>();
      for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
        double p = v.getPercentileLevelIteratedTo() / 100.0;
        if (p >= 1.0) {
          break;
        }
        points.add(new double[] {Math.log10(1 / (1 - p)), v.getValueIteratedTo() / Fmt.NANOS_PER_MILLI});
      }
      lines.add(
          new Line(
              s.implementation(),
              points,
              h.getValueAtPercentile(99) / Fmt.NANOS_PER_MILLI,
              h.getMaxValue() / Fmt.NANOS_PER_MILLI));
    }
    return lines;
  }

  /** The decades the x axis spans: at least to 99.9 %, at most to 99.9999 %. */
  static int decades(List<Line> lines) {
    double max = 0;
    for (Line line : lines) {
      for (double[] point : line.points()) {
        max = Math.max(max, point[0]);
      }
    }
    return (int) Math.min(6, Math.max(3, Math.ceil(max - 1e-9)));
  }

  /** The plot as inline SVG, or an empty string if no log holds values. */
  static String render(String scenario, List<LatencySeries> series) {
    List<Line> lines = lines(series);
    if (lines.isEmpty()) {
      return "";
    }
    List<String> names = lines.stream().map(Line::implementation).toList();
    int decades = decades(lines);
    double maxY = 0;
    for (Line line : lines) {
      for (double[] point : line.points()) {
        if (point[0] <= decades) {
          maxY = Math.max(maxY, point[1]);
        }
      }
    }
    List<Double> yTicks = Axis.ticks(maxY, 6);
    double top = yTicks.get(yTicks.size() - 1);
    double plotWidth = WIDTH - LEFT - RIGHT;
    double height = TOP + PLOT_HEIGHT + BOTTOM;
    Svg svg =
        new Svg(WIDTH, height, "Latency by percentile, " + scenario + " (milliseconds, log percentile axis)");
    // grid and y axis
    for (double tick : yTicks) {
      double y = TOP + PLOT_HEIGHT - tick / top * PLOT_HEIGHT;
      svg.line(LEFT, y, LEFT + plotWidth, y, "#e3e3e3", 1);
      svg.text(LEFT - 8, y + 4, "end", Axis.label(tick), "fill=\"#333\"");
    }
    for (int d = 0; d <= decades; d++) {
      double x = LEFT + d * plotWidth / decades;
      svg.line(x, TOP, x, TOP + PLOT_HEIGHT, "#e3e3e3", 1);
      svg.text(x, TOP + PLOT_HEIGHT + 18, "middle", Axis.percentileDecade(d), "fill=\"#333\"");
    }
    svg.line(LEFT, TOP + PLOT_HEIGHT, LEFT + plotWidth, TOP + PLOT_HEIGHT, "#555", 1);
    svg.line(LEFT, TOP, LEFT, TOP + PLOT_HEIGHT, "#555", 1);
    svg.text(LEFT + plotWidth / 2, height - 10, "middle", "percentile", "fill=\"#333\"");
    svg.text(
        16,
        TOP + PLOT_HEIGHT / 2,
        "middle",
        "latency (ms)",
        "fill=\"#333\" transform=\"rotate(-90 16 " + Svg.n(TOP + PLOT_HEIGHT / 2) + ")\"");
    // lines
    for (Line line : lines) {
      List<double[]> points = new ArrayList<>();
      for (double[] point : line.points()) {
        if (point[0] <= decades) {
          points.add(
              new double[] {
                LEFT + point[0] / decades * plotWidth,
                TOP + PLOT_HEIGHT - point[1] / top * PLOT_HEIGHT
              });
        }
      }
      svg.polyline(
          points,
          Implementations.colour(line.implementation(), names),
          2,
          line.implementation() + ": p99 " + Fmt.millis(line.p99Millis()) + " ms");
    }
    // legend
    double legendX = LEFT + plotWidth + 24;
    double legendY = TOP + 8;
    svg.text(legendX, legendY, "start", "implementation: p99 / max (ms)", "fill=\"#555\"");
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      double y = legendY + 22 + i * 22;
      String colour = Implementations.colour(line.implementation(), names);
      svg.line(legendX, y - 4, legendX + 22, y - 4, colour, 3);
      svg.text(
          legendX + 30,
          y,
          "start",
          line.implementation()
              + ": "
              + Fmt.millis(line.p99Millis())
              + " / "
              + Fmt.millis(line.maxMillis()),
          "fill=\"#222\"");
    }
    return svg.end();
  }
}

package dev.contextgateway.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * The p99 of each interval of a scenario's logs over time: shows what a percentile plot hides,
 * such as an outage and the recovery after it. One line per implementation.
 */
final class TimelinePlot {

  private static final double WIDTH = 960;
  private static final double LEFT = 72;
  private static final double RIGHT = 290;
  private static final double TOP = 16;
  private static final double BOTTOM = 52;
  private static final double PLOT_HEIGHT = 180;

  private TimelinePlot() {}

  /** True if some log of the scenario has at least two intervals holding values. */
  static boolean worthDrawing(List<LatencySeries> series) {
    return series.stream()
        .anyMatch(s -> s.intervals().stream().filter(i -> i.count() > 0).count() >= 2);
  }

  /** The plot as inline SVG, or an empty string if it is not {@link #worthDrawing}. */
  static String render(String scenario, List<LatencySeries> series) {
    if (!worthDrawing(series)) {
      return "";
    }
    List<String> names = series.stream().map(LatencySeries::implementation).toList();
    double maxX = 0;
    double maxY = 0;
    for (LatencySeries s : series) {
      for (LatencySeries.Interval interval : s.intervals()) {
        maxX = Math.max(maxX, interval.offsetSeconds());
        if (interval.count() > 0) {
          maxY = Math.max(maxY, interval.p99Nanos() / Fmt.NANOS_PER_MILLI);
        }
      }
    }
    List<Double> xTicks = Axis.ticks(maxX, 8);
    List<Double> yTicks = Axis.ticks(maxY, 4);
    double right = xTicks.get(xTicks.size() - 1);
    double top = yTicks.get(yTicks.size() - 1);
    double plotWidth = WIDTH - LEFT - RIGHT;
    double height = TOP + PLOT_HEIGHT + BOTTOM;
    Svg svg = new Svg(WIDTH, height, "p99 per interval over time, " + scenario + " (milliseconds)");
    for (double tick : yTicks) {
      double y = TOP + PLOT_HEIGHT - tick / top * PLOT_HEIGHT;
      svg.line(LEFT, y, LEFT + plotWidth, y, "#e3e3e3", 1);
      svg.text(LEFT - 8, y + 4, "end", Axis.label(tick), "fill=\"#333\"");
    }
    for (double tick : xTicks) {
      double x = LEFT + tick / right * plotWidth;
      svg.line(x, TOP + PLOT_HEIGHT, x, TOP + PLOT_HEIGHT + 4, "#555", 1);
      svg.text(x, TOP + PLOT_HEIGHT + 18, "middle", Axis.label(tick), "fill=\"#333\"");
    }
    svg.line(LEFT, TOP + PLOT_HEIGHT, LEFT + plotWidth, TOP + PLOT_HEIGHT, "#555", 1);
    svg.line(LEFT, TOP, LEFT, TOP + PLOT_HEIGHT, "#555", 1);
    svg.text(LEFT + plotWidth / 2, height - 8, "middle", "time (s)", "fill=\"#333\"");
    svg.text(
        16,
        TOP + PLOT_HEIGHT / 2,
        "middle",
        "p99 (ms)",
        "fill=\"#333\" transform=\"rotate(-90 16 " + Svg.n(TOP + PLOT_HEIGHT / 2) + ")\"");
    for (LatencySeries s : series) {
      List<double[]> points = new ArrayList<>();
      for (LatencySeries.Interval interval : s.intervals()) {
        if (interval.count() > 0) {
          points.add(
              new double[] {
                LEFT + interval.offsetSeconds() / right * plotWidth,
                TOP + PLOT_HEIGHT - interval.p99Nanos() / Fmt.NANOS_PER_MILLI / top * PLOT_HEIGHT
              });
        }
      }
      String colour = Implementations.colour(s.implementation(), names);
      if (points.size() == 1) {
        svg.circle(points.get(0)[0], points.get(0)[1], 3, colour);
      } else if (points.size() > 1) {
        svg.polyline(points, colour, 1.5, s.implementation());
      }
    }
    double legendX = LEFT + plotWidth + 24;
    for (int i = 0; i < series.size(); i++) {
      double y = TOP + 14 + i * 22;
      String name = series.get(i).implementation();
      svg.line(legendX, y - 4, legendX + 22, y - 4, Implementations.colour(name, names), 3);
      svg.text(legendX + 30, y, "start", name, "fill=\"#222\"");
    }
    return svg.end();
  }
}

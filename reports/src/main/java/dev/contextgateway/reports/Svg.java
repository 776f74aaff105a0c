package dev.contextgateway.reports;

import java.util.List;
import java.util.Locale;

/**
 * A small writer of inline SVG: coordinates with one decimal and {@link Locale#ROOT}, text
 * escaped. Not thread-safe; one instance draws one chart.
 */
final class Svg {

  static final String FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\"";

  private final StringBuilder out = new StringBuilder();

  Svg(double width, double height, String label) {
    out.append("<svg class=\"chart\" viewBox=\"0 0 ")
        .append(n(width))
        .append(' ')
        .append(n(height))
        .append("\" width=\"")
        .append(n(width))
        .append("\" height=\"")
        .append(n(height))
        .append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(label))
        .append("\" ")
        .append(FONT)
        .append(" font-size=\"12\">\n");
    out.append("<title>").append(Html.escape(label)).append("</title>\n");
  }

  static String n(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, double width) {
    out.append("<line x1=\"")
        .append(n(x1))
        .append("\" y1=\"")
        .append(n(y1))
        .append("\" x2=\"")
        .append(n(x2))
        .append("\" y2=\"")
        .append(n(y2))
        .append("\" stroke=\"")
        .append(stroke)
        .append("\" stroke-width=\"")
        .append(n(width))
        .append("\"/>\n");
    return this;
  }

  Svg rect(double x, double y, double width, double height, String fill, String tooltip) {
    out.append("<rect x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append("\" width=\"")
        .append(n(Math.max(0, width)))
        .append("\" height=\"")
        .append(n(height))
        .append("\" fill=\"")
        .append(fill)
        .append("\">");
    if (!tooltip.isEmpty()) {
      out.append("<title>").append(Html.escape(tooltip)).append("</title>");
    }
    out.append("</rect>\n");
    return this;
  }

  /** Text anchored {@code start}, {@code middle} or {@code end}; {@code extra} adds attributes. */
  Svg text(double x, double y, String anchor, String text, String extra) {
    out.append("<text x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append('"');
    if (!extra.isEmpty()) {
      out.append(' ').append(extra);
    }
    out.append('>').append(Html.escape(text)).append("</text>\n");
    return this;
  }

  /** A polyline through {@code points} (x, y pairs). */
  Svg polyline(List<double[]> points, String stroke, double width, String tooltip) {
    out.append("<polyline fill=\"none\" stroke=\"")
        .append(stroke)
        .append("\" stroke-width=\"")
        .append(n(width))
        .append("\" stroke-linejoin=\"round\" points=\"");
    for (int i = 0; i < points.size(); i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(n(points.get(i)[0])).append(',').append(n(points.get(i)[1]));
    }
    out.append("\">");
    if (!tooltip.isEmpty()) {
      out.append("<title>").append(Html.escape(tooltip)).append("</title>");
    }
    out.append("</polyline>\n");
    return this;
  }

  Svg circle(double x, double y, double r, String fill) {
    out.append("<circle cx=\"")
        .append(n(x))
        .append("\" cy=\"")
        .append(n(y))
        .append("\" r=\"")
        .append(n(r))
        .append("\" fill=\"")
        .append(fill)
        .append("\"/>\n");
    return this;
  }

  String end() {
    return out.append("</svg>\n").toString();
  }
}

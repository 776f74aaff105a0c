package dev.contextgateway.reports;

import dev.contextgateway.reports.ReportContent.BenchmarkSection;
import dev.contextgateway.reports.ReportContent.ScenarioSection;
import dev.contextgateway.reports.Table.Align;
import dev.contextgateway.reports.Table.Cell;
import dev.contextgateway.reports.TargetResult.Status;
import dev.contextgateway.reports.run.RunInfo;
import java.util.List;

/**
 * Renders {@code index.html}: self-contained (inline CSS and SVG, no script, no network), the
 * same tables as the markdown summary plus the plots and links to the {@code .hgrm} files.
 */
final class HtmlReport {

  private static final String CSS =
      """
      body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #222;
             margin: 0 auto; padding: 16px 28px 48px; max-width: 1180px; line-height: 1.45; }
      h1 { font-size: 26px; margin: 8px 0 4px; }
      h2 { font-size: 21px; margin: 36px 0 8px; border-bottom: 2px solid #ddd; padding-bottom: 4px; }
      h3 { font-size: 17px; margin: 28px 0 6px; }
      code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: 0.95em; }
      nav { font-size: 14px; margin: 8px 0 0; }
      nav a { margin-right: 14px; }
      .lead { color: #444; margin: 0; }
      .params, .files { color: #444; font-size: 14px; }
      .caption { font-weight: 600; font-size: 14px; margin: 14px 0 0; color: #333; }
      .counts span { font-weight: 600; margin-right: 14px; }
      table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13.5px; }
      th, td { border: 1px solid #d5d5d5; padding: 4px 9px; vertical-align: top; }
      th { background: #f3f3f3; text-align: left; }
      td.r, th.r { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      td.good { background: #e3f4e1; color: #1d5e1a; font-weight: 600; }
      td.bad { background: #fbe3e3; color: #8c1c1c; font-weight: 600; }
      td.muted { background: #f2f2f2; color: #666; }
      .targets td:nth-child(1), .targets td:nth-child(6) { white-space: nowrap; }
      svg.chart { display: block; max-width: 100%; height: auto; margin: 6px 0 10px; }
      """;

  private HtmlReport() {}

  static String render(ReportContent content) {
    RunInfo run = content.data().run();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Context Gateway benchmark report, ")
        .append(Html.escape(run.machine().date()))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    html.append("<header>\n<h1>Context Gateway benchmark report</h1>\n<p class=\"lead\">")
        .append(Html.escape(Prose.headline(run)))
        .append("</p>\n<nav><a href=\"#machine\">Machine</a><a href=\"#targets\">Targets</a>");
    if (!content.scenarios().isEmpty()) {
      html.append("<a href=\"#latency\">Latency</a>");
    }
    if (!content.benchmarks().isEmpty()) {
      html.append("<a href=\"#throughput\">Throughput</a>");
    }
    html.append("<a href=\"#settings\">Settings</a><a href=\"summary.md\">summary.md</a></nav>\n")
        .append("</header>\n");

    html.append("<section id=\"machine\">\n<h2>Machine</h2>\n")
        .append(table(ReportTables.machine(run)))
        .append("</section>\n");

    html.append("<section id=\"targets\">\n<h2>Targets</h2>\n<p class=\"counts\">")
        .append("<span>")
        .append(content.count(Status.MET))
        .append(" met</span><span>")
        .append(content.count(Status.MISSED))
        .append(" missed</span><span>")
        .append(content.count(Status.NOT_MEASURED))
        .append(" not measured</span></p>\n<p>")
        .append(Html.escape(Prose.TARGETS))
        .append("</p>\n")
        .append("<div class=\"targets\">\n")
        .append(table(ReportTables.targets(content.targets())))
        .append("</div>\n</section>\n");

    if (!content.scenarios().isEmpty()) {
      html.append("<section id=\"latency\">\n<h2>Latency (open loop)</h2>\n<p>")
          .append(Html.escape(Prose.LATENCY))
          .append("</p>\n");
      for (ScenarioSection s : content.scenarios()) {
        scenario(html, s);
      }
      html.append("</section>\n");
    }

    if (!content.benchmarks().isEmpty()) {
      html.append("<section id=\"throughput\">\n<h2>Throughput (JMH)</h2>\n<p>")
          .append(Html.escape(Prose.THROUGHPUT))
          .append("</p>\n");
      for (BenchmarkSection b : content.benchmarks()) {
        html.append("<section id=\"")
            .append(Html.id("jmh-" + b.shortName() + "-" + b.mode()))
            .append("\">\n<h3><code>")
            .append(Html.escape(b.shortName()))
            .append("</code> (")
            .append(Html.escape(b.mode()))
            .append(")</h3>\n<p class=\"params\"><code>")
            .append(Html.escape(b.benchmark()))
            .append("</code></p>\n")
            .append("<p class=\"caption\">Primary score by parameters and implementation (")
            .append(Html.escape(b.results().get(0).primary().unit()))
            .append("; whiskers: error)</p>\n")
            .append(ThroughputChart.render(b.shortName(), b.results()))
            .append(table(b.table()))
            .append("</section>\n");
      }
      html.append("</section>\n");
    }

    html.append("<section id=\"settings\">\n<h2>Settings</h2>\n");
    ReportTables.settings(run)
        .ifPresentOrElse(
            t -> html.append(table(t)), () -> html.append("<p>No settings recorded.</p>\n"));
    if (!run.notes().isEmpty()) {
      html.append("<h3>Notes</h3>\n<ul>\n");
      run.notes().forEach(n -> html.append("<li>").append(Html.escape(n)).append("</li>\n"));
      html.append("</ul>\n");
    }
    html.append("</section>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void scenario(StringBuilder html, ScenarioSection s) {
    html.append("<section id=\"")
        .append(Html.id("scenario-" + s.name()))
        .append("\">\n<h3><code>")
        .append(Html.escape(s.name()))
        .append("</code></h3>\n");
    if (!s.description().isEmpty()) {
      html.append("<p>").append(Html.escape(s.description())).append("</p>\n");
    }
    if (!s.parameters().isEmpty()) {
      html.append("<p class=\"params\">Parameters: ")
          .append(Html.escape(s.parameters()))
          .append("</p>\n");
    }
    String percentiles = PercentilePlot.render(s.name(), s.series());
    if (!percentiles.isEmpty()) {
      html.append("<p class=\"caption\">Latency by percentile (ms; log percentile axis)</p>\n")
          .append(percentiles);
    }
    String timeline = TimelinePlot.render(s.name(), s.series());
    if (!timeline.isEmpty()) {
      html.append("<p class=\"caption\">p99 of each log interval over time (ms)</p>\n")
          .append(timeline);
    }
    if (s.latency().isPresent()) {
      html.append(table(s.latency().get()));
    } else {
      html.append("<p>No latency logs.</p>\n");
    }
    s.latencyRatios().ifPresent(t -> html.append(table(t)));
    s.counters().ifPresent(t -> html.append("<p>Counters:</p>\n").append(table(t)));
    s.counterRatios().ifPresent(t -> html.append(table(t)));
    if (!s.series().isEmpty()) {
      html.append("<p class=\"files\">Percentile files (HdrHistogram plotter format, ms):");
      for (LatencySeries series : s.series()) {
        String path = Reports.hgrmPath(series);
        html.append(" <a href=\"")
            .append(Html.escape(path))
            .append("\">")
            .append(Html.escape(series.implementation()))
            .append("</a>");
      }
      html.append("</p>\n");
    }
    html.append("</section>\n");
  }

  /** An HTML table; numeric columns right-aligned, status cells coloured. */
  static String table(Table table) {
    StringBuilder html = new StringBuilder("<table>\n<thead><tr>");
    for (int i = 0; i < table.header().size(); i++) {
      html.append(table.align().get(i) == Align.RIGHT ? "<th class=\"r\">" : "<th>")
          .append(Html.escape(table.header().get(i)))
          .append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (List<Cell> row : table.rows()) {
      html.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        Cell cell = row.get(i);
        String css =
            switch (cell.tone()) {
              case GOOD -> "good";
              case BAD -> "bad";
              case MUTED -> "muted";
              case PLAIN -> table.align().get(i) == Align.RIGHT ? "r" : "";
            };
        html.append(css.isEmpty() ? "<td>" : "<td class=\"" + css + "\">")
            .append(Html.escape(cell.text()))
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
    return html.toString();
  }
}

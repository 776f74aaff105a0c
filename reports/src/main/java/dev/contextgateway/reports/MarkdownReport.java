package dev.contextgateway.reports;

import dev.contextgateway.reports.ReportContent.BenchmarkSection;
import dev.contextgateway.reports.ReportContent.ScenarioSection;
import dev.contextgateway.reports.Table.Align;
import dev.contextgateway.reports.Table.Cell;
import dev.contextgateway.reports.run.RunInfo;
import java.util.List;

/** Renders {@code summary.md}: the report's tables and targets in GitHub-flavoured markdown. */
final class MarkdownReport {

  private MarkdownReport() {}

  static String render(ReportContent content) {
    RunInfo run = content.data().run();
    StringBuilder md = new StringBuilder();
    md.append("# Context Gateway benchmark report\n\n");
    md.append(Prose.headline(run)).append("\n\n");
    md.append("## Machine\n\n").append(table(ReportTables.machine(run))).append('\n');
    md.append("## Targets\n\n")
        .append(Prose.targetCounts(content))
        .append(' ')
        .append(Prose.TARGETS)
        .append("\n\n");
    md.append(table(ReportTables.targets(content.targets()))).append('\n');
    if (!content.scenarios().isEmpty()) {
      md.append("## Latency (open loop)\n\n").append(Prose.LATENCY).append("\n\n");
      for (ScenarioSection s : content.scenarios()) {
        scenario(md, s);
      }
    }
    if (!content.benchmarks().isEmpty()) {
      md.append("## Throughput (JMH)\n\n").append(Prose.THROUGHPUT).append("\n\n");
      for (BenchmarkSection b : content.benchmarks()) {
        md.append("### ")
            .append(code(b.shortName()))
            .append(" (")
            .append(b.mode())
            .append(")\n\n")
            .append(table(b.table()))
            .append('\n');
      }
    }
    ReportTables.settings(run)
        .ifPresent(t -> md.append("## Settings\n\n").append(table(t)).append('\n'));
    if (!run.notes().isEmpty()) {
      md.append("## Notes\n\n");
      run.notes().forEach(n -> md.append("- ").append(n).append('\n'));
      md.append('\n');
    }
    return md.toString().stripTrailing() + "\n";
  }

  private static void scenario(StringBuilder md, ScenarioSection s) {
    md.append("### ").append(code(s.name())).append("\n\n");
    if (!s.description().isEmpty()) {
      md.append(s.description()).append("\n\n");
    }
    if (!s.parameters().isEmpty()) {
      md.append("Parameters: ").append(s.parameters()).append("\n\n");
    }
    if (s.latency().isPresent()) {
      md.append("Latency, milliseconds:\n\n").append(table(s.latency().get())).append('\n');
    } else {
      md.append("No latency logs.\n\n");
    }
    s.latencyRatios()
        .ifPresent(t -> md.append("Latency ratios:\n\n").append(table(t)).append('\n'));
    s.counters().ifPresent(t -> md.append("Counters:\n\n").append(table(t)).append('\n'));
    s.counterRatios()
        .ifPresent(t -> md.append("Counter ratios:\n\n").append(table(t)).append('\n'));
  }

  private static String code(String text) {
    return "`" + text + "`";
  }

  /** A markdown table; '|' in cells is escaped. */
  static String table(Table table) {
    StringBuilder md = new StringBuilder();
    md.append('|');
    for (String title : table.header()) {
      md.append(' ').append(escape(title)).append(" |");
    }
    md.append("\n|");
    for (Align align : table.align()) {
      md.append(align == Align.RIGHT ? "---:|" : ":---|");
    }
    md.append('\n');
    for (List<Cell> row : table.rows()) {
      md.append('|');
      for (Cell cell : row) {
        md.append(' ').append(escape(cell.text())).append(" |");
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static String escape(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}

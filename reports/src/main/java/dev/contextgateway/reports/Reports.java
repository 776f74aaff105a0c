package dev.contextgateway.reports;

import dev.contextgateway.reports.run.RunDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates the report of a run directory (see {@link dev.contextgateway.reports.run}) into its
 * {@code report/} folder:
 *
 * <ul>
 *   <li>{@code hgrm/<scenario>/<implementation>.hgrm}: the percentile distribution of each latency
 *       log, all intervals merged, in the format of HdrHistogram's {@code
 *       outputPercentileDistribution} with values in milliseconds (loadable by the HdrHistogram
 *       plotter);
 *   <li>{@code index.html}: self-contained (no script, no network): machine, targets, latency
 *       plots and tables per scenario, throughput charts and tables per JMH benchmark;
 *   <li>{@code summary.md}: the same tables and targets in markdown.
 * </ul>
 *
 * <p>The output depends only on the run directory's contents: no clock, no locale, stable order.
 * A previous {@code report/} folder is replaced, once everything has been read and rendered.
 *
 * <p>Stateless and thread-safe; {@link #generate} blocks on file I/O. Concurrent generation into
 * the same run directory is not coordinated.
 */
public final class Reports {

  private Reports() {}

  /**
   * Writes the report of the run in {@code runDirectory}.
   *
   * @return the path of the written {@code index.html}
   * @throws NoSuchFileException if {@code runDirectory} is not a directory or has no {@code
   *     run.json}
   * @throws IOException if the run cannot be read (the message names the file and the problem) or
   *     the report cannot be written
   */
  public static Path generate(Path runDirectory) throws IOException {
    if (!Files.isDirectory(runDirectory)) {
      throw new NoSuchFileException(runDirectory.toString(), null, "not a run directory");
    }
    RunDirectory run = RunDirectory.of(runDirectory);
    ReportContent content = ReportContent.of(RunData.load(run));

    Map<String, String> files = new LinkedHashMap<>();
    for (LatencySeries series : content.data().latency()) {
      if (series.histogram().getTotalCount() > 0) {
        files.put(hgrmPath(series), hgrm(series));
      }
    }
    files.put("summary.md", MarkdownReport.render(content));
    files.put("index.html", HtmlReport.render(content));

    Path report = run.reportDirectory();
    deleteRecursively(report);
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = report.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
    return report.resolve("index.html");
  }

  /** The path of a log's percentile file, relative to {@code report/}. */
  static String hgrmPath(LatencySeries series) {
    return "hgrm/" + series.scenario() + "/" + series.implementation() + ".hgrm";
  }

  /** The percentile distribution of a log, in milliseconds. */
  static String hgrm(LatencySeries series) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8)) {
      series
          .histogram()
          .outputPercentileDistribution(
              out, PercentilePlot.TICKS_PER_HALF_DISTANCE, Fmt.NANOS_PER_MILLI);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    Files.walkFileTree(
        directory,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}

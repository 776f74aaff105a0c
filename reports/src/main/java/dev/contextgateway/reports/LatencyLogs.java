package dev.contextgateway.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.jspecify.annotations.Nullable;

/** Reads the {@code latency/<scenario>/<implementation>.hlog} files of a run. Stateless. */
final class LatencyLogs {

  private static final String SUFFIX = ".hlog";

  private LatencyLogs() {}

  /**
   * Reads every log under {@code latencyDirectory}, scenarios and implementations in name order.
   * A missing directory gives no series.
   *
   * @throws IOException naming the file if a log cannot be read
   */
  static List<LatencySeries> readDirectory(Path latencyDirectory) throws IOException {
    if (!Files.isDirectory(latencyDirectory)) {
      return List.of();
    }
    List<LatencySeries> series = new ArrayList<>();
    for (Path scenario : sortedChildren(latencyDirectory)) {
      if (!Files.isDirectory(scenario)) {
        continue;
      }
      for (Path log : sortedChildren(scenario)) {
        String file = log.getFileName().toString();
        if (file.endsWith(SUFFIX) && Files.isRegularFile(log)) {
          series.add(
              read(
                  log,
                  scenario.getFileName().toString(),
                  file.substring(0, file.length() - SUFFIX.length())));
        }
      }
    }
    return series;
  }

  private static List<Path> sortedChildren(Path directory) throws IOException {
    try (Stream<Path> children = Files.list(directory)) {
      return children.sorted().toList();
    }
  }

  /**
   * Reads one interval log, merging its intervals.
   *
   * @throws IOException naming the file if it cannot be read or holds floating-point histograms
   */
  static LatencySeries read(Path log, String scenario, String implementation) throws IOException {
    List<LatencySeries.Interval> intervals = new ArrayList<>();
    @Nullable Histogram merged = null;
    double firstStart = Double.NaN;
    HistogramLogReader reader = new HistogramLogReader(log.toFile());
    try {
      while (true) {
        EncodableHistogram next;
        try {
          next = reader.nextIntervalHistogram();
        } catch (RuntimeException e) {
          throw new IOException(log + ": not a readable HdrHistogram log: " + e.getMessage(), e);
        }
        if (next == null) {
          break;
        }
        if (!(next instanceof Histogram interval)) {
          throw new IOException(
              log + ": holds " + next.getClass().getSimpleName() + "s; expected integer nanoseconds");
        }
        if (merged == null) {
          merged = new Histogram(interval.getNumberOfSignificantValueDigits());
          firstStart = interval.getStartTimeStamp() / 1000.0;
        }
        merged.add(interval);
        intervals.add(
            new LatencySeries.Interval(
                interval.getEndTimeStamp() / 1000.0 - firstStart,
                interval.getTotalCount(),
                interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(99.0),
                interval.getMaxValue()));
      }
    } finally {
      reader.close();
    }
    return new LatencySeries(
        scenario, implementation, merged == null ? new Histogram(3) : merged, intervals);
  }
}

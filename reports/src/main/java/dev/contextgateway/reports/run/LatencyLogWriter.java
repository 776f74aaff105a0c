package dev.contextgateway.reports.run;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes one {@code latency/<scenario>/<implementation>.hlog}: an HdrHistogram interval log whose
 * values are {@code end - intended start} in nanoseconds, one interval histogram per
 * {@link #write} (typically {@code recorder.getIntervalHistogram(recycled)} once a second). The
 * header (format version, start time, legend) is written on open; interval timestamps are
 * relative to the start time.
 *
 * <p>Only the measured phase belongs in the log: the report merges every interval it finds.
 *
 * <p>Not thread-safe: one thread writes a log. {@link #write} blocks on file I/O.
 */
public final class LatencyLogWriter implements Closeable {

  private final PrintStream out;
  private final HistogramLogWriter writer;

  LatencyLogWriter(OutputStream stream, long startTimeEpochMillis) {
    this.out = new PrintStream(new BufferedOutputStream(stream), false, StandardCharsets.US_ASCII);
    this.writer = new HistogramLogWriter(out);
    writer.outputLogFormatVersion();
    writer.outputStartTime(startTimeEpochMillis);
    writer.setBaseTime(startTimeEpochMillis);
    writer.outputLegend();
  }

  /**
   * Appends an interval histogram. Its start and end timestamps (epoch milliseconds, as a {@code
   * Recorder} sets them) place it in the log.
   *
   * @throws IOException if the log cannot be written
   */
  public void write(EncodableHistogram intervalHistogram) throws IOException {
    writer.outputIntervalHistogram(intervalHistogram);
    if (out.checkError()) {
      throw new IOException("cannot write the latency log");
    }
  }

  /** Flushes and closes the log. */
  @Override
  public void close() throws IOException {
    out.flush();
    boolean failed = out.checkError();
    writer.close();
    if (failed) {
      throw new IOException("cannot write the latency log");
    }
  }
}

package dev.contextgateway.benchmarks.latency;

import dev.contextgateway.reports.run.LatencyLogWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * Drives a {@link SystemUnderTest} at a constant arrival rate (open loop) and measures each
 * request from its <em>intended</em> start: request {@code i} is due at {@code start + i /
 * rate}, whatever happened to the requests before it, and its latency is {@code end - intended
 * start}. A closed-loop benchmark (JMH, a thread that calls again when the last call returned)
 * issues fewer requests while the system stalls and so hides the stall from its statistics
 * (coordinated omission); here a stall shows as the latency of every request due during it,
 * including time a request spent waiting to be dispatched.
 *
 * <p>Latencies of the measured phase go into an HdrHistogram {@link Recorder} (wait-free for the
 * completing threads); a reporter thread takes an interval histogram once a second, appends it to
 * the latency log and prints a progress line. Warm-up requests are issued and counted apart but
 * not recorded.
 *
 * <p>Measures real time ({@link System#nanoTime()}): it exists to measure, so its clock is not
 * injectable. One run at a time per driver; {@link #run} blocks for the length of the load plus
 * the wait for the last answers (at most the drain timeout).
 */
public final class OpenLoopDriver {

  /* Implementation notes. Threads: the caller's thread dispatches (waits for each intended start
   * by parking, then spinning the last 100 µs, since a dispatch late by a park's slack would be
   * measured as latency); answers complete on whatever thread the system under test completes
   * them (they only touch the Recorder and LongAdders); the reporter thread alone writes the
   * log. The run ends when every issued request has been answered or the drain timeout passed;
   * the reporter then takes its last interval and stops. */

  private static final long SPIN_NANOS = 100_000;
  private static final long START_LEAD_NANOS = 1_000_000;
  private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Consumer<String> progress;
  private final Duration drainTimeout;

  /**
   * @param progress receives a line when the run starts, once a second while it measures, and at
   *     the end
   * @param drainTimeout how long to wait for answers after the last request was issued; requests
   *     still unanswered then are counted as unfinished
   */
  public OpenLoopDriver(Consumer<String> progress, Duration drainTimeout) {
    this.progress = Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    if (drainTimeout.isNegative()) {
      throw new IllegalArgumentException("drainTimeout must not be negative, was " + drainTimeout);
    }
    this.drainTimeout = drainTimeout;
  }

  /** Opens the latency log, once the start of the measured phase is known. */
  @FunctionalInterface
  public interface LogOpener {
    /** Opens the log whose interval times are relative to {@code measuredStartEpochMillis}. */
    LatencyLogWriter open(long measuredStartEpochMillis) throws IOException;
  }

  /**
   * What a run measured.
   *
   * @param requests requests issued in the measured phase
   * @param errors measured requests that failed, or were unanswered at the end
   * @param logged measured requests whose latency was recorded
   * @param unfinished requests (of either phase) still unanswered when the run ended
   * @param maxDispatchLagNanos the most a request was dispatched after its intended start
   * @param latencies every recorded latency, in nanoseconds
   */
  public record Result(
      long requests,
      long errors,
      long logged,
      long unfinished,
      long maxDispatchLagNanos,
      Histogram latencies) {}

  /**
   * Runs {@code load} against {@code sut}, writing the measured phase's latencies to the log that
   * {@code opener} opens.
   *
   * @param label names the run in progress lines, such as {@code herd-expiry/naive}
   * @throws IOException if the log cannot be opened or written
   * @throws InterruptedException if the calling thread is interrupted
   */
  public Result run(String label, SystemUnderTest sut, Load load, LogOpener opener)
      throws IOException, InterruptedException {
    long start = System.nanoTime() + START_LEAD_NANOS;
    long measuredStart = start + load.warmup().toNanos();
    long end = measuredStart + load.measured().toNanos();
    long measuredStartEpochMillis =
        System.currentTimeMillis() + TimeUnit.NANOSECONDS.toMillis(measuredStart - System.nanoTime());
    Measurement measurement = new Measurement();
    try (LatencyLogWriter log = opener.open(measuredStartEpochMillis)) {
      progress.accept(
          String.format(
              Locale.ROOT,
              "%s: %.0f requests/s, warming up %.1f s, then measuring %.1f s",
              label,
              load.arrivalRatePerSecond(),
              load.warmup().toNanos() / 1e9,
              load.measured().toNanos() / 1e9));
      Reporter reporter = new Reporter(label, measurement, log, measuredStart, measuredStartEpochMillis, load);
      Thread reporterThread = new Thread(reporter, "latency-reporter");
      reporterThread.setDaemon(true);
      reporterThread.start();
      try {
        dispatch(sut, load, measurement, start, measuredStart, end);
        measurement.awaitDrained(drainTimeout);
      } finally {
        reporter.finish();
        reporterThread.join();
      }
      IOException failure = reporter.failure;
      if (failure != null) {
        throw failure;
      }
      Result result = measurement.result(reporter.total);
      progress.accept(
          String.format(
              Locale.ROOT,
              "%s: done: %d requests, %d logged, %d errors, %d unfinished, p99 %s, max %s",
              label,
              result.requests(),
              result.logged(),
              result.errors(),
              result.unfinished(),
              millis(result.latencies().getValueAtPercentile(99)),
              millis(result.latencies().getMaxValue())));
      return result;
    }
  }

  private static void dispatch(
      SystemUnderTest sut, Load load, Measurement measurement, long start, long measuredStart, long end)
      throws InterruptedException {
    double period = load.periodNanos();
    boolean measuring = false;
    for (long i = 0; ; i++) {
      long intended = start + (long) (i * period);
      if (intended >= end) {
        break;
      }
      awaitUntil(intended);
      boolean measured = intended >= measuredStart;
      if (measured && !measuring) {
        measuring = true;
        sut.startMeasurement();
      }
      measurement.issue(sut, intended, measured);
    }
    measurement.dispatchDone();
  }

  /** Parks until shortly before {@code deadline}, then spins. */
  private static void awaitUntil(long deadline) throws InterruptedException {
    for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
      if (left > SPIN_NANOS) {
        LockSupport.parkNanos(left - SPIN_NANOS);
      } else {
        Thread.onSpinWait();
      }
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while pacing requests");
      }
    }
  }

  static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
  }

  /** The counters and the recorder of one run, shared by the dispatching and answering threads. */
  private static final class Measurement {
    final Recorder recorder = new Recorder(3);
    final LongAdder requests = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder logged = new LongAdder();
    final AtomicLong outstanding = new AtomicLong();
    final LongAccumulator maxLag = new LongAccumulator(Math::max, 0);
    final CompletableFuture<Void> drained = new CompletableFuture<>();
    volatile boolean dispatchDone;
    long unfinished;

    void issue(SystemUnderTest sut, long intended, boolean measured) {
      maxLag.accumulate(System.nanoTime() - intended);
      outstanding.incrementAndGet();
      if (measured) {
        requests.increment();
      }
      CompletionStage<Logged> stage;
      try {
        stage = sut.call();
      } catch (RuntimeException failure) {
        stage = CompletableFuture.failedFuture(failure);
      }
      stage.whenComplete((outcome, failure) -> answered(intended, measured, outcome, failure));
    }

    private void answered(
        long intended, boolean measured, @Nullable Logged outcome, @Nullable Throwable failure) {
      long latency = System.nanoTime() - intended;
      if (measured) {
        if (failure != null) {
          errors.increment();
        }
        if (failure != null || outcome == Logged.LOGGED) {
          recorder.recordValue(latency);
          logged.increment();
        }
      }
      if (outstanding.decrementAndGet() == 0 && dispatchDone) {
        drained.complete(null);
      }
    }

    void dispatchDone() {
      dispatchDone = true;
      if (outstanding.get() == 0) {
        drained.complete(null);
      }
    }

    void awaitDrained(Duration timeout) throws InterruptedException {
      try {
        drained.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException stillOutstanding) {
        unfinished = outstanding.get();
      } catch (ExecutionException impossible) {
        throw new IllegalStateException(impossible);
      }
    }

    Result result(Histogram total) {
      return new Result(
          requests.sum(),
          errors.sum() + unfinished,
          logged.sum(),
          unfinished,
          maxLag.get(),
          total.copy());
    }
  }

  /** Takes an interval histogram once a second, appends it to the log and reports progress. */
  private final class Reporter implements Runnable {
    final String label;
    final Measurement measurement;
    final LatencyLogWriter log;
    final long measuredStart;
    final long measuredStartEpochMillis;
    final Load load;
    final CountDownLatch finished = new CountDownLatch(1);
    final Histogram total = new Histogram(3);
    volatile @Nullable IOException failure;
    private @Nullable Histogram recycled;
    private boolean first = true;

    Reporter(
        String label,
        Measurement measurement,
        LatencyLogWriter log,
        long measuredStart,
        long measuredStartEpochMillis,
        Load load) {
      this.label = label;
      this.measurement = measurement;
      this.log = log;
      this.measuredStart = measuredStart;
      this.measuredStartEpochMillis = measuredStartEpochMillis;
      this.load = load;
    }

    void finish() {
      finished.countDown();
    }

    @Override
    public void run() {
      try {
        long tick = measuredStart + INTERVAL_NANOS;
        while (!finished.await(Math.max(0, tick - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          takeInterval(true);
          tick += INTERVAL_NANOS;
        }
        takeInterval(false);
      } catch (IOException e) {
        failure = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Appends the interval since the last one to the log; {@code report}: print progress too. */
    private void takeInterval(boolean report) throws IOException {
      Histogram interval = measurement.recorder.getIntervalHistogram(recycled);
      if (first) {
        // The recorder's first interval began when it was made, before the warm-up.
        interval.setStartTimeStamp(measuredStartEpochMillis);
        first = false;
      }
      log.write(interval);
      total.add(interval);
      recycled = interval;
      if (!report) {
        return;
      }
      double elapsed = Math.min(System.nanoTime() - measuredStart, load.measured().toNanos()) / 1e9;
      progress.accept(
          String.format(
              Locale.ROOT,
              "%s: %4.1f/%.0f s, %d requests, %d logged, %d errors, p50 %s, p99 %s, max %s",
              label,
              Math.max(0, elapsed),
              load.measured().toNanos() / 1e9,
              measurement.requests.sum(),
              measurement.logged.sum(),
              measurement.errors.sum(),
              millis(total.getValueAtPercentile(50)),
              millis(total.getValueAtPercentile(99)),
              millis(total.getMaxValue())));
    }
  }
}

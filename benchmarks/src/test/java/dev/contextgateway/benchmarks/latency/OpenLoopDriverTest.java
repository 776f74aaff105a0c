package dev.contextgateway.benchmarks.latency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.reports.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver against scripted systems under test. Counts follow from the schedule alone (request
 * {@code i} is due at {@code i / rate}), so they are exact whatever the machine's speed; the one
 * latency assertion is a lower bound that a stall the test itself causes guarantees.
 */
class OpenLoopDriverTest {
  private static final Load LOAD = new Load(1000, Duration.ofMillis(100), Duration.ofMillis(500));

  @TempDir Path directory;

  private final List<String> progress = new CopyOnWriteArrayList<>();
  private final OpenLoopDriver driver = new OpenLoopDriver(progress::add, Duration.ofSeconds(10));

  @Test
  void run_issuesRequestsAtTheRate_andCountsOnlyTheMeasuredPhase() throws Exception {
    Scripted sut = new Scripted(i -> CompletableFuture.completedFuture(Logged.LOGGED));

    OpenLoopDriver.Result result = run(sut);

    assertThat(sut.calls.get()).isEqualTo(600);
    assertThat(result.requests()).isEqualTo(500);
    assertThat(result.logged()).isEqualTo(500);
    assertThat(result.errors()).isZero();
    assertThat(result.unfinished()).isZero();
    assertThat(sut.measurementStartedAtCall).isEqualTo(100);
    assertThat(logged().getTotalCount()).isEqualTo(500);
    assertThat(progress).first().asString().contains("1000 requests/s");
    assertThat(progress).last().asString().contains("done: 500 requests");
  }

  @Test
  void run_logsOnlyTheRequestsTheScenarioKeeps() throws Exception {
    Scripted sut =
        new Scripted(i -> CompletableFuture.completedFuture(i % 2 == 0 ? Logged.LOGGED : Logged.SKIPPED));

    OpenLoopDriver.Result result = run(sut);

    assertThat(result.requests()).isEqualTo(500);
    assertThat(result.logged()).isEqualTo(250);
    assertThat(result.latencies().getTotalCount()).isEqualTo(250);
    assertThat(logged().getTotalCount()).isEqualTo(250);
  }

  @Test
  void run_measuresFromTheIntendedStart_soAStallCountsForTheRequestsDueDuringIt() throws Exception {
    long stallNanos = TimeUnit.MILLISECONDS.toNanos(50);
    Scripted sut =
        new Scripted(
            i -> {
              if (i == 300) { // the system under test holds the dispatching thread
                long until = System.nanoTime() + stallNanos;
                while (System.nanoTime() < until) {
                  LockSupport.parkNanos(until - System.nanoTime());
                }
              }
              return CompletableFuture.completedFuture(Logged.LOGGED);
            });

    OpenLoopDriver.Result result = run(sut);

    // Request 301 was due 1 ms after request 300 started and could start only when it returned.
    assertThat(result.latencies().getMaxValue()).isGreaterThanOrEqualTo(stallNanos - TimeUnit.MILLISECONDS.toNanos(1));
    assertThat(result.latencies().getCountBetweenValues(TimeUnit.MILLISECONDS.toNanos(40), Long.MAX_VALUE))
        .as("requests due during the stall, each late by what was left of it")
        .isGreaterThanOrEqualTo(9);
    assertThat(result.requests()).isEqualTo(500);
  }

  @Test
  void run_failedAndThrowingRequests_areErrors_andLogged() throws Exception {
    Scripted sut =
        new Scripted(
            i -> {
              if (i % 10 == 0) {
                return CompletableFuture.failedFuture(new IllegalStateException("upstream failed"));
              }
              if (i % 10 == 1) {
                throw new IllegalStateException("rejected");
              }
              return CompletableFuture.completedFuture(Logged.SKIPPED);
            });

    OpenLoopDriver.Result result = run(sut);

    assertThat(result.errors()).isEqualTo(100);
    assertThat(result.logged()).isEqualTo(100);
  }

  @Test
  void run_requestsUnansweredAfterTheDrainTimeout_areUnfinishedErrors() throws Exception {
    OpenLoopDriver impatient = new OpenLoopDriver(progress::add, Duration.ofMillis(100));
    Scripted sut =
        new Scripted(
            i -> i == 450 ? new CompletableFuture<>() : CompletableFuture.completedFuture(Logged.LOGGED));

    OpenLoopDriver.Result result =
        impatient.run("test/scripted", sut, LOAD, start -> RunDirectory.of(directory).openLatencyLog("test", "scripted", start));

    assertThat(result.unfinished()).isEqualTo(1);
    assertThat(result.errors()).isEqualTo(1);
    assertThat(result.logged()).isEqualTo(499);
  }

  @Test
  void log_startsAtTheMeasuredPhase_withIntervalsOfAboutASecond() throws Exception {
    long before = System.currentTimeMillis();
    run(new Scripted(i -> CompletableFuture.completedFuture(Logged.LOGGED)));

    HistogramLogReader reader =
        new HistogramLogReader(RunDirectory.of(directory).latencyLog("test", "scripted").toFile());
    List<EncodableHistogram> intervals = new ArrayList<>();
    for (EncodableHistogram interval = reader.nextIntervalHistogram(); interval != null; interval = reader.nextIntervalHistogram()) {
      intervals.add(interval);
    }
    assertThat(reader.getStartTimeSec() * 1000)
        .as("the log starts after the 100 ms warm-up")
        .isGreaterThanOrEqualTo(before + 100 - 1);
    assertThat(intervals).isNotEmpty();
    assertThat(intervals.get(0).getStartTimeStamp())
        .as("the first interval starts with the measured phase, not when the recorder was made")
        .isCloseTo((long) (reader.getStartTimeSec() * 1000), org.assertj.core.data.Offset.offset(1L));
  }

  private OpenLoopDriver.Result run(SystemUnderTest sut) throws IOException, InterruptedException {
    RunDirectory run = RunDirectory.of(directory);
    return driver.run("test/scripted", sut, LOAD, start -> run.openLatencyLog("test", "scripted", start));
  }

  private Histogram logged() throws IOException {
    HistogramLogReader reader =
        new HistogramLogReader(RunDirectory.of(directory).latencyLog("test", "scripted").toFile());
    Histogram total = new Histogram(3);
    for (EncodableHistogram interval = reader.nextIntervalHistogram(); interval != null; interval = reader.nextIntervalHistogram()) {
      total.add((Histogram) interval);
    }
    return total;
  }

  /** Answers call {@code i} (from 0, warm-up included) as the script says. */
  private static final class Scripted implements SystemUnderTest {
    final IntFunction<CompletionStage<Logged>> script;
    final AtomicInteger calls = new AtomicInteger();
    volatile int measurementStartedAtCall = -1;

    Scripted(IntFunction<CompletionStage<Logged>> script) {
      this.script = script;
    }

    @Override
    public CompletionStage<Logged> call() {
      return script.apply(calls.getAndIncrement());
    }

    @Override
    public void startMeasurement() {
      measurementStartedAtCall = calls.get();
    }

    @Override
    public Map<String, Long> counters() {
      return Map.of();
    }

    @Override
    public void close() {}
  }
}

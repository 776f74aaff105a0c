package dev.contextgateway.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How long the suite runs: JMH forks and iterations, the thread counts of the herd benchmark, and
 * the warm-up and measured time of each latency run.
 */
public enum SuiteMode {
  /** Seconds, in-process JMH: checks that everything runs and the report is written; figures mean nothing. */
  SMOKE(0, 0, Duration.ZERO, 1, Duration.ofMillis(100), List.of(2), Duration.ofMillis(200), Duration.ofSeconds(1)),
  /** About six minutes on 2 cores: one fork, short iterations, 10 s latency runs. */
  SHORT(1, 1, Duration.ofSeconds(1), 2, Duration.ofSeconds(1), List.of(1, 2, 8, 64), Duration.ofSeconds(2), Duration.ofSeconds(10)),
  /** About half an hour on 2 cores: two forks, more iterations, 60 s latency runs. */
  FULL(2, 3, Duration.ofSeconds(1), 5, Duration.ofSeconds(1), List.of(1, 2, 8, 64), Duration.ofSeconds(5), Duration.ofSeconds(60));

  final int forks;
  final int warmupIterations;
  final Duration warmupTime;
  final int measurementIterations;
  final Duration measurementTime;
  final List<Integer> herdThreads;
  final Duration latencyWarmup;
  final Duration latencyMeasured;

  SuiteMode(
      int forks,
      int warmupIterations,
      Duration warmupTime,
      int measurementIterations,
      Duration measurementTime,
      List<Integer> herdThreads,
      Duration latencyWarmup,
      Duration latencyMeasured) {
    this.forks = forks;
    this.warmupIterations = warmupIterations;
    this.warmupTime = warmupTime;
    this.measurementIterations = measurementIterations;
    this.measurementTime = measurementTime;
    this.herdThreads = herdThreads;
    this.latencyWarmup = latencyWarmup;
    this.latencyMeasured = latencyMeasured;
  }

  /** The mode's name in {@code run.json}: {@code smoke}, {@code short} or {@code full}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}

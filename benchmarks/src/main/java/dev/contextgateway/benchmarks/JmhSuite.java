package dev.contextgateway.benchmarks;

import dev.contextgateway.benchmarks.jmh.EvictionChurnBenchmark;
import dev.contextgateway.benchmarks.jmh.HerdBenchmark;
import dev.contextgateway.benchmarks.jmh.HitPathBenchmark;
import dev.contextgateway.benchmarks.jmh.StatsBenchmark;
import dev.contextgateway.reports.run.RunDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH part of the suite: each benchmark class once (the herd once per thread count), with the
 * mode's forks and iterations, each writing {@code jmh/<name>.json} into the run directory.
 */
final class JmhSuite {
  /** The forked JVMs' heap: fixed, so that heap sizing does not vary between forks. */
  static final List<String> FORK_JVM_ARGS = List.of("-Xms1g", "-Xmx1g");

  /** One JMH invocation: a benchmark class, optionally with a thread count, and its result file. */
  record Job(String name, Class<?> benchmark, OptionalInt threads) {}

  private final SuiteMode mode;

  JmhSuite(SuiteMode mode) {
    this.mode = mode;
  }

  /** The invocations of this mode, in run order. */
  List<Job> jobs() {
    List<Job> jobs = new ArrayList<>();
    for (int threads : mode.herdThreads) {
      jobs.add(
          new Job(String.format(Locale.ROOT, "herd-t%02d", threads), HerdBenchmark.class, OptionalInt.of(threads)));
    }
    jobs.add(new Job("hit-path", HitPathBenchmark.class, OptionalInt.empty()));
    jobs.add(new Job("stats", StatsBenchmark.class, OptionalInt.empty()));
    jobs.add(new Job("eviction-churn", EvictionChurnBenchmark.class, OptionalInt.empty()));
    return jobs;
  }

  /** The settings shown in the report. */
  Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("jmh.forks", Integer.toString(mode.forks));
    settings.put(
        "jmh.warmup", mode.warmupIterations + " × " + mode.warmupTime.toMillis() + " ms");
    settings.put(
        "jmh.measurement",
        mode.measurementIterations + " × " + mode.measurementTime.toMillis() + " ms");
    settings.put("jmh.forkJvmArgs", String.join(" ", FORK_JVM_ARGS));
    settings.put(
        "jmh.herdThreads",
        mode.herdThreads.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    return settings;
  }

  /**
   * Runs one invocation, writing its JSON result into {@code run}.
   *
   * @throws RunnerException if JMH fails or a benchmark throws
   */
  void run(Job job, RunDirectory run) throws RunnerException {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include("^" + Pattern.quote(job.benchmark().getName()) + "\\.")
            .forks(mode.forks)
            .warmupIterations(mode.warmupIterations)
            .warmupTime(millis(mode.warmupTime.toMillis()))
            .measurementIterations(mode.measurementIterations)
            .measurementTime(millis(mode.measurementTime.toMillis()))
            .jvmArgs(FORK_JVM_ARGS.toArray(String[]::new))
            .resultFormat(ResultFormatType.JSON)
            .result(run.jmhResult(job.name()).toString())
            .shouldFailOnError(true);
    job.threads().ifPresent(options::threads);
    new Runner(options.build()).run();
  }

  private static TimeValue millis(long millis) {
    return new TimeValue(millis, TimeUnit.MILLISECONDS);
  }
}

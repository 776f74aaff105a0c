package dev.contextgateway.benchmarks;

import dev.contextgateway.benchmarks.latency.GatewayScenario;
import dev.contextgateway.benchmarks.latency.HerdExpiryScenario;
import dev.contextgateway.benchmarks.latency.LatencyScenario;
import dev.contextgateway.benchmarks.latency.OpenLoopDriver;
import dev.contextgateway.benchmarks.latency.ScenarioRunner;
import dev.contextgateway.reports.Reports;
import dev.contextgateway.reports.run.MachineInfo;
import dev.contextgateway.reports.run.RunDirectory;
import dev.contextgateway.reports.run.RunInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.runner.RunnerException;

/**
 * One run of the suite: the JMH benchmarks, then the latency scenarios, then {@code run.json} and
 * the report. A benchmark or scenario that fails is noted in the run and the suite goes on; the
 * report is written either way.
 */
final class Suite {
  /** The latency scenarios, in run order; {@code measured} sizes the gateway's quota and outage. */
  static List<LatencyScenario> scenarios(Duration measured) {
    List<LatencyScenario> scenarios = new ArrayList<>();
    scenarios.add(HerdExpiryScenario.plain());
    scenarios.add(HerdExpiryScenario.staleWhileRevalidate());
    scenarios.addAll(GatewayScenario.all(measured));
    return scenarios;
  }

  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

  private final SuiteMode mode;
  private final boolean jmh;
  private final boolean latency;
  private final PrintStream console;
  private final Clock clock;

  Suite(SuiteMode mode, boolean jmh, boolean latency, PrintStream console, Clock clock) {
    this.mode = mode;
    this.jmh = jmh;
    this.latency = latency;
    this.console = console;
    this.clock = clock;
  }

  /** What a run produced: the report, and what failed on the way. */
  record Outcome(Path index, List<String> failures) {}

  /**
   * Runs the suite into {@code out}.
   *
   * @throws IOException if the run directory, {@code run.json} or the report cannot be written
   * @throws InterruptedException if interrupted
   */
  Outcome run(Path out) throws IOException, InterruptedException {
    RunDirectory run = RunDirectory.create(out);
    RunInfo.Builder info = RunInfo.builder(MachineInfo.current(clock)).mode(mode.id());
    List<String> failures = new ArrayList<>();
    double loadAtStart = loadAverage();
    info.setting("jvm.suite", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));

    if (jmh) {
      JmhSuite suite = new JmhSuite(mode);
      suite.settings().forEach(info::setting);
      for (JmhSuite.Job job : suite.jobs()) {
        console.println("== JMH " + job.name());
        try {
          suite.run(job, run);
        } catch (RunnerException e) {
          failures.add("JMH " + job.name() + " failed: " + e.getMessage());
        }
      }
    }

    if (latency) {
      info.setting("latency.warmup", mode.latencyWarmup.toMillis() + " ms")
          .setting("latency.measured", mode.latencyMeasured.toMillis() + " ms");
      ScenarioRunner runner =
          new ScenarioRunner(
              new OpenLoopDriver(console::println, DRAIN_TIMEOUT), mode.latencyWarmup, mode.latencyMeasured);
      for (LatencyScenario scenario : scenarios(mode.latencyMeasured)) {
        console.println("== latency " + scenario.name());
        try {
          info.scenario(runner.run(scenario, run));
        } catch (InterruptedException e) {
          throw e;
        } catch (Exception e) {
          failures.add("latency scenario " + scenario.name() + " failed: " + e);
        }
      }
    }

    info.note(loadNote(loadAtStart, loadAverage()));
    failures.forEach(info::note);
    run.writeRunInfo(info.build());
    return new Outcome(Reports.generate(run.root()), failures);
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String loadNote(double start, double end) {
    int cores = Runtime.getRuntime().availableProcessors();
    if (start < 0 || end < 0) {
      return "The machine's load average is not available.";
    }
    String note =
        String.format(
            Locale.ROOT,
            "Load average (1 min) of the machine: %.1f at the start, %.1f at the end, on %d cores.",
            start,
            end,
            cores);
    return Math.max(start, end) > cores
        ? note + " Other work competed for the cores: the figures are noisy."
        : note;
  }
}

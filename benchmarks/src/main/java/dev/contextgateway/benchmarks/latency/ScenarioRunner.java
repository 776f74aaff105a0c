package dev.contextgateway.benchmarks.latency;

import dev.contextgateway.reports.run.RunDirectory;
import dev.contextgateway.reports.run.ScenarioInfo;
import java.time.Duration;
import java.util.Objects;

/**
 * Runs a {@link LatencyScenario} once per implementation, one after the other, with the same
 * load: writes {@code latency/<scenario>/<implementation>.hlog} into the run directory and
 * returns the scenario's description, parameters and counters for {@code run.json}.
 *
 * <p>Counters per implementation: {@code requests}, {@code errors}, {@code loggedRequests}
 * (latencies in the log), {@code unfinished}, {@code dispatchLagMaxMicros} (how late the driver
 * itself issued a request at worst), and the system under test's own counters.
 */
public final class ScenarioRunner {
  private final OpenLoopDriver driver;
  private final Duration warmup;
  private final Duration measured;

  /**
   * @param driver the driver that runs each implementation
   * @param warmup how long each implementation is driven before measuring
   * @param measured how long each implementation is measured
   */
  public ScenarioRunner(OpenLoopDriver driver, Duration warmup, Duration measured) {
    this.driver = Objects.requireNonNull(driver, "driver");
    this.warmup = Objects.requireNonNull(warmup, "warmup");
    this.measured = Objects.requireNonNull(measured, "measured");
  }

  /**
   * Runs every implementation of {@code scenario}.
   *
   * @throws Exception if an implementation cannot be set up or its log cannot be written
   */
  public ScenarioInfo run(LatencyScenario scenario, RunDirectory run) throws Exception {
    Load load = new Load(scenario.arrivalRatePerSecond(), warmup, measured);
    ScenarioInfo.Builder info =
        ScenarioInfo.builder(scenario.name())
            .description(scenario.description())
            .parameter(ScenarioInfo.ARRIVAL_RATE_PER_SECOND, load.arrivalRatePerSecond())
            .parameter(ScenarioInfo.DURATION_SECONDS, measured.toMillis() / 1000.0)
            .parameter("warmupSeconds", warmup.toMillis() / 1000.0);
    scenario.parameters().forEach(info::parameter);
    for (String implementation : scenario.implementations()) {
      try (SystemUnderTest sut = scenario.start(implementation)) {
        OpenLoopDriver.Result result =
            driver.run(
                scenario.name() + "/" + implementation,
                sut,
                load,
                startMillis -> run.openLatencyLog(scenario.name(), implementation, startMillis));
        info.counter(implementation, ScenarioInfo.REQUESTS, result.requests())
            .counter(implementation, ScenarioInfo.ERRORS, result.errors())
            .counter(implementation, "loggedRequests", result.logged())
            .counter(implementation, "unfinished", result.unfinished())
            .counter(
                implementation,
                "dispatchLagMaxMicros",
                Math.max(0, result.maxDispatchLagNanos() / 1000))
            .counters(implementation, sut.counters());
      }
    }
    return info.build();
  }
}

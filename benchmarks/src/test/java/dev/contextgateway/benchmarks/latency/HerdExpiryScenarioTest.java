package dev.contextgateway.benchmarks.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contextgateway.reports.run.RunDirectory;
import dev.contextgateway.reports.run.ScenarioInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The herd scenarios for real (real time, the real caches), briefly. They assert what holds
 * however fast the machine is: single flight makes exactly one generator call per expiry, and
 * requests arriving during a regeneration are logged; never how fast anything was.
 */
class HerdExpiryScenarioTest {
  @TempDir Path directory;

  private final ScenarioRunner runner =
      new ScenarioRunner(
          new OpenLoopDriver(line -> {}, Duration.ofSeconds(30)), Duration.ofMillis(200), Duration.ofMillis(1500));

  @Test
  void plain_namesItsImplementations_andParameters() {
    HerdExpiryScenario scenario = HerdExpiryScenario.plain();

    assertThat(scenario.name()).isEqualTo("herd-expiry");
    assertThat(scenario.implementations()).containsExactly("naive", "lock-deleting", "caffeine", "context-cache");
    assertThat(scenario.parameters()).containsEntry(ScenarioInfo.GENERATOR_LATENCY_MILLIS, 50.0);
    assertThat(HerdExpiryScenario.staleWhileRevalidate().implementations())
        .containsExactly("context-cache-swr", "caffeine");
  }

  @Test
  void start_implementationNotInTheScenario_isRefused() {
    assertThatThrownBy(() -> HerdExpiryScenario.staleWhileRevalidate().start("naive"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was naive");
  }

  @Test
  void contextCache_generatesOncePerExpiry_andLogsTheCallersOfTheRegenerations() throws Exception {
    ScenarioInfo info = runner.run(only(HerdExpiryScenario.plain(), "context-cache"), RunDirectory.create(directory));

    Map<String, Long> counters = info.counters().get("context-cache");
    assertThat(counters.get("expiries")).as("1.5 s holds at least two 550 ms cycles").isGreaterThanOrEqualTo(2);
    assertThat(counters.get(ScenarioInfo.GENERATOR_CALLS)).isEqualTo(counters.get("expiries"));
    assertThat(counters.get("loggedRequests")).isPositive().isLessThan(counters.get(ScenarioInfo.REQUESTS));
    assertThat(counters.get(ScenarioInfo.REQUESTS)).isEqualTo(3000);
    assertThat(counters.get(ScenarioInfo.ERRORS)).isZero();
    assertThat(RunDirectory.of(directory).latencyLog("herd-expiry", "context-cache")).isNotEmptyFile();
  }

  @Test
  void naive_generatesForEveryCallerThatMisses() throws Exception {
    ScenarioInfo info = runner.run(only(HerdExpiryScenario.plain(), "naive"), RunDirectory.create(directory));

    Map<String, Long> counters = info.counters().get("naive");
    assertThat(counters.get(ScenarioInfo.GENERATOR_CALLS))
        .as("each of the about 100 callers arriving during a 50 ms regeneration generates")
        .isGreaterThan(counters.get("expiries"));
  }

  @Test
  void contextCacheSwr_servesTheCallersDuringARefresh_andRefreshesOncePerExpiry() throws Exception {
    ScenarioInfo info =
        runner.run(only(HerdExpiryScenario.staleWhileRevalidate(), "context-cache-swr"), RunDirectory.create(directory));

    Map<String, Long> counters = info.counters().get("context-cache-swr");
    assertThat(counters.get("expiries")).isGreaterThanOrEqualTo(2);
    assertThat(counters.get(ScenarioInfo.GENERATOR_CALLS)).isEqualTo(counters.get("expiries"));
    assertThat(counters.get("loggedRequests")).isPositive();
    assertThat(info.parameters()).containsEntry("staleWhileRevalidateMillis", 500.0);
  }

  /** The scenario restricted to one implementation. */
  private static LatencyScenario only(HerdExpiryScenario scenario, String implementation) {
    return new LatencyScenario() {
      @Override
      public String name() {
        return scenario.name();
      }

      @Override
      public String description() {
        return scenario.description();
      }

      @Override
      public double arrivalRatePerSecond() {
        return scenario.arrivalRatePerSecond();
      }

      @Override
      public Map<String, Double> parameters() {
        return scenario.parameters();
      }

      @Override
      public java.util.List<String> implementations() {
        return java.util.List.of(implementation);
      }

      @Override
      public SystemUnderTest start(String name) {
        return scenario.start(name);
      }
    };
  }
}

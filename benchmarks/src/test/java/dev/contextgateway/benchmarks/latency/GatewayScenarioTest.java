package dev.contextgateway.benchmarks.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contextgateway.reports.run.RunDirectory;
import dev.contextgateway.reports.run.ScenarioInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway scenarios for real (a simulator on 127.0.0.1, a gateway, real time), briefly. They
 * assert what follows from the simulator's behaviour whatever the machine's speed: who served the
 * callers, what reached the simulator, that no caller outlived its timeout; never how fast.
 */
class GatewayScenarioTest {
  private static final Duration MEASURED = Duration.ofSeconds(2);

  @TempDir Path directory;

  private final ScenarioRunner runner =
      new ScenarioRunner(new OpenLoopDriver(line -> {}, Duration.ofSeconds(30)), Duration.ofMillis(500), MEASURED);

  @Test
  void all_namesTheFiveScenarios_eachWithTheGatewayAlone() {
    assertThat(GatewayScenario.all(MEASURED))
        .extracting(GatewayScenario::name)
        .containsExactly(
            "gateway-healthy", "gateway-slow", "gateway-quota", "gateway-hanging", "gateway-outage-recovery");
    assertThat(GatewayScenario.all(MEASURED))
        .allSatisfy(scenario -> assertThat(scenario.implementations()).containsExactly(GatewayScenario.GATEWAY));
    assertThat(GatewayScenario.quota(MEASURED).parameters()).containsEntry("quotaRequestsPerMinute", 600.0);
  }

  @Test
  void start_anotherImplementation_isRefusedByName() {
    assertThatThrownBy(() -> GatewayScenario.healthy(MEASURED).start("caffeine"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was caffeine");
  }

  @Test
  void healthy_everyCallerIsServedByTheModel_andEachCallReachesTheSimulatorOnce() throws Exception {
    ScenarioInfo info = runner.run(GatewayScenario.healthy(MEASURED), RunDirectory.create(directory));

    Map<String, Long> counters = info.counters().get(GatewayScenario.GATEWAY);
    assertThat(counters.get(ScenarioInfo.REQUESTS)).isEqualTo(100);
    assertThat(counters.get("servedByModel")).isEqualTo(counters.get(ScenarioInfo.REQUESTS));
    assertThat(counters.get(ScenarioInfo.UPSTREAM_CALLS)).isEqualTo(counters.get("upstreamOk")).isPositive();
    assertThat(counters.get(ScenarioInfo.ERRORS)).isZero();
    assertThat(counters.get("pastTimeout")).isZero();
    assertThat(RunDirectory.of(directory).latencyLog("gateway-healthy", GatewayScenario.GATEWAY)).isNotEmptyFile();
  }

  @Test
  void outageThenRecovery_callersDuringTheOutageGetALocalRanking_andTheModelServesAgainAfterIt() throws Exception {
    ScenarioInfo info = runner.run(GatewayScenario.outageRecovery(MEASURED), RunDirectory.create(directory));

    Map<String, Long> counters = info.counters().get(GatewayScenario.GATEWAY);
    assertThat(counters.get("servedLocally")).as("callers during the 503s").isPositive();
    assertThat(counters.get("servedByModel")).as("callers before and after").isPositive();
    assertThat(counters.get("upstreamOk")).isLessThan(counters.get(ScenarioInfo.UPSTREAM_CALLS));
    assertThat(counters.get(ScenarioInfo.ERRORS)).isZero();
    assertThat(counters.get("pastTimeout")).isZero();
  }

  @Test
  void quota_reportsTheQuotaOfTheMeasuredPhase_andWhatTheSimulatorAdmitted() throws Exception {
    ScenarioInfo info = runner.run(GatewayScenario.quota(MEASURED), RunDirectory.create(directory));

    Map<String, Long> counters = info.counters().get(GatewayScenario.GATEWAY);
    assertThat(counters.get(ScenarioInfo.QUOTA_LIMIT)).as("600 a minute for 2 s").isEqualTo(20);
    assertThat(counters.get(ScenarioInfo.QUOTA_USED))
        .isEqualTo(counters.get(ScenarioInfo.UPSTREAM_CALLS) - counters.get(ScenarioInfo.STATUS_429))
        .isPositive();
    assertThat(counters.get("servedLocally")).as("twice the quota asked for: the limiter turns callers away").isPositive();
    assertThat(counters.get("pastTimeout")).isZero();
  }

  @Test
  void benchWorkspace_holdsSixteenFiles_andIsDeletedWhole() throws Exception {
    Path root = BenchWorkspace.create();
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(16);
    }

    BenchWorkspace.delete(root);

    assertThat(root).doesNotExist();
  }
}

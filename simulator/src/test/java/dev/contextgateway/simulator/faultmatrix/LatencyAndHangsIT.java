package dev.contextgateway.simulator.faultmatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.contextgateway.gateway.ContextGateway;
import dev.contextgateway.gateway.ContextRequest;
import dev.contextgateway.gateway.GatewayTimeoutException;
import dev.contextgateway.gateway.PreparedContext;
import dev.contextgateway.metrics.DegradedReason;
import dev.contextgateway.metrics.LlmErrorKind;
import dev.contextgateway.simulator.GeminiSimulator;
import dev.contextgateway.simulator.Outcome;
import dev.contextgateway.simulator.profile.FaultProfile;
import dev.contextgateway.simulator.profile.Latency;
import dev.contextgateway.simulator.profile.Profiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fault-matrix row "latency and hangs": every caller completes within its own timeout plus 50 ms
 * whatever the model does, and an exchange the gateway gave up on keeps no connection or thread.
 *
 * <p>Run alone: {@code ./mvnw -B -pl simulator -am verify -Dit.test=LatencyAndHangsIT
 * -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class LatencyAndHangsIT extends FaultMatrixScenario {

  @Test
  void hangingModel_callersAreServedTheLocalRankingAtTheirTimeout_andTheAbandonedExchangesAreClosed()
      throws Exception {
    GeminiSimulator gemini =
        simulator(GeminiSimulator.builder().profile(Profiles.HANGING).hangTimeout(Duration.ofSeconds(30)));
    ContextGateway gateway = start(gatewayFor(gemini).llmTimeout(Duration.ofSeconds(1)));
    Path workspace = workspace();
    List<ContextRequest> requests = distinctRequests(workspace, 40, Duration.ofMillis(300));

    List<Call> calls = Callers.run(gateway, requests, 8);

    Call.assertAllWithinTimeout(calls, TIMEOUT_MARGIN);
    for (Call call : calls) {
      if (call.succeeded()) {
        assertThat(call.served().source()).as("%s", call).isEqualTo(PreparedContext.Source.LOCAL);
        assertThat(call.reason()).as("%s", call).isEqualTo(DegradedReason.DEADLINE);
      } else {
        assertThat(call.failed()).as("%s", call).isInstanceOf(GatewayTimeoutException.class);
      }
    }
    assertThat(gemini.journal().awaitTotal(40, Duration.ofSeconds(10))).isTrue();
    assertThat(gemini.journal().count(Outcome.HANG)).isEqualTo(40);

    // The generations go on after the callers left; at the LLM timeout the client cancels each
    // exchange, which closes its connection, while the simulator still holds the server side.
    await("the LLM step of every generation timed out")
        .pollInSameThread()
        .atMost(Duration.ofSeconds(10))
        .until(() -> gateway.metrics().snapshot().llmErrors(LlmErrorKind.TIMEOUT) == 40);
    await("no client connection to the simulator left open")
        .pollInSameThread()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(TcpTable.clientConnectionsTo(gemini.port(), ProcessResources.ownSocketInodes())).isEmpty());
    assertThat(TcpTable.serverConnectionsOn(gemini.port(), ProcessResources.ownSocketInodes()))
        .as("hung requests the simulator still holds")
        .isNotEmpty();
    await("no HTTP thread kept busy by an abandoned exchange")
        .pollInSameThread()
        .atMost(Duration.ofSeconds(5))
        .until(() -> SharedHttp.EXECUTOR.getActiveCount() == 0);
  }

  @Test
  void slowModel_eachCallerOfOneContextWaitsOnlyItsOwnTimeout_andThoseWhoCanWaitGetTheModelsAnswer()
      throws Exception {
    Duration latency = Duration.ofMillis(700);
    GeminiSimulator gemini =
        simulator(FaultProfile.builder("slow-700ms").latency(Latency.fixed(latency)).build());
    ContextGateway gateway = start(gatewayFor(gemini).llmTimeout(Duration.ofSeconds(5)));
    Path workspace = workspace();
    List<ContextRequest> requests = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Duration timeout = Duration.ofMillis(100 + 50 * i); // 100 ms .. 2050 ms
      requests.add(new ContextRequest(workspace, "single flight cache expiry", "session-" + i, 4_000, timeout));
    }

    List<Call> calls = Callers.run(gateway, requests, 8);

    assertThat(gemini.journal().total()).as("one generation for the one context").isEqualTo(1);
    Call.assertAllWithinTimeout(calls, TIMEOUT_MARGIN);
    for (Call call : calls) {
      PreparedContext context = call.served();
      if (call.request().timeout().compareTo(latency) < 0) {
        assertThat(context.source()).as("%s", call).isEqualTo(PreparedContext.Source.LOCAL);
        assertThat(context.degradedReason()).as("%s", call).isEqualTo(DegradedReason.DEADLINE);
      } else if (call.request().timeout().compareTo(latency.plusSeconds(1)) >= 0) {
        assertThat(context.source()).as("%s", call).isEqualTo(PreparedContext.Source.LLM);
        assertThat(context.degraded()).as("%s", call).isFalse();
      }
    }
  }
}

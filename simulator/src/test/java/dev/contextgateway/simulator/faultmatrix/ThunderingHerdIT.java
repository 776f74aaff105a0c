package dev.contextgateway.simulator.faultmatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.contextgateway.gateway.ContextGateway;
import dev.contextgateway.gateway.ContextRequest;
import dev.contextgateway.gateway.PreparedContext;
import dev.contextgateway.simulator.GeminiSimulator;
import dev.contextgateway.simulator.profile.FaultProfile;
import dev.contextgateway.simulator.profile.Latency;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Fault-matrix row "thundering herd": many concurrent identical requests, for a key never seen or
 * for one whose context expired, reach the simulator exactly once, and every caller gets that one
 * answer. The model answers after a second, so that every request arrives while the one
 * generation is in flight.
 *
 * <p>Run alone: {@code ./mvnw -B -pl simulator -am verify -Dit.test=ThunderingHerdIT
 * -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ThunderingHerdIT extends FaultMatrixScenario {
  private static final int HERD = 64;
  private static final int THREADS = 16;
  private static final Duration TIME_TO_LIVE = Duration.ofMillis(300);
  private static final FaultProfile ONE_SECOND =
      FaultProfile.builder("one-second").latency(Latency.fixed(Duration.ofSeconds(1))).build();

  private GeminiSimulator gemini;
  private ContextGateway gateway;
  private Path workspace;

  private void setUp(Duration staleWhileRevalidate) throws Exception {
    gemini = simulator(ONE_SECOND);
    gateway =
        start(
            gatewayFor(gemini)
                .timeToLive(TIME_TO_LIVE)
                .staleWhileRevalidate(staleWhileRevalidate)
                .llmTimeout(Duration.ofSeconds(5)));
    workspace = workspace();
  }

  /** Sends the herd; checks that every request was sent while the generation was still in flight. */
  private List<Call> herd() throws Exception {
    List<CompletableFuture<Call>> futures =
        Callers.issueConcurrently(gateway, identicalRequests(workspace, HERD, Duration.ofSeconds(5)), THREADS);
    assertThat(futures).as("premise: all requests sent before the model answered").noneMatch(CompletableFuture::isDone);
    return Callers.join(futures);
  }

  private PreparedContext warmAndExpire() throws Exception {
    ContextRequest first = identicalRequests(workspace, 1, Duration.ofSeconds(5)).get(0);
    PreparedContext warm = Callers.run(gateway, List.of(first), 1).get(0).served();
    assertThat(gemini.journal().total()).isEqualTo(1);
    Waits.untilNanoTime(System.nanoTime() + TIME_TO_LIVE.toNanos(), "the context's time to live has passed");
    return warm;
  }

  @Test
  void coldKey_manyConcurrentIdenticalRequests_reachTheModelOnce() throws Exception {
    setUp(Duration.ZERO);

    List<Call> calls = herd();

    assertThat(gemini.journal().total()).isEqualTo(1);
    String id = calls.get(0).served().id();
    assertThat(calls).allSatisfy(call -> {
      assertThat(call.served().id()).as("%s", call).isEqualTo(id);
      assertThat(call.served().source()).isEqualTo(PreparedContext.Source.LLM);
      assertThat(call.served().degraded()).isFalse();
    });
    await("the generation recorded (just after its callers were answered)")
        .pollInSameThread()
        .atMost(Duration.ofSeconds(5))
        .until(() -> gateway.metrics().snapshot().generations() == 1);
  }

  @Test
  void expiredKey_manyConcurrentIdenticalRequests_reachTheModelOnce() throws Exception {
    setUp(Duration.ZERO);
    PreparedContext expired = warmAndExpire();

    List<Call> calls = herd();

    assertThat(gemini.journal().total()).isEqualTo(2);
    String id = calls.get(0).served().id();
    assertThat(id).isNotEqualTo(expired.id());
    assertThat(calls).allSatisfy(call -> {
      assertThat(call.served().id()).as("%s", call).isEqualTo(id);
      assertThat(call.served().stale()).isFalse();
      assertThat(call.served().source()).isEqualTo(PreparedContext.Source.LLM);
    });
  }

  @Test
  void expiredKeyWithinStaleWhileRevalidate_servesTheHerdStale_andRefreshesOnce() throws Exception {
    setUp(Duration.ofMinutes(1));
    PreparedContext expired = warmAndExpire();

    List<Call> calls = Callers.run(gateway, identicalRequests(workspace, HERD, Duration.ofSeconds(5)), THREADS);

    assertThat(calls).allSatisfy(call -> {
      assertThat(call.served().id()).as("%s", call).isEqualTo(expired.id());
      assertThat(call.served().stale()).isTrue();
      assertThat(call.served().degraded()).isFalse();
    });
    await("the refresh has been installed")
        .pollInSameThread()
        .atMost(Duration.ofSeconds(10))
        .until(() -> gateway.metrics().snapshot().generations() >= 2);
    assertThat(gemini.journal().total()).as("requests that reached the simulator").isEqualTo(2);
    assertThat(gateway.metrics().snapshot().generations()).isEqualTo(2);
    PreparedContext refreshed = Callers.run(gateway, identicalRequests(workspace, 1, Duration.ofSeconds(5)), 1).get(0).served();
    assertThat(refreshed.stale()).isFalse();
    assertThat(refreshed.id()).isNotEqualTo(expired.id());
    assertThat(gemini.journal().total()).isEqualTo(2);
  }
}

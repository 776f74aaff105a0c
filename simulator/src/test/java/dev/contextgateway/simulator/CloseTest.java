package dev.contextgateway.simulator;

import static dev.contextgateway.simulator.TestClient.prompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.contextgateway.simulator.profile.Fault;
import dev.contextgateway.simulator.profile.FaultProfile;
import dev.contextgateway.simulator.profile.Profiles;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Closing never waits for hung or dripping answers, and leaves no threads or listeners behind. */
class CloseTest {

  private static Set<Thread> liveNonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !thread.isDaemon() && thread.isAlive())
        .collect(Collectors.toSet());
  }

  @Test
  void close_withHungAndDrippingRequests_returnsAtOnce_failsThemAndLeavesNoThreads()
      throws Exception {
    Set<Thread> before = liveNonDaemonThreads();
    GeminiSimulator simulator =
        GeminiSimulator.builder().profile(Profiles.HANGING).hangTimeout(Duration.ofHours(1)).start();
    TestClient client = new TestClient(simulator);
    List<CompletableFuture<HttpResponse<String>>> exchanges = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      exchanges.add(
          client.http().sendAsync(
              client.request("/v1beta/models/gemini-2.5-flash:generateContent", prompt("hang " + i), simulator.apiKey(), Duration.ofMinutes(5)),
              HttpResponse.BodyHandlers.ofString()));
    }
    assertThat(simulator.journal().awaitTotal(5, TestClient.TIMEOUT)).isTrue();
    simulator.setProfile(
        FaultProfile.builder("drip").fault(1.0, Fault.slowDrip(Duration.ofMinutes(10), 10)).build());
    exchanges.add(
        client.http().sendAsync(
            client.request("/v1beta/models/gemini-2.5-flash:generateContent", prompt("drip"), simulator.apiKey(), Duration.ofMinutes(5)),
            HttpResponse.BodyHandlers.ofString()));
    assertThat(simulator.journal().awaitTotal(6, TestClient.TIMEOUT)).isTrue();

    CompletableFuture<Void> closing = CompletableFuture.runAsync(simulator::close);

    closing.get(10, TimeUnit.SECONDS);
    for (CompletableFuture<HttpResponse<String>> exchange : exchanges) {
      assertThatThrownBy(() -> exchange.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(IOException.class);
    }
    await()
        .pollInSameThread()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(liveNonDaemonThreads()).isSubsetOf(before));
  }

  @Test
  void close_releasesThePort_andIsIdempotent() throws Exception {
    GeminiSimulator simulator = GeminiSimulator.builder().start();
    TestClient client = new TestClient(simulator);
    String baseUrl = simulator.baseUrl();
    assertThat(client.generate(prompt("hi")).statusCode()).isEqualTo(200);

    simulator.close();
    simulator.close();

    assertThat(simulator.isRunning()).isFalse();
    assertThatThrownBy(
            () ->
                client.http().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/v1beta/models"))
                        .timeout(TestClient.TIMEOUT)
                        .build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void start_onAPortInUse_failsNamingThePort() {
    try (GeminiSimulator first = GeminiSimulator.builder().start()) {
      GeminiSimulator second = GeminiSimulator.builder().port(first.port()).build();

      assertThatThrownBy(second::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("127.0.0.1:" + first.port())
          .hasMessageContaining("BindException");
      assertThat(second.isRunning()).isFalse();
    }
  }

  @Test
  void startTwice_isRefused() {
    try (GeminiSimulator simulator = GeminiSimulator.builder().start()) {
      assertThatThrownBy(simulator::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("only once");
    }
  }
}

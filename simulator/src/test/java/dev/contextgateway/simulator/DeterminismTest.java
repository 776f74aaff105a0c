package dev.contextgateway.simulator;

import static dev.contextgateway.simulator.TestClient.prompt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.simulator.profile.Fault;
import dev.contextgateway.simulator.profile.FaultKind;
import dev.contextgateway.simulator.profile.FaultProfile;
import dev.contextgateway.simulator.profile.Latency;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Over HTTP, the same seed gives the same statuses, delays and answer bodies. */
class DeterminismTest {
  private static final FaultProfile MIX =
      FaultProfile.builder("mix")
          .latency(Latency.uniform(Duration.ZERO, Duration.ofMillis(3)))
          .fault(0.25, FaultKind.UNAVAILABLE)
          .fault(0.15, Fault.rateLimited(Duration.ofSeconds(2)))
          .fault(0.10, FaultKind.INTERNAL)
          .build();

  private record Run(List<String> responses, List<Duration> delays) {}

  private static Run run(long seed, int requests) throws Exception {
    try (GeminiSimulator simulator = GeminiSimulator.builder().profile(MIX).seed(seed).start()) {
      TestClient client = new TestClient(simulator);
      List<String> responses = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        HttpResponse<String> response = client.generate(prompt("question " + i));
        responses.add(response.statusCode() + " " + response.body());
      }
      List<Duration> delays = new ArrayList<>();
      simulator.journal().entries().forEach(entry -> delays.add(entry.delay()));
      return new Run(responses, delays);
    }
  }

  @Test
  void sameSeed_sameAnswersStatusesAndDelays() throws Exception {
    Run first = run(42, 40);
    Run second = run(42, 40);

    assertThat(second).isEqualTo(first);
    assertThat(first.responses()).anyMatch(r -> r.startsWith("200 "));
    assertThat(first.responses()).anyMatch(r -> r.startsWith("503 "));
    assertThat(first.responses()).anyMatch(r -> r.startsWith("429 "));
  }

  @Test
  void differentSeed_differentRun() throws Exception {
    assertThat(run(43, 40).responses()).isNotEqualTo(run(42, 40).responses());
  }
}

package dev.contextgateway.simulator;

import static dev.contextgateway.simulator.TestClient.json;
import static dev.contextgateway.simulator.TestClient.prompt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contextgateway.simulator.profile.Profiles;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin endpoint under /__sim/ drives a simulator from outside the JVM. */
class AdminEndpointTest {
  private static GeminiSimulator simulator;
  private static TestClient client;

  @BeforeAll
  static void start() {
    simulator = GeminiSimulator.builder().seed(5).start();
    client = new TestClient(simulator);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @BeforeEach
  void reset() {
    simulator.setProfile(Profiles.HEALTHY, 5);
    simulator.reset();
  }

  private HttpResponse<String> admin(String pathAndQuery, String body) throws Exception {
    return client.post("/__sim/" + pathAndQuery, body, null);
  }

  @Test
  void counters_countRequestsPerOutcome_withoutCountingAdminCalls() throws Exception {
    client.generate(prompt("a"));
    client.generate(prompt("b"));
    client.post("/v1beta/models/gemini-2.5-flash:generateContent", prompt("c"), null);

    JsonNode counters = json(client.get("/__sim/counters").body());

    assertThat(counters.at("/total").asLong()).isEqualTo(3);
    assertThat(counters.at("/outcomes/OK").asLong()).isEqualTo(2);
    assertThat(counters.at("/outcomes/PERMISSION_DENIED").asLong()).isEqualTo(1);
    assertThat(counters.at("/profile").asText()).isEqualTo("healthy");
    assertThat(counters.at("/seed").asLong()).isEqualTo(5);
    assertThat(simulator.journal().total()).isEqualTo(3);
  }

  @Test
  void postProfile_byName_switchesProfileAndSeed() throws Exception {
    HttpResponse<String> response = admin("profile?name=outage&seed=9", "");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response.body()).at("/profile/name").asText()).isEqualTo("outage");
    assertThat(simulator.seed()).isEqualTo(9);
    assertThat(client.generate(prompt("a")).statusCode()).isEqualTo(503);
  }

  @Test
  void postProfile_withAJsonOrYamlBody_usesIt() throws Exception {
    admin("profile", "{\"name\":\"json-one\",\"faults\":[{\"kind\":\"internal\",\"probability\":1}]}");
    int fromJson = client.generate(prompt("a")).statusCode();
    admin("profile", "name: yaml-one\nfaults:\n  - {kind: deadline-exceeded, probability: 1}\n");
    int fromYaml = client.generate(prompt("b")).statusCode();

    assertThat(fromJson).isEqualTo(500);
    assertThat(fromYaml).isEqualTo(504);
    assertThat(json(client.get("/__sim/profile").body()).at("/profile/name").asText()).isEqualTo("yaml-one");
  }

  @Test
  void postProfile_invalid_is400WithTheReason_andKeepsTheProfile() throws Exception {
    HttpResponse<String> response = admin("profile", "name: bad\nfaults:\n  - {kind: hang, probability: 2}\n");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response.body()).at("/error").asText()).contains("must be in [0, 1], was 2.0");
    assertThat(simulator.profile()).isEqualTo(Profiles.HEALTHY);
  }

  @Test
  void postReset_clearsTheCounters() throws Exception {
    client.generate(prompt("a"));

    JsonNode counters = json(admin("reset", "").body());

    assertThat(counters.at("/total").asLong()).isZero();
    assertThat(simulator.journal().entries()).isEmpty();
  }

  @Test
  void journal_listsTheNewestEntries() throws Exception {
    for (int i = 0; i < 3; i++) {
      client.generate(prompt("q" + i));
    }

    JsonNode journal = json(client.get("/__sim/journal?limit=2").body());

    assertThat(journal.at("/entries")).hasSize(2);
    assertThat(journal.at("/entries/0/sequence").asLong()).isEqualTo(1);
    assertThat(journal.at("/entries/1/outcome").asText()).isEqualTo("OK");
    assertThat(journal.at("/entries/1/httpStatus").asInt()).isEqualTo(200);
  }

  @Test
  void unknownResource_is404() throws Exception {
    assertThat(client.get("/__sim/nothing").statusCode()).isEqualTo(404);
    assertThat(json(client.get("/__sim/profiles").body()).at("/builtIn").toString()).contains("flaky");
  }
}

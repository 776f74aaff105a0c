package dev.contextgateway.simulator.junit;

import static dev.contextgateway.simulator.TestClient.prompt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.simulator.GeminiSimulator;
import dev.contextgateway.simulator.Outcome;
import dev.contextgateway.simulator.TestClient;
import dev.contextgateway.simulator.profile.Profiles;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension as a downstream test class uses it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeminiSimulatorExtensionTest {

  @RegisterExtension
  static final GeminiSimulatorExtension GEMINI =
      GeminiSimulatorExtension.of(GeminiSimulator.builder().apiKey("downstream-key").seed(3));

  @Test
  @Order(1)
  void firstTest_switchesToAnOutage() throws Exception {
    GEMINI.setProfile(Profiles.OUTAGE);

    int status = new TestClient(GEMINI.simulator()).generate(prompt("hi")).statusCode();

    assertThat(status).isEqualTo(503);
    assertThat(GEMINI.journal().count(Outcome.UNAVAILABLE)).isEqualTo(1);
  }

  @Test
  @Order(2)
  void nextTest_startsWithTheBuildersProfileAndAnEmptyJournal() throws Exception {
    assertThat(GEMINI.journal().total()).isZero();
    assertThat(GEMINI.simulator().profile()).isEqualTo(Profiles.HEALTHY);
    assertThat(GEMINI.simulator().seed()).isEqualTo(3);

    int status = new TestClient(GEMINI.simulator()).generate(prompt("hi")).statusCode();

    assertThat(status).isEqualTo(200);
  }

  @Test
  @Order(3)
  void simulatorParameter_isTheRunningSimulator(GeminiSimulator simulator) {
    assertThat(simulator).isSameAs(GEMINI.simulator());
    assertThat(simulator.isRunning()).isTrue();
    assertThat(GEMINI.baseUrl()).startsWith("http://127.0.0.1:");
    assertThat(GEMINI.apiKey()).isEqualTo("downstream-key");
  }
}

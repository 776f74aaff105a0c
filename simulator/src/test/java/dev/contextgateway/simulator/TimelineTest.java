package dev.contextgateway.simulator;

import static dev.contextgateway.simulator.TestClient.prompt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.simulator.profile.Profiles;
import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Timelines switch behaviour by elapsed time on the injected clock, without sleeping. */
class TimelineTest {
  private final FakeTime time = new FakeTime();
  private GeminiSimulator simulator;
  private TestClient client;

  @BeforeEach
  void start() {
    simulator =
        GeminiSimulator.builder().ticker(time).profile(Profiles.OUTAGE_THEN_RECOVERY).start();
    client = new TestClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void outageThenRecovery_healthyThenUnavailableThenHealthy() throws Exception {
    int healthy = client.generate(prompt("a")).statusCode();
    time.advance(Duration.ofSeconds(10));
    int outageStart = client.generate(prompt("b")).statusCode();
    time.advance(Duration.ofMillis(4999));
    int outageEnd = client.generate(prompt("c")).statusCode();
    time.advance(Duration.ofMillis(1));
    int recovered = client.generate(prompt("d")).statusCode();

    assertThat(new int[] {healthy, outageStart, outageEnd, recovered}).containsExactly(200, 503, 503, 200);
    assertThat(simulator.journal().entries())
        .extracting(JournalEntry::phase)
        .containsExactly("healthy", "outage", "outage", "recovery");
    assertThat(simulator.journal().entries())
        .extracting(JournalEntry::elapsed)
        .containsExactly(
            Duration.ZERO, Duration.ofSeconds(10), Duration.ofMillis(14_999), Duration.ofSeconds(15));
  }

  @Test
  void setProfile_startsTheTimelineOver() throws Exception {
    time.advance(Duration.ofSeconds(12));
    assertThat(client.generate(prompt("a")).statusCode()).isEqualTo(503);

    simulator.setProfile(Profiles.OUTAGE_THEN_RECOVERY);

    assertThat(client.generate(prompt("b")).statusCode()).isEqualTo(200);
  }

  @Test
  void reset_startsTheTimelineOverAndClearsTheJournal() throws Exception {
    time.advance(Duration.ofSeconds(12));
    client.generate(prompt("a"));

    simulator.reset();
    client.generate(prompt("b"));

    assertThat(simulator.journal().entries())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.sequence()).isZero();
              assertThat(entry.phase()).isEqualTo("healthy");
            });
  }
}

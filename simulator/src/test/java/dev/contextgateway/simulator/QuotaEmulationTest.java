package dev.contextgateway.simulator;

import static dev.contextgateway.simulator.TestClient.json;
import static dev.contextgateway.simulator.TestClient.prompt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contextgateway.simulator.profile.FaultProfile;
import dev.contextgateway.simulator.profile.Quota;
import dev.contextgateway.time.FakeTime;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The emulated quota refuses exactly the requests that exceed it, with an honest retry delay.
 * Time is fake: the buckets refill only when the test advances the clock.
 */
class QuotaEmulationTest {
  private final FakeTime time = new FakeTime();
  @SuppressWarnings("NullAway.Init") // set by start(quota) at the top of every test
  private GeminiSimulator simulator;

  @SuppressWarnings("NullAway.Init")
  private TestClient client;

  private void start(Quota quota) {
    simulator =
        GeminiSimulator.builder()
            .ticker(time)
            .profile(FaultProfile.builder("quota").quota(quota).build())
            .start();
    client = new TestClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  /** A prompt of exactly {@code tokens} estimated tokens. */
  private HttpResponse<String> send(int tokens) throws Exception {
    return client.generate(prompt("x".repeat(tokens * 4)));
  }

  @Test
  void requestsPerMinute_refusesTheRequestBeyondTheLimit_withTheTimeUntilATokenRefills()
      throws Exception {
    start(Quota.perMinute(3, 0));
    for (int i = 0; i < 3; i++) {
      assertThat(send(1).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> refused = send(1);

    assertThat(refused.statusCode()).isEqualTo(429);
    JsonNode error = json(refused.body()).at("/error");
    assertThat(error.at("/status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
    assertThat(error.toString())
        .contains("GenerateRequestsPerMinutePerProjectPerModel-FreeTier")
        .contains("\"retryDelay\":\"20s\"")
        .contains("\"quotaValue\":\"3\"");
    JournalEntry entry = simulator.journal().last().orElseThrow();
    assertThat(entry.outcome()).isEqualTo(Outcome.QUOTA_EXCEEDED);
    assertThat(entry.retryDelay()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void retryDelay_isHonest_notAMomentEarly() throws Exception {
    start(Quota.perMinute(3, 0));
    for (int i = 0; i < 3; i++) {
      send(1);
    }
    Duration retryDelay = refusedDelay(send(1));

    time.advance(retryDelay.minusMillis(1));
    HttpResponse<String> early = send(1);
    time.advance(Duration.ofMillis(1));
    HttpResponse<String> onTime = send(1);

    assertThat(early.statusCode()).isEqualTo(429);
    assertThat(refusedDelay(early)).isEqualTo(Duration.ofMillis(1));
    assertThat(onTime.statusCode()).isEqualTo(200);
  }

  @Test
  void clientPacedAtTheLimit_neverSees429() throws Exception {
    start(Quota.perMinute(6, 0));

    for (int i = 0; i < 30; i++) {
      assertThat(send(1).statusCode()).as("request %d", i).isEqualTo(200);
      time.advance(Duration.ofSeconds(10));
    }

    assertThat(simulator.journal().rateLimited()).isZero();
  }

  @Test
  void burstAfterIdleMinute_admitsUpToTheLimitOnly() throws Exception {
    start(Quota.perMinute(5, 0));
    time.advance(Duration.ofMinutes(3));

    int admitted = 0;
    for (int i = 0; i < 8; i++) {
      admitted += send(1).statusCode() == 200 ? 1 : 0;
    }

    assertThat(admitted).isEqualTo(5);
  }

  @Test
  void tokensPerMinute_refusesWhatDoesNotFit_andChargesNothingForARefusal() throws Exception {
    start(Quota.perMinute(0, 100));
    assertThat(send(60).statusCode()).isEqualTo(200);

    HttpResponse<String> refused = send(60);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).contains("GenerateContentInputTokensPerModelPerMinute-FreeTier");
    // 20 tokens short at 100 tokens a minute
    assertThat(refusedDelay(refused)).isEqualTo(Duration.ofSeconds(12));
    assertThat(send(40).statusCode()).isEqualTo(200);
  }

  @Test
  void requestLargerThanTheTokenLimit_isRefusedWithoutARetryDelay() throws Exception {
    start(Quota.perMinute(0, 100));

    HttpResponse<String> refused = send(101);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).doesNotContain("RetryInfo").doesNotContain("Please retry");
    assertThat(simulator.journal().last().orElseThrow().retryDelay()).isNull();
  }

  @Test
  void requestsPerDay_refusesWithAPerDayQuotaId_untilTheDayIsOver() throws Exception {
    start(new Quota(0, 0, 2));
    send(1);
    time.advance(Duration.ofHours(1));
    send(1);

    HttpResponse<String> refused = send(1);
    time.advance(Duration.ofHours(23));
    HttpResponse<String> nextDay = send(1);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).contains("GenerateRequestsPerDayPerProjectPerModel-FreeTier");
    assertThat(refusedDelay(refused)).isEqualTo(Duration.ofHours(23));
    assertThat(simulator.journal().count(Outcome.QUOTA_EXCEEDED_PER_DAY)).isEqualTo(1);
    assertThat(nextDay.statusCode()).isEqualTo(200);
  }

  @Test
  void countTokens_isNotCharged() throws Exception {
    start(Quota.perMinute(1, 0));

    for (int i = 0; i < 5; i++) {
      assertThat(
              client
                  .post("/v1beta/models/gemini-2.5-flash:countTokens", prompt("x"), simulator.apiKey())
                  .statusCode())
          .isEqualTo(200);
    }

    assertThat(send(1).statusCode()).isEqualTo(200);
  }

  @Test
  void reset_refillsTheBuckets() throws Exception {
    start(Quota.perMinute(1, 0));
    send(1);
    assertThat(send(1).statusCode()).isEqualTo(429);

    simulator.reset();

    assertThat(send(1).statusCode()).isEqualTo(200);
  }

  private static Duration refusedDelay(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(429);
    for (JsonNode detail : json(response.body()).at("/error/details")) {
      if (detail.at("/@type").asText().endsWith("RetryInfo")) {
        String text = detail.at("/retryDelay").asText();
        return Duration.ofMillis(
            new java.math.BigDecimal(text.substring(0, text.length() - 1))
                .movePointRight(3)
                .longValueExact());
      }
    }
    throw new AssertionError("no RetryInfo in " + response.body());
  }
}

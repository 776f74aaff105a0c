package dev.contextgateway.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.contextgateway.llm.GeminiClient;
import dev.contextgateway.llm.LlmClient;
import dev.contextgateway.llm.LlmRequest;
import dev.contextgateway.llm.LlmResponse;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The policy around the real Gemini client over HTTP: a 429's RetryInfo, parsed by the client,
 * becomes the pause and the retry delay of the policy. Fake time drives every wait.
 */
class GeminiWithPolicyTest {
  private static final String PATH = "/v1beta/models/gemini-test:generateContent";

  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private final PolicyFixture fixture = new PolicyFixture();

  @Test
  void rateLimitedThenOk_retriesAfterTheServersDelayAndSucceeds() {
    server.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("quota")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withBody(
                        """
                        {"error": {"code": 429, "status": "RESOURCE_EXHAUSTED",
                          "message": "Please retry in 0.25s.",
                          "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo",
                                       "retryDelay": "0.25s"}]}}
                        """))
            .willSetStateTo("refilled"));
    server.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("quota")
            .whenScenarioStateIs("refilled")
            .willReturn(
                okJson(
                    """
                    {"candidates": [{"content": {"parts": [{"text": "ranked"}]},
                                     "finishReason": "STOP"}]}
                    """)));
    GeminiClient gemini =
        GeminiClient.builder()
            .baseUrl(server.baseUrl())
            .model("gemini-test")
            .apiKey("test-key")
            .httpClient(HttpClient.newHttpClient())
            .ticker(fixture.time)
            .scheduler(fixture.time)
            .executor(Runnable::run)
            .build();
    ResiliencePolicy policy = fixture.policy(0.0).build();
    LlmClient client = policy.decorate(gemini);

    CompletableFuture<LlmResponse> result =
        client.generate(LlmRequest.of("rank these files", fixture.time, Duration.ofSeconds(30)));
    // The 429 arrives on the HTTP client's thread; then only the retry's wait is pending.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> fixture.time.pendingDelays().equals(List.of(Duration.ofMillis(250))));
    fixture.time.advance(Duration.ofMillis(250));

    assertThat(result)
        .succeedsWithin(Duration.ofSeconds(10))
        .extracting(LlmResponse::text)
        .isEqualTo("ranked");
    server.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
    assertThat(fixture.events.events).contains("pause PT0.25S", "retry 2 after PT0.25S");
    assertThat(policy.circuitState()).isEqualTo(CircuitState.CLOSED);
  }
}

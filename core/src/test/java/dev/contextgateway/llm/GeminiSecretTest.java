package dev.contextgateway.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.contextgateway.llm.GeminiBodies.KEY;
import static dev.contextgateway.llm.GeminiBodies.MODEL;
import static dev.contextgateway.llm.GeminiBodies.PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API key appears in no exception message, stack trace or toString, whatever the server says.
 */
class GeminiSecretTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final HttpClient http = HttpClient.newHttpClient();

  /** Answers of every kind, several quoting the key back, as a hostile or buggy proxy might. */
  static Stream<ResponseDefinitionBuilder> answers() {
    String echo = "API key " + KEY + " not valid";
    return Stream.of(
        aResponse().withStatus(400).withBody(GeminiBodies.error(400, "INVALID_ARGUMENT", echo)),
        aResponse().withStatus(403).withBody(GeminiBodies.error(403, KEY, echo)),
        aResponse().withStatus(503).withBody(GeminiBodies.error(503, "UNAVAILABLE", echo)),
        aResponse()
            .withStatus(429)
            .withBody(
                """
                {"error": {"code": 429, "status": "RESOURCE_EXHAUSTED", "message": "%s",
                  "details": [{"@type": "type.googleapis.com/google.rpc.QuotaFailure",
                               "violations": [{"quotaId": "PerDay-%s"}]}]}}
                """
                    .formatted(echo, KEY)),
        aResponse()
            .withStatus(429)
            .withBody(
                """
                {"error": {"code": 429, "status": "RESOURCE_EXHAUSTED", "message": "%s",
                  "details": [{"@type": "type.googleapis.com/google.rpc.QuotaFailure",
                               "violations": [{"quotaId": "PerMinute-%s"}]}]}}
                """
                    .formatted(echo, KEY)),
        okJson("{\"candidates\": [{\"finishReason\": \"" + KEY + "\"}]}"),
        okJson("{\"promptFeedback\": {\"blockReason\": \"" + KEY + "\"}}"),
        okJson("{\"broken\": \"" + KEY),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
  }

  @ParameterizedTest
  @MethodSource("answers")
  void failure_anyAnswer_neverShowsTheKey(ResponseDefinitionBuilder answer) {
    server.stubFor(post(urlPathEqualTo(PATH)).willReturn(answer));
    GeminiClient client = client();

    CompletableFuture<LlmResponse> result =
        client.generate(LlmRequest.of("hi", System.nanoTime() + Duration.ofMinutes(1).toNanos()));

    assertThat(result).failsWithin(Duration.ofSeconds(10));
    Throwable failure = result.handle((value, error) -> error).join();
    assertThat(fullText(failure)).doesNotContain(KEY);
  }

  @Test
  void toString_ofClientAndKey_neverShowsTheKey() {
    GeminiClient client = client();

    assertThat(client.toString()).doesNotContain(KEY).contains(MODEL);
    assertThat(new ApiKey(KEY).toString()).doesNotContain(KEY);
    assertThat(new ApiKey(KEY).scrub("x" + KEY + "y")).isEqualTo("x[redacted]y");
  }

  @Test
  void builder_invalidKey_messageDoesNotEchoIt() {
    String bad = KEY + " with space";
    assertThatThrownBy(() -> GeminiClient.builder().apiKey(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(error -> assertThat(error.getMessage()).doesNotContain(KEY));
    assertThatThrownBy(
            () -> GeminiClient.builder().environment(Map.of("GEMINI_API_KEY", bad)::get).build())
        .satisfies(error -> assertThat(error.getMessage()).doesNotContain(KEY));
  }

  private static GeminiClient client() {
    return GeminiClient.builder()
        .baseUrl(server.baseUrl())
        .model(MODEL)
        .apiKey(KEY)
        .httpClient(http)
        .build();
  }

  /** Message, toString and stack trace of the throwable and all its causes and suppressed ones. */
  private static String fullText(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text.append(String.valueOf(t.getMessage())).append(t.toString());
    }
    return text.toString();
  }
}

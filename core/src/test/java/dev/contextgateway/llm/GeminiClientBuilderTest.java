package dev.contextgateway.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.contextgateway.llm.GeminiBodies.KEY;
import static dev.contextgateway.llm.GeminiBodies.MODEL;
import static dev.contextgateway.llm.GeminiBodies.PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Gemini client's builder: key lookup, endpoint, validation messages. */
class GeminiClientBuilderTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final HttpClient http = HttpClient.newHttpClient();

  @Test
  void build_withoutApiKey_readsKeyFromEnvironmentVariable() {
    server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(GeminiBodies.SUCCESS)));
    GeminiClient client =
        GeminiClient.builder()
            .baseUrl(server.baseUrl() + "/")
            .model("models/" + MODEL)
            .environment(Map.of("GEMINI_API_KEY", KEY)::get)
            .httpClient(http)
            .build();

    assertThat(client.generate(LlmRequest.of("hi", farDeadline())))
        .succeedsWithin(Duration.ofSeconds(10));

    server.verify(
        postRequestedFor(urlPathEqualTo(PATH)).withHeader("x-goog-api-key", equalTo(KEY)));
  }

  @Test
  void build_apiKeySet_winsOverEnvironment() {
    server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(GeminiBodies.SUCCESS)));
    GeminiClient client =
        GeminiClient.builder()
            .baseUrl(server.baseUrl())
            .model(MODEL)
            .apiKey(KEY)
            .environment(Map.of("GEMINI_API_KEY", "other-key")::get)
            .httpClient(http)
            .build();

    assertThat(client.generate(LlmRequest.of("hi", farDeadline())))
        .succeedsWithin(Duration.ofSeconds(10));

    server.verify(
        postRequestedFor(urlPathEqualTo(PATH)).withHeader("x-goog-api-key", equalTo(KEY)));
  }

  @Test
  void build_noKeyAnywhere_failsNamingTheVariable() {
    assertThatThrownBy(() -> GeminiClient.builder().environment(name -> null).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GEMINI_API_KEY");
  }

  @Test
  void build_ownedHttpClient_isUsedAndCloseIsIdempotent() {
    server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(GeminiBodies.SUCCESS)));
    GeminiClient client =
        GeminiClient.builder().baseUrl(server.baseUrl()).model(MODEL).apiKey(KEY).build();

    assertThat(client.generate(LlmRequest.of("hi", farDeadline())))
        .succeedsWithin(Duration.ofSeconds(10));
    client.close();
    client.close();

    assertThat(client.generate(LlmRequest.of("hi", farDeadline())))
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void settings_invalidValues_failNamingSettingAndValue() {
    GeminiClientBuilder builder = GeminiClient.builder();
    assertThatThrownBy(() -> builder.baseUrl("ftp://example.com"))
        .hasMessage(
            "baseUrl must be an http(s) URL with a host and no query, fragment or user info, was"
                + " 'ftp://example.com'");
    assertThatThrownBy(() -> builder.baseUrl("https://example.com?key=1"))
        .hasMessageContaining("baseUrl")
        .hasMessageContaining("'https://example.com?key=1'");
    assertThatThrownBy(() -> builder.model("gemini/../x"))
        .hasMessage("model must be letters, digits, '.', '_' or '-', was 'gemini/../x'");
    assertThatThrownBy(() -> builder.connectTimeout(Duration.ZERO))
        .hasMessage("connectTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> builder.apiKey(" ")).hasMessage("apiKey must not be blank");
  }

  @Test
  void request_invalidValues_failNamingSettingAndValue() {
    assertThatThrownBy(() -> LlmRequest.of("", 0)).hasMessage("prompt must not be empty");
    assertThatThrownBy(() -> new LlmRequest("p", 0, 0, null))
        .hasMessage("maxOutputTokens must be positive, was 0");
    assertThatThrownBy(() -> new LlmRequest("p", 0, null, 2.5))
        .hasMessage("temperature must be in [0, 2], was 2.5");
  }

  @Test
  void request_toString_omitsPrompt() {
    assertThat(LlmRequest.of("a secret prompt", 5).toString())
        .doesNotContain("secret")
        .contains("promptChars=15");
  }

  private static long farDeadline() {
    return System.nanoTime() + Duration.ofMinutes(5).toNanos();
  }
}

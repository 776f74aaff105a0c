package dev.contextgateway.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.contextgateway.llm.GeminiBodies.KEY;
import static dev.contextgateway.llm.GeminiBodies.MODEL;
import static dev.contextgateway.llm.GeminiBodies.PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Gemini client against a WireMock stub of the REST API: how each answer maps. */
class GeminiClientResponseTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final HttpClient http = HttpClient.newHttpClient();

  private GeminiClient client;

  @BeforeEach
  void createClient() {
    client =
        GeminiClient.builder()
            .baseUrl(server.baseUrl())
            .model(MODEL)
            .apiKey(KEY)
            .httpClient(http)
            .build();
  }

  @AfterAll
  static void checkNoKeyInRequestsJournalPaths() {
    // The key travels in a header only, never in the URL.
    server
        .getAllServeEvents()
        .forEach(event -> assertThat(event.getRequest().getUrl()).doesNotContain(KEY));
  }

  @Test
  void generate_success_parsesTextFinishReasonUsageAndIds() throws Exception {
    stub(okJson(GeminiBodies.SUCCESS));

    LlmResponse response = call().get(10, TimeUnit.SECONDS);

    assertThat(response.text()).isEqualTo("Hello, world");
    assertThat(response.finishReason()).isEqualTo("STOP");
    assertThat(response.usage()).isEqualTo(new LlmResponse.Usage(12, 3, 19));
    assertThat(response.modelVersion()).isEqualTo("gemini-test-001");
    assertThat(response.responseId()).isEqualTo("resp-42");
  }

  @Test
  void generate_sendsKeyHeaderAndGenerateContentBody() throws Exception {
    stub(okJson(GeminiBodies.SUCCESS));

    client.generate(new LlmRequest("Summarise this", far(), 256, 0.2)).get(10, TimeUnit.SECONDS);

    server.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("x-goog-api-key", equalTo(KEY))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"contents": [{"role": "user", "parts": [{"text": "Summarise this"}]}],
                     "generationConfig": {"maxOutputTokens": 256, "temperature": 0.2}}
                    """)));
  }

  @Test
  void generate_withoutOptions_sendsNoGenerationConfig() throws Exception {
    stub(okJson(GeminiBodies.SUCCESS));

    call().get(10, TimeUnit.SECONDS);

    server.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    "{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"hi\"}]}]}")));
  }

  @Test
  void generate_429WithQuotaFailureAndFractionalRetryDelay_failsRateLimitedWithBoth() {
    stub(
        aResponse()
            .withStatus(429)
            .withHeader("Content-Type", "application/json")
            .withBody(GeminiBodies.RATE_LIMITED_PER_MINUTE));

    RateLimitedException failure = failure(RateLimitedException.class);

    assertThat(failure.retryDelay()).contains(Duration.ofSeconds(47, 430_000_000));
    assertThat(failure.quotaId()).contains("GenerateRequestsPerMinutePerProjectPerModel-FreeTier");
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.getMessage()).contains("429", "RESOURCE_EXHAUSTED", "retry in");
  }

  @Test
  void generate_429WithoutDetails_failsRateLimitedWithoutDelayOrQuota() {
    stub(aResponse().withStatus(429).withBody(GeminiBodies.RATE_LIMITED_NO_DETAILS));

    RateLimitedException failure = failure(RateLimitedException.class);

    assertThat(failure.retryDelay()).isEmpty();
    assertThat(failure.quotaId()).isEmpty();
    assertThat(failure.retryable()).isTrue();
  }

  @Test
  void generate_429WithEmptyBody_failsRateLimited() {
    stub(aResponse().withStatus(429));

    assertThat(failure(RateLimitedException.class).retryDelay()).isEmpty();
  }

  @Test
  void generate_429ForPerDayQuota_failsQuotaExhaustedAndIsTerminal() {
    stub(aResponse().withStatus(429).withBody(GeminiBodies.RATE_LIMITED_PER_DAY));

    QuotaExhaustedException failure = failure(QuotaExhaustedException.class);

    assertThat(failure.quotaId()).isEqualTo("GenerateRequestsPerDayPerProjectPerModel-FreeTier");
    assertThat(failure.retryDelay()).contains(Duration.ofSeconds(20));
    assertThat(failure.retryable()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504, 408})
  void generate_serverErrorStatus_failsUnavailableWithStatus(int status) {
    stub(
        aResponse()
            .withStatus(status)
            .withBody(GeminiBodies.error(status, "UNAVAILABLE", "try later")));

    UnavailableException failure = failure(UnavailableException.class);

    assertThat(failure.statusCode()).isEqualTo(status);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.getMessage()).contains(String.valueOf(status), "try later");
  }

  @Test
  void generate_503WithHtmlBody_failsUnavailable() {
    stub(aResponse().withStatus(503).withBody("<html><body>Service Unavailable</body></html>"));

    assertThat(failure(UnavailableException.class).statusCode()).isEqualTo(503);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404})
  void generate_clientErrorStatus_failsBadRequestNotRetryable(int status) {
    stub(
        aResponse()
            .withStatus(status)
            .withBody(GeminiBodies.error(status, "INVALID_ARGUMENT", "bad")));

    BadRequestException failure = failure(BadRequestException.class);

    assertThat(failure.statusCode()).isEqualTo(status);
    assertThat(failure.retryable()).isFalse();
  }

  @Test
  void generate_malformedJson_failsBadResponse() {
    stub(okJson("this is not json"));

    assertThat(failure(BadResponseException.class).retryable()).isTrue();
  }

  @Test
  void generate_truncatedJson_failsBadResponse() {
    String truncated = GeminiBodies.SUCCESS.substring(0, GeminiBodies.SUCCESS.length() / 2);
    stub(okJson(truncated));

    assertThat(failure(BadResponseException.class).getMessage()).contains("malformed or truncated");
  }

  @Test
  void generate_emptyBodyWithSuccessStatus_failsBadResponse() {
    stub(aResponse().withStatus(200));

    failure(BadResponseException.class);
  }

  @Test
  void generate_missingCandidates_failsBadResponse() {
    stub(okJson("{\"usageMetadata\": {\"promptTokenCount\": 3}}"));

    assertThat(failure(BadResponseException.class).getMessage()).contains("no candidates");
  }

  @Test
  void generate_candidateWithoutText_failsBadResponseNamingFinishReason() {
    stub(okJson("{\"candidates\": [{\"finishReason\": \"SAFETY\", \"index\": 0}]}"));

    assertThat(failure(BadResponseException.class).getMessage()).contains("SAFETY");
  }

  @Test
  void generate_blockedPrompt_failsBadRequest() {
    stub(okJson("{\"promptFeedback\": {\"blockReason\": \"SAFETY\"}}"));

    assertThat(failure(BadRequestException.class).retryable()).isFalse();
  }

  @Test
  void generate_thoughtParts_areLeftOutOfText() throws Exception {
    stub(
        okJson(
            """
            {"candidates": [{"content": {"parts": [
              {"text": "thinking...", "thought": true}, {"text": "answer"}]},
              "finishReason": "STOP"}]}
            """));

    LlmResponse response = call().get(10, TimeUnit.SECONDS);

    assertThat(response.text()).isEqualTo("answer");
    assertThat(response.usage()).isEqualTo(LlmResponse.Usage.NONE);
    assertThat(response.modelVersion()).isNull();
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {
        "EMPTY_RESPONSE",
        "CONNECTION_RESET_BY_PEER",
        "MALFORMED_RESPONSE_CHUNK",
        "RANDOM_DATA_THEN_CLOSE"
      })
  void generate_connectionFault_failsUnavailableWithoutStatus(Fault fault) {
    stub(aResponse().withFault(fault));

    UnavailableException failure = failure(UnavailableException.class);

    assertThat(failure.statusCode()).isZero();
    assertThat(failure.retryable()).isTrue();
  }

  @Test
  void generate_nothingListening_failsUnavailable() {
    GeminiClient unreachable =
        GeminiClient.builder()
            .baseUrl("http://127.0.0.1:1")
            .model(MODEL)
            .apiKey(KEY)
            .httpClient(http)
            .build();

    Throwable thrown =
        catchThrowable(
            () -> unreachable.generate(LlmRequest.of("hi", far())).get(10, TimeUnit.SECONDS));

    assertThat(thrown)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(UnavailableException.class);
  }

  private CompletableFuture<LlmResponse> call() {
    return client.generate(LlmRequest.of("hi", far()));
  }

  /** A deadline no test reaches. */
  private static long far() {
    return System.nanoTime() + Duration.ofMinutes(5).toNanos();
  }

  private static void stub(ResponseDefinitionBuilder response) {
    server.stubFor(post(urlPathEqualTo(PATH)).willReturn(response));
  }

  private <T extends LlmException> T failure(Class<T> type) {
    Throwable thrown = catchThrowable(() -> call().get(10, TimeUnit.SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class);
    Throwable cause = Objects.requireNonNull(thrown.getCause());
    assertThat(cause).isInstanceOf(type);
    return type.cast(cause);
  }
}

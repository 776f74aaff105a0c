package dev.contextgateway.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.contextgateway.time.FakeTime;
import dev.contextgateway.time.Scheduler;
import dev.contextgateway.time.Ticker;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deadlines, cancellation and close of the Gemini client: the caller never waits for the server.
 */
class GeminiClientDeadlineTest {
  /** Longer than any deadline below; the server holds its answer this long. */
  private static final int SERVER_DELAY_MILLIS = 3_000;

  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static final HttpClient http = HttpClient.newHttpClient();

  private final FakeTime time = new FakeTime();
  private RecordingHttpClient recording = new RecordingHttpClient(http);

  @BeforeEach
  void setUp() {
    recording = new RecordingHttpClient(http);
  }

  private GeminiClient fakeTimeClient() {
    return GeminiClient.builder()
        .baseUrl(server.baseUrl())
        .model(MODEL)
        .apiKey(KEY)
        .httpClient(recording)
        .ticker(time)
        .scheduler(time)
        .executor(Runnable::run)
        .build();
  }

  private static void stubSlowSuccess() {
    server.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(okJson(GeminiBodies.SUCCESS).withFixedDelay(SERVER_DELAY_MILLIS)));
  }

  /**
   * The JDK's client answers {@code cancel(true)} on an exchange by aborting it: the future is then
   * cancelled, or (once the request is on the wire) failed with a {@link CancellationException}
   * whose cause is {@code IOException("Request cancelled")}.
   */
  private static void assertCancelled(CompletableFuture<?> exchange) {
    assertThat(exchange).isDone();
    Throwable failure = catchThrowable(exchange::join);
    while (failure instanceof CompletionException && failure.getCause() != null) {
      failure = failure.getCause();
    }
    assertThat(failure).isInstanceOf(CancellationException.class);
  }

  @Test
  void generate_deadlinePasses_failsTimeoutAtOnceAndCancelsExchange() {
    stubSlowSuccess();
    GeminiClient client = fakeTimeClient();

    CompletableFuture<LlmResponse> result =
        client.generate(LlmRequest.of("hi", time.read() + Duration.ofSeconds(1).toNanos()));
    time.advance(Duration.ofMillis(999));
    assertThat(result).isNotDone();
    time.advance(Duration.ofMillis(1));

    assertThat(result).isCompletedExceptionally();
    assertThat(catchThrowable(result::join)).cause().isInstanceOf(LlmTimeoutException.class);
    assertCancelled(recording.onlyExchange());
    assertThat(time.pendingTasks()).isZero();
  }

  @Test
  void generate_slowServerWithRealTime_callerFailsAtDeadlineWithoutWaitingForServer() {
    stubSlowSuccess();
    GeminiClient client =
        GeminiClient.builder()
            .baseUrl(server.baseUrl())
            .model(MODEL)
            .apiKey(KEY)
            .httpClient(recording)
            .ticker(Ticker.system())
            .scheduler(Scheduler.system())
            .build();

    CompletableFuture<LlmResponse> result =
        client.generate(LlmRequest.of("hi", Ticker.system(), Duration.ofMillis(200)));

    // Bounded well below the server's delay: a caller that waited for the server would time out
    // here.
    Throwable thrown =
        catchThrowable(() -> result.get(SERVER_DELAY_MILLIS / 2, TimeUnit.MILLISECONDS));
    assertThat(thrown)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(LlmTimeoutException.class);
    assertCancelled(recording.onlyExchange());
  }

  @Test
  void generate_answerBeforeDeadline_cancelsDeadlineTimer() {
    server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(GeminiBodies.SUCCESS)));
    GeminiClient client = fakeTimeClient();

    CompletableFuture<LlmResponse> result =
        client.generate(LlmRequest.of("hi", time.read() + Duration.ofSeconds(1).toNanos()));

    assertThat(result).succeedsWithin(Duration.ofSeconds(10));
    assertThat(time.pendingTasks()).isZero();
  }

  @Test
  void generate_callerCancels_cancelsExchangeAndTimer() {
    stubSlowSuccess();
    GeminiClient client = fakeTimeClient();
    CompletableFuture<LlmResponse> result =
        client.generate(LlmRequest.of("hi", time.read() + Duration.ofSeconds(1).toNanos()));

    result.cancel(true);

    assertCancelled(recording.onlyExchange());
    assertThat(time.pendingTasks()).isZero();
  }

  @Test
  void generate_deadlineAlreadyPassed_failsTimeoutWithoutSending() {
    GeminiClient client = fakeTimeClient();

    CompletableFuture<LlmResponse> result = client.generate(LlmRequest.of("hi", time.read()));

    assertThat(catchThrowable(result::join)).cause().isInstanceOf(LlmTimeoutException.class);
    assertThat(recording.exchanges).isEmpty();
  }

  @Test
  void close_failsCallsInFlightCancelsTheirExchangesAndRejectsLaterCalls() {
    stubSlowSuccess();
    GeminiClient client = fakeTimeClient();
    CompletableFuture<LlmResponse> inFlight =
        client.generate(LlmRequest.of("hi", time.read() + Duration.ofSeconds(1).toNanos()));
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> server.verify(postRequestedFor(urlPathEqualTo(PATH))));

    client.close();

    assertThat(catchThrowable(inFlight::join)).cause().isInstanceOf(IllegalStateException.class);
    assertCancelled(recording.onlyExchange());
    assertThat(time.pendingTasks()).isZero();
    CompletableFuture<LlmResponse> later =
        client.generate(LlmRequest.of("hi", time.read() + Duration.ofSeconds(1).toNanos()));
    assertThat(catchThrowable(later::join)).cause().isInstanceOf(IllegalStateException.class);
  }

  @Test
  void generate_serverFailsFast_deadlineTimerIsCancelled() {
    server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
    GeminiClient client = fakeTimeClient();

    CompletableFuture<LlmResponse> result =
        client.generate(LlmRequest.of("hi", time.read() + Duration.ofSeconds(1).toNanos()));

    assertThat(result).failsWithin(Duration.ofSeconds(10));
    assertThat(time.pendingTasks()).isZero();
  }
}

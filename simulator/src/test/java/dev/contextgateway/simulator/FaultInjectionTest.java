package dev.contextgateway.simulator;

import static dev.contextgateway.simulator.TestClient.json;
import static dev.contextgateway.simulator.TestClient.prompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.contextgateway.simulator.profile.Fault;
import dev.contextgateway.simulator.profile.FaultKind;
import dev.contextgateway.simulator.profile.FaultProfile;
import dev.contextgateway.simulator.profile.Latency;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every fault kind, as a client on the wire sees it, and as the journal records it. */
class FaultInjectionTest {
  private static final String GENERATE = "/v1beta/models/gemini-2.5-flash:generateContent";

  private static GeminiSimulator simulator;
  private static TestClient client;

  @BeforeAll
  static void start() {
    simulator = GeminiSimulator.builder().seed(7).start();
    client = new TestClient(simulator);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @BeforeEach
  void reset() {
    simulator.reset();
  }

  private static void always(Fault fault) {
    simulator.setProfile(FaultProfile.builder("always-" + fault.kind().id()).fault(1.0, fault).build());
  }

  @Test
  void rateLimited_is429WithQuotaFailureAndRetryInfo() throws Exception {
    always(Fault.rateLimited(Duration.ofMillis(1500)));

    HttpResponse<String> response = client.generate(prompt("hi"));

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("retry-after")).isEmpty();
    JsonNode error = json(response.body()).at("/error");
    assertThat(error.at("/code").asInt()).isEqualTo(429);
    assertThat(error.at("/status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
    assertThat(error.at("/message").asText()).contains("Please retry in 1.500s.");
    JsonNode quotaFailure = detail(error, "QuotaFailure");
    assertThat(quotaFailure.at("/violations/0/quotaId").asText())
        .isEqualTo("GenerateRequestsPerMinutePerProjectPerModel-FreeTier");
    assertThat(quotaFailure.at("/violations/0/quotaDimensions/model").asText()).isEqualTo("gemini-2.5-flash");
    assertThat(detail(error, "RetryInfo").at("/retryDelay").asText()).isEqualTo("1.500s");
    JournalEntry entry = simulator.journal().last().orElseThrow();
    assertThat(entry.outcome()).isEqualTo(Outcome.RATE_LIMITED);
    assertThat(entry.retryDelay()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void rateLimitedPerDay_is429WhoseQuotaIdSaysPerDay() throws Exception {
    always(Fault.of(FaultKind.RATE_LIMITED_PER_DAY));

    HttpResponse<String> response = client.generate(prompt("hi"));

    assertThat(response.statusCode()).isEqualTo(429);
    JsonNode error = json(response.body()).at("/error");
    assertThat(detail(error, "QuotaFailure").at("/violations/0/quotaId").asText())
        .isEqualTo("GenerateRequestsPerDayPerProjectPerModel-FreeTier");
    assertThat(detail(error, "RetryInfo").at("/retryDelay").asText()).isEqualTo("20s");
    assertThat(simulator.journal().count(Outcome.RATE_LIMITED_PER_DAY)).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({"INTERNAL,500,INTERNAL", "UNAVAILABLE,503,UNAVAILABLE", "DEADLINE_EXCEEDED,504,DEADLINE_EXCEEDED"})
  void serverErrors_haveGeminiStatusAndBody(FaultKind kind, int code, String status) throws Exception {
    always(Fault.of(kind));

    HttpResponse<String> response = client.generate(prompt("hi"));

    assertThat(response.statusCode()).isEqualTo(code);
    JsonNode error = json(response.body()).at("/error");
    assertThat(error.at("/code").asInt()).isEqualTo(code);
    assertThat(error.at("/status").asText()).isEqualTo(status);
    assertThat(error.at("/message").asText()).isNotBlank();
    assertThat(simulator.journal().last().orElseThrow().outcome()).isEqualTo(Outcome.of(kind));
  }

  @ParameterizedTest
  @EnumSource(names = {"CONNECTION_RESET", "EMPTY_RESPONSE", "TRUNCATED_BODY"})
  void transportFaults_failTheExchangeWithIoException(FaultKind kind) {
    always(Fault.of(kind));

    assertThatThrownBy(() -> client.generate(prompt("hi"))).isInstanceOf(IOException.class);
    assertThat(simulator.journal().last().orElseThrow().outcome()).isEqualTo(Outcome.of(kind));
    assertThat(simulator.journal().last().orElseThrow().httpStatus()).isEqualTo(kind.httpStatus());
  }

  @Test
  void truncatedBody_announcesMoreThanItSends() throws Exception {
    always(Fault.of(FaultKind.TRUNCATED_BODY));
    CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> exchange =
        client.http().sendAsync(
            client.request(GENERATE, prompt("hi"), simulator.apiKey(), TestClient.TIMEOUT),
            HttpResponse.BodyHandlers.ofPublisher());

    HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = exchange.get(10, TimeUnit.SECONDS);
    long announced = Long.parseLong(response.headers().firstValue("content-length").orElseThrow());
    Received received = Received.from(response.body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(received.error()).isInstanceOf(IOException.class);
    assertThat(received.bytes().length).isLessThan((int) announced);
  }

  @Test
  void malformedJson_isA200WhoseBodyIsNotJson() throws Exception {
    always(Fault.of(FaultKind.MALFORMED_JSON));

    HttpResponse<String> response = client.generate(prompt("hi"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("{");
    assertThatThrownBy(() -> TestClient.JSON.readTree(response.body()))
        .isInstanceOf(JsonProcessingException.class);
    assertThat(simulator.journal().count(Outcome.MALFORMED_JSON)).isEqualTo(1);
  }

  @Test
  void hang_sendsNothingUntilTheClientGivesUp() throws Exception {
    always(Fault.of(FaultKind.HANG));

    CompletableFuture<HttpResponse<String>> exchange =
        client.http().sendAsync(
            client.request(GENERATE, prompt("hi"), simulator.apiKey(), TestClient.TIMEOUT),
            HttpResponse.BodyHandlers.ofString());
    assertThat(simulator.journal().awaitTotal(1, TestClient.TIMEOUT)).isTrue();

    assertThatThrownBy(() -> exchange.get(300, TimeUnit.MILLISECONDS))
        .isInstanceOf(TimeoutException.class);
    exchange.cancel(true);
    JournalEntry entry = simulator.journal().last().orElseThrow();
    assertThat(entry.outcome()).isEqualTo(Outcome.HANG);
    assertThat(entry.httpStatus()).isZero();
    assertThat(entry.delay()).isEqualTo(simulator.hangTimeout());
  }

  @Test
  void slowDrip_sendsACorrectAnswerInChunksOverItsDuration() throws Exception {
    always(Fault.slowDrip(Duration.ofMillis(400), 4));
    long start = System.nanoTime();

    HttpResponse<Flow.Publisher<List<ByteBuffer>>> response =
        client.http().send(
            client.request(GENERATE, prompt("hi"), simulator.apiKey(), TestClient.TIMEOUT),
            HttpResponse.BodyHandlers.ofPublisher());
    Received received = Received.from(response.body());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    assertThat(received.error()).isNull();
    assertThat(received.deliveries()).isGreaterThan(1);
    JsonNode answer = json(new String(received.bytes(), StandardCharsets.UTF_8));
    assertThat(answer.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
    assertThat(simulator.journal().count(Outcome.SLOW_DRIP)).isEqualTo(1);
  }

  @Test
  void fixedLatency_delaysTheAnswer_andIsJournalled() throws Exception {
    simulator.setProfile(FaultProfile.builder("fixed").latency(Latency.fixed(Duration.ofMillis(150))).build());
    long start = System.nanoTime();

    HttpResponse<String> response = client.generate(prompt("hi"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    assertThat(simulator.journal().last().orElseThrow().delay()).isEqualTo(Duration.ofMillis(150));
    assertThat(response.headers().firstValue("server-timing")).hasValue("gfet4t7; dur=150");
  }

  @Test
  void latency_appliesToFaultsToo() throws Exception {
    simulator.setProfile(
        FaultProfile.builder("slow-errors")
            .latency(Latency.uniform(Duration.ofMillis(20), Duration.ofMillis(60)))
            .fault(1.0, FaultKind.UNAVAILABLE)
            .build());

    client.generate(prompt("hi"));

    assertThat(simulator.journal().last().orElseThrow().delay())
        .isBetween(Duration.ofMillis(20), Duration.ofMillis(60));
  }

  @Test
  void countTokens_getsFaultsButNoQuota() throws Exception {
    always(Fault.of(FaultKind.UNAVAILABLE));

    HttpResponse<String> response =
        client.post("/v1beta/models/gemini-2.5-flash:countTokens", prompt("hi"), simulator.apiKey());

    assertThat(response.statusCode()).isEqualTo(503);
  }

  @Test
  void validationComesBeforeFaults() throws Exception {
    always(Fault.of(FaultKind.HANG));

    HttpResponse<String> response =
        client.post(GENERATE, prompt("hi"), "not-the-key");

    assertThat(response.statusCode()).isEqualTo(400);
  }

  private static JsonNode detail(JsonNode error, String type) {
    for (JsonNode detail : error.at("/details")) {
      if (detail.at("/@type").asText().equals("type.googleapis.com/google.rpc." + type)) {
        return detail;
      }
    }
    throw new AssertionError("no " + type + " detail in " + error);
  }

  /** A body read chunk by chunk: the bytes, how many deliveries carried data, and any error. */
  static final class Received {
    private final byte[] bytes;
    private final int deliveries;
    private final @Nullable Throwable error;

    Received(byte[] bytes, int deliveries, @Nullable Throwable error) {
      this.bytes = bytes;
      this.deliveries = deliveries;
      this.error = error;
    }

    byte[] bytes() {
      return bytes;
    }

    int deliveries() {
      return deliveries;
    }

    @Nullable Throwable error() {
      return error;
    }

    static Received from(Flow.Publisher<List<ByteBuffer>> body) throws Exception {
      CompletableFuture<Received> done = new CompletableFuture<>();
      body.subscribe(
          new Flow.Subscriber<>() {
            private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            private int deliveries;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
              subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
              boolean data = false;
              for (ByteBuffer buffer : item) {
                data |= buffer.hasRemaining();
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
              }
              if (data) {
                deliveries++;
              }
            }

            @Override
            public void onError(Throwable throwable) {
              done.complete(new Received(bytes.toByteArray(), deliveries, throwable));
            }

            @Override
            public void onComplete() {
              done.complete(new Received(bytes.toByteArray(), deliveries, null));
            }
          });
      return done.get(10, TimeUnit.SECONDS);
    }
  }
}

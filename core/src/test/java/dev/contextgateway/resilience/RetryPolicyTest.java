package dev.contextgateway.resilience;

import static dev.contextgateway.resilience.PolicyFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.llm.BadRequestException;
import dev.contextgateway.llm.LlmClient;
import dev.contextgateway.llm.LlmResponse;
import dev.contextgateway.llm.LlmTimeoutException;
import dev.contextgateway.llm.QuotaExhaustedException;
import dev.contextgateway.llm.RateLimitedException;
import dev.contextgateway.llm.UnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Retry: backoff with jitter, the provider's delay, the budget, terminal errors, deadlines. */
class RetryPolicyTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final PolicyFixture fixture = new PolicyFixture();

  /** 5 attempts, backoff cap 1 s doubling to 5 s; a breaker that never opens in these tests. */
  private RetrySettings.Builder retry() {
    return RetrySettings.builder()
        .maxAttempts(5)
        .initialBackoff(Duration.ofSeconds(1))
        .multiplier(2)
        .maxBackoff(Duration.ofSeconds(5));
  }

  private LlmClient client(double jitter, RetrySettings retry) {
    return fixture
        .policy(jitter)
        .retry(retry)
        .circuitBreaker(CircuitBreakerSettings.builder().slidingWindowSize(100).build())
        .build()
        .decorate(fixture.client);
  }

  private List<Duration> callOffsets(long start) {
    List<Duration> offsets = new ArrayList<>();
    fixture.client.calls.forEach(call -> offsets.add(Duration.ofNanos(call.at() - start)));
    return offsets;
  }

  private static UnavailableException unavailable() {
    return new UnavailableException("503", 503, null);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.5, 0.999})
  void retry_backoff_isJitterTimesGrowingCappedBound(double jitter) {
    LlmClient client = client(jitter, retry().build());
    fixture.client.thenFail(unavailable(), 4).thenSucceed("done");
    long start = fixture.time.read();

    CompletableFuture<LlmResponse> result = client.generate(fixture.request(TIMEOUT));
    fixture.time.advance(Duration.ofSeconds(20));

    assertThat(result).isCompleted();
    // Caps 1 s, 2 s, 4 s, then 8 s cut to 5 s; each delay is jitter x cap.
    long[] caps = {1_000_000_000L, 2_000_000_000L, 4_000_000_000L, 5_000_000_000L};
    List<Duration> expected = new ArrayList<>();
    long at = 0;
    expected.add(Duration.ZERO);
    for (long cap : caps) {
      at += (long) (jitter * cap);
      expected.add(Duration.ofNanos(at));
    }
    assertThat(callOffsets(start)).containsExactlyElementsOf(expected);
    assertThat(fixture.events.retryDelays)
        .allSatisfy(delay -> assertThat(delay).isLessThan(Duration.ofSeconds(5)));
  }

  @Test
  void retry_serverRetryDelayLongerThanBackoff_neverRetriesSooner() {
    LlmClient client = client(0.5, retry().build());
    fixture.client.thenFail(
        new RateLimitedException("429", Duration.ofMillis(10_500), "PerMinute"));
    long start = fixture.time.read();

    CompletableFuture<LlmResponse> result = client.generate(fixture.request(TIMEOUT));
    fixture.time.advance(Duration.ofMillis(10_499));
    assertThat(fixture.client.callCount()).isEqualTo(1);
    fixture.time.advance(Duration.ofMillis(1));

    assertThat(result).isCompleted();
    assertThat(callOffsets(start)).containsExactly(Duration.ZERO, Duration.ofMillis(10_500));
  }

  @Test
  void retry_serverRetryDelayShorterThanBackoff_usesBackoff() {
    LlmClient client = client(0.5, retry().build());
    fixture.client.thenFail(new RateLimitedException("429", Duration.ofMillis(100), null));
    long start = fixture.time.read();

    CompletableFuture<LlmResponse> result = client.generate(fixture.request(TIMEOUT));
    fixture.time.advance(Duration.ofSeconds(1));

    assertThat(result).isCompleted();
    assertThat(callOffsets(start)).containsExactly(Duration.ZERO, Duration.ofMillis(500));
  }

  static Stream<Throwable> terminalFailures() {
    return Stream.of(
        new QuotaExhaustedException("429 per day", "GenerateRequestsPerDay", Duration.ofSeconds(1)),
        new BadRequestException("400", 400),
        new IllegalStateException("a bug in the client"));
  }

  @ParameterizedTest
  @MethodSource("terminalFailures")
  void retry_terminalFailure_isNotRetried(Throwable terminal) {
    LlmClient client = client(0.5, retry().build());
    fixture.client.thenFail(terminal);

    CompletableFuture<LlmResponse> result = client.generate(fixture.request(TIMEOUT));
    fixture.time.advance(Duration.ofSeconds(30));

    assertThat(failure(result)).isSameAs(terminal);
    assertThat(fixture.client.callCount()).isEqualTo(1);
    assertThat(fixture.events.retryDelays).isEmpty();
  }

  @Test
  void retry_allAttemptsFail_failsWithTheLastFailure() {
    LlmClient client = client(0.5, retry().maxAttempts(3).build());
    UnavailableException last = new UnavailableException("the last", 500, null);
    fixture.client.thenFail(unavailable(), 2).thenFail(last).thenSucceed("never asked");

    CompletableFuture<LlmResponse> result = client.generate(fixture.request(TIMEOUT));
    fixture.time.advance(Duration.ofSeconds(30));

    assertThat(failure(result)).isSameAs(last);
    assertThat(fixture.client.callCount()).isEqualTo(3);
  }

  @Test
  void retry_backoffWouldEndPastDeadline_failsAtOnceWithLastFailure() {
    LlmClient client = client(0.5, retry().initialBackoff(Duration.ofSeconds(4)).build());
    UnavailableException first = unavailable();
    fixture.client.thenFail(first);

    CompletableFuture<LlmResponse> result = client.generate(fixture.request(Duration.ofSeconds(2)));

    assertThat(failure(result)).isSameAs(first);
    assertThat(fixture.client.callCount()).isEqualTo(1);
    assertThat(fixture.time.pendingTasks()).isZero();
  }

  @Test
  void retry_serverDelayPastDeadline_failsAtOnceWithTheRateLimit() {
    LlmClient client = client(0.5, retry().build());
    RateLimitedException limited =
        new RateLimitedException("429", Duration.ofSeconds(47), "PerMinute");
    fixture.client.thenFail(limited);

    CompletableFuture<LlmResponse> result =
        client.generate(fixture.request(Duration.ofSeconds(30)));

    assertThat(failure(result)).isSameAs(limited);
    assertThat(fixture.client.callCount()).isEqualTo(1);
  }

  @Test
  void retry_budgetSpent_failsWithoutRetryingUntilWindowSlides() {
    LlmClient client =
        client(
            0.0,
            retry()
                .budgetRatio(0)
                .budgetMinimumRetries(2)
                .budgetWindow(Duration.ofSeconds(10))
                .build());
    List<CompletableFuture<LlmResponse>> results = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      fixture.client.thenFail(unavailable()).thenSucceed("after retry");
      results.add(client.generate(fixture.request(TIMEOUT)));
    }
    fixture.client.thenFail(unavailable());
    results.add(client.generate(fixture.request(TIMEOUT)));

    assertThat(results.get(0)).isCompleted();
    assertThat(results.get(1)).isCompleted();
    assertThat(failure(results.get(2))).isInstanceOf(UnavailableException.class);
    assertThat(fixture.client.callCount()).isEqualTo(5);
    assertThat(fixture.events.rejections).containsExactly(Rejection.RETRY_BUDGET_EXHAUSTED);

    fixture.time.advance(Duration.ofSeconds(10));
    fixture.client.thenFail(unavailable()).thenSucceed("after retry");

    assertThat(client.generate(fixture.request(TIMEOUT))).isCompleted();
    assertThat(fixture.client.callCount()).isEqualTo(7);
  }

  @Test
  void retry_hungAttemptWithAttemptTimeout_isAbandonedAndRetried() {
    LlmClient client = client(0.5, retry().attemptTimeout(Duration.ofSeconds(2)).build());
    fixture.client.thenHang().thenSucceed("second try");
    long start = fixture.time.read();

    CompletableFuture<LlmResponse> result = client.generate(fixture.request(TIMEOUT));
    assertThat(fixture.client.call(0).request().deadline())
        .isEqualTo(start + Duration.ofSeconds(2).toNanos());
    fixture.time.advance(Duration.ofMillis(2_500));

    assertThat(result).isCompleted();
    assertThat(fixture.client.call(0).future()).isCancelled();
    assertThat(callOffsets(start)).containsExactly(Duration.ZERO, Duration.ofMillis(2_500));
  }

  @Test
  void call_hungUntilDeadline_failsTimeoutCancelsClientFutureAndDoesNotRetry() {
    LlmClient client = client(0.5, retry().build());
    fixture.client.thenHang();
    CompletableFuture<LlmResponse> result = client.generate(fixture.request(Duration.ofSeconds(5)));

    fixture.time.advance(Duration.ofMillis(4_999));
    assertThat(result).isNotDone();
    fixture.time.advance(Duration.ofMillis(1));

    assertThat(failure(result)).isInstanceOf(LlmTimeoutException.class);
    assertThat(fixture.client.call(0).future()).isCancelled();
    assertThat(fixture.client.callCount()).isEqualTo(1);
    assertThat(fixture.time.pendingTasks()).isZero();
  }

  @Test
  void call_deadlineAlreadyPassed_failsWithoutCallingClient() {
    LlmClient client = client(0.5, retry().build());

    CompletableFuture<LlmResponse> result = client.generate(fixture.request(Duration.ZERO));

    assertThat(failure(result)).isInstanceOf(LlmTimeoutException.class);
    assertThat(fixture.client.callCount()).isZero();
  }
}

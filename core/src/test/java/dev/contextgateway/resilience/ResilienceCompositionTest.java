package dev.contextgateway.resilience;

import static dev.contextgateway.resilience.PolicyFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.llm.LlmClient;
import dev.contextgateway.llm.LlmResponse;
import dev.contextgateway.llm.LlmTimeoutException;
import dev.contextgateway.llm.RateLimitedException;
import dev.contextgateway.llm.UnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The order of composition, retry → rate limiter → circuit breaker → deadline → call, each shown by
 * a behaviour that another order would not have.
 */
class ResilienceCompositionTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final PolicyFixture fixture = new PolicyFixture();

  private static CircuitBreakerSettings breakerOpeningAfter(int failures) {
    return CircuitBreakerSettings.builder()
        .slidingWindowSize(failures)
        .failureRateThreshold(100)
        .waitInOpenState(Duration.ofSeconds(10))
        .permittedCallsInHalfOpenState(1)
        .build();
  }

  private static RateLimitSettings oneRequestPerMinute() {
    return RateLimitSettings.builder().requestsPerMinute(1).requestBurst(1).build();
  }

  @Test
  void retry_isOutsideLimiter_eachRetryWaitsForTheLimiterAgain() {
    LlmClient client =
        fixture.policy(0.0).rateLimit(oneRequestPerMinute()).build().decorate(fixture.client);
    fixture.client.thenFail(new UnavailableException("503", 503, null));
    long start = fixture.time.read();

    CompletableFuture<LlmResponse> result = client.generate(fixture.request(TIMEOUT));
    fixture.time.advance(Duration.ofSeconds(59));
    assertThat(fixture.client.callCount()).isEqualTo(1);
    fixture.time.advance(Duration.ofSeconds(1));

    assertThat(result).isCompleted();
    assertThat(fixture.client.call(1).at() - start).isEqualTo(Duration.ofSeconds(60).toNanos());
  }

  @Test
  void retry_isOutsideBreaker_eachRetryAsksTheBreakerAgain() {
    ResiliencePolicy policy = fixture.policy(0.0).circuitBreaker(breakerOpeningAfter(2)).build();
    LlmClient client = policy.decorate(fixture.client);
    fixture.client.thenFail(new UnavailableException("503", 503, null), 2);

    CompletableFuture<LlmResponse> result = client.generate(fixture.request(TIMEOUT));

    assertThat(failure(result)).isInstanceOf(CircuitOpenException.class);
    assertThat(fixture.client.callCount()).isEqualTo(2);
  }

  @Test
  void limiter_isOutsideBreaker_callWaitingInLimiterMeetsTheBreakerLater() {
    ResiliencePolicy policy =
        fixture
            .policy(0.0)
            .retry(RetrySettings.none())
            .rateLimit(oneRequestPerMinute())
            .circuitBreaker(breakerOpeningAfter(1))
            .build();
    LlmClient client = policy.decorate(fixture.client);
    fixture.client.thenFail(new UnavailableException("503", 503, null));
    assertThat(failure(client.generate(fixture.request(TIMEOUT))))
        .isInstanceOf(UnavailableException.class);
    assertThat(policy.circuitState()).isEqualTo(CircuitState.OPEN);

    // Open now, but this call waits 60 s for the limiter, by when the breaker admits a trial.
    CompletableFuture<LlmResponse> result = client.generate(fixture.request(TIMEOUT));
    assertThat(result).isNotDone();
    fixture.time.advance(Duration.ofSeconds(60));

    assertThat(result).isCompleted();
    assertThat(policy.circuitState()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void limiter_isOutsideBreaker_limiterRejectionIsNotRecordedByBreaker() {
    ResiliencePolicy policy =
        fixture
            .policy(0.0)
            .retry(RetrySettings.none())
            .rateLimit(oneRequestPerMinute())
            .circuitBreaker(breakerOpeningAfter(1))
            .build();
    LlmClient client = policy.decorate(fixture.client);
    assertThat(client.generate(fixture.request(TIMEOUT))).isCompleted();

    CompletableFuture<LlmResponse> rejected =
        client.generate(fixture.request(Duration.ofSeconds(5)));

    assertThat(failure(rejected)).isInstanceOf(RateLimitedException.class);
    assertThat(policy.circuitState()).isEqualTo(CircuitState.CLOSED);
    assertThat(fixture.client.callCount()).isEqualTo(1);
  }

  @Test
  void breaker_isOutsideDeadline_timeoutIsRecordedAsFailure() {
    ResiliencePolicy policy =
        fixture
            .policy(0.0)
            .retry(RetrySettings.none())
            .circuitBreaker(breakerOpeningAfter(1))
            .build();
    LlmClient client = policy.decorate(fixture.client);
    fixture.client.thenHang();

    CompletableFuture<LlmResponse> result = client.generate(fixture.request(Duration.ofSeconds(3)));
    fixture.time.advance(Duration.ofSeconds(3));

    assertThat(failure(result)).isInstanceOf(LlmTimeoutException.class);
    assertThat(policy.circuitState()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void deadline_isPassedToTheClient() {
    LlmClient client =
        fixture
            .policy(0.0)
            .retry(RetrySettings.builder().attemptTimeout(Duration.ofSeconds(2)).build())
            .build()
            .decorate(fixture.client);
    long start = fixture.time.read();

    assertThat(client.generate(fixture.request(Duration.ofSeconds(1)))).isCompleted();
    assertThat(client.generate(fixture.request(Duration.ofSeconds(30)))).isCompleted();

    assertThat(fixture.client.call(0).request().deadline())
        .isEqualTo(start + Duration.ofSeconds(1).toNanos());
    assertThat(fixture.client.call(1).request().deadline())
        .isEqualTo(start + Duration.ofSeconds(2).toNanos());
  }

  @Test
  void close_closesTheDecoratedClient() {
    LlmClient client = fixture.policy(0.0).build().decorate(fixture.client);

    client.close();

    assertThat(fixture.client.closed).isTrue();
  }
}

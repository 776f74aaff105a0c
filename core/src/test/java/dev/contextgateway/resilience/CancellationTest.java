package dev.contextgateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.llm.LlmClient;
import dev.contextgateway.llm.LlmException;
import dev.contextgateway.llm.LlmResponse;
import dev.contextgateway.llm.UnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Cancelling a call's future stops what it is doing and leaves no scheduled work behind. */
class CancellationTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final PolicyFixture fixture = new PolicyFixture();

  @Test
  void cancel_duringBackoff_cancelsTimerAndNeverRetries() {
    LlmClient client = fixture.policy(0.5).build().decorate(fixture.client);
    fixture.client.thenFail(new UnavailableException("503", 503, null));
    CompletableFuture<LlmResponse> result = client.generate(fixture.request(TIMEOUT));
    assertThat(fixture.time.pendingTasks()).isEqualTo(1);

    result.cancel(true);
    fixture.time.advance(Duration.ofMinutes(1));

    assertThat(fixture.time.pendingTasks()).isZero();
    assertThat(fixture.client.callCount()).isEqualTo(1);
  }

  @Test
  void cancel_duringAttempt_cancelsClientFutureAndDeadlineTimer() {
    LlmClient client = fixture.policy(0.5).build().decorate(fixture.client);
    fixture.client.thenHang();
    CompletableFuture<LlmResponse> result = client.generate(fixture.request(TIMEOUT));

    result.cancel(true);

    assertThat(fixture.client.call(0).future()).isCancelled();
    assertThat(fixture.time.pendingTasks()).isZero();
    assertThat(fixture.events.events).noneMatch(event -> event.startsWith("attempt"));
  }

  @Test
  void cancel_duringHalfOpenTrial_releasesThePermitForTheNextCall() {
    ResiliencePolicy policy =
        fixture
            .policy(0.5)
            .retry(RetrySettings.none())
            .circuitBreaker(
                CircuitBreakerSettings.builder()
                    .slidingWindowSize(1)
                    .waitInOpenState(Duration.ofSeconds(1))
                    .permittedCallsInHalfOpenState(1)
                    .build())
            .build();
    LlmClient client = policy.decorate(fixture.client);
    fixture.client.thenFail(new UnavailableException("503", 503, null)).thenHang();
    assertThat(client.generate(fixture.request(TIMEOUT))).isCompletedExceptionally();
    fixture.time.advance(Duration.ofMillis(1_001));
    CompletableFuture<LlmResponse> trial = client.generate(fixture.request(TIMEOUT));
    assertThat(policy.circuitState()).isEqualTo(CircuitState.HALF_OPEN);

    trial.cancel(true);
    CompletableFuture<LlmResponse> next = client.generate(fixture.request(TIMEOUT));

    assertThat(next).isCompleted();
    assertThat(fixture.client.callCount()).isEqualTo(3);
    assertThat(policy.circuitState()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void cancel_duringLimiterWait_leavesQueueAndNeverSends() {
    LlmClient client =
        fixture
            .policy(0.5)
            .rateLimit(RateLimitSettings.builder().requestsPerMinute(1).requestBurst(1).build())
            .build()
            .decorate(fixture.client);
    assertThat(client.generate(fixture.request(TIMEOUT))).isCompleted();
    CompletableFuture<LlmResponse> waiting = client.generate(fixture.request(TIMEOUT));
    assertThat(fixture.time.pendingTasks()).isGreaterThan(0);

    waiting.cancel(true);
    fixture.time.advance(Duration.ofMinutes(2));

    assertThat(fixture.time.pendingTasks()).isZero();
    assertThat(fixture.client.callCount()).isEqualTo(1);
  }

  @Test
  void listenerThatThrows_neverBreaksACall() {
    ResilienceListener hostile =
        new ResilienceListener() {
          @Override
          public void onRetry(int attempt, Duration delay, LlmException cause) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void onAttempt(Duration elapsed, @Nullable Throwable failure) {
            throw new IllegalStateException("listener bug");
          }
        };
    LlmClient client = fixture.policy(0.5).listener(hostile).build().decorate(fixture.client);
    fixture.client.thenFail(new UnavailableException("503", 503, null));

    CompletableFuture<LlmResponse> result = client.generate(fixture.request(TIMEOUT));
    fixture.time.advance(Duration.ofSeconds(1));

    assertThat(result).isCompleted();
  }
}

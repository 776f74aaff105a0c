package dev.contextgateway.resilience;

import static dev.contextgateway.resilience.PolicyFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.llm.LlmClient;
import dev.contextgateway.llm.LlmResponse;
import dev.contextgateway.llm.QuotaExhaustedException;
import dev.contextgateway.llm.RateLimitedException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A 429 with a retry delay holds every caller of the policy until the delay has passed. */
class SharedPauseTest {
  private final PolicyFixture fixture = new PolicyFixture();

  private LlmClient client() {
    return fixture.policy(0.5).retry(RetrySettings.none()).build().decorate(fixture.client);
  }

  @Test
  void rateLimitWithDelay_nobodySendsBeforeDelayPassed() {
    LlmClient client = client();
    fixture.client.thenFail(new RateLimitedException("429", Duration.ofSeconds(5), "PerMinute"));
    long start = fixture.time.read();
    assertThat(failure(client.generate(fixture.request(Duration.ofSeconds(30)))))
        .isInstanceOf(RateLimitedException.class);

    fixture.time.advance(Duration.ofSeconds(1));
    CompletableFuture<LlmResponse> waiting =
        client.generate(fixture.request(Duration.ofSeconds(30)));
    fixture.time.advance(Duration.ofMillis(3_999));
    assertThat(fixture.client.callCount()).isEqualTo(1);
    fixture.time.advance(Duration.ofMillis(1));

    assertThat(waiting).isCompleted();
    assertThat(fixture.client.call(1).at() - start).isEqualTo(Duration.ofSeconds(5).toNanos());
    assertThat(fixture.events.events).contains("pause PT5S", "waited PT4S");
  }

  @Test
  void rateLimitWithDelay_callerWithShorterDeadlineFailsFastWithoutSending() {
    LlmClient client = client();
    fixture.client.thenFail(new RateLimitedException("429", Duration.ofSeconds(5), "PerMinute"));
    assertThat(failure(client.generate(fixture.request(Duration.ofSeconds(30)))))
        .isInstanceOf(RateLimitedException.class);

    CompletableFuture<LlmResponse> hurried =
        client.generate(fixture.request(Duration.ofSeconds(3)));

    RateLimitedException failure = (RateLimitedException) failure(hurried);
    assertThat(failure.retryDelay()).contains(Duration.ofSeconds(5));
    assertThat(fixture.client.callCount()).isEqualTo(1);
    assertThat(fixture.events.rejections).containsExactly(Rejection.RATE_LIMITED);
    assertThat(fixture.time.pendingTasks()).isZero();
  }

  @Test
  void perDayQuotaWithDelay_alsoPausesEveryone() {
    LlmClient client = client();
    fixture.client.thenFail(new QuotaExhaustedException("429", "PerDay", Duration.ofSeconds(20)));
    assertThat(failure(client.generate(fixture.request(Duration.ofSeconds(30)))))
        .isInstanceOf(QuotaExhaustedException.class);

    assertThat(failure(client.generate(fixture.request(Duration.ofSeconds(10)))))
        .isInstanceOf(RateLimitedException.class);
    assertThat(fixture.client.callCount()).isEqualTo(1);
  }

  @Test
  void rateLimitWithoutDelay_pausesNobody() {
    LlmClient client = client();
    fixture.client.thenFail(new RateLimitedException("429", null, null));
    assertThat(failure(client.generate(fixture.request(Duration.ofSeconds(30)))))
        .isInstanceOf(RateLimitedException.class);

    assertThat(client.generate(fixture.request(Duration.ofSeconds(30)))).isCompleted();
  }
}

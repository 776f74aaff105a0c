package dev.contextgateway.resilience;

import static dev.contextgateway.resilience.PolicyFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.llm.BadRequestException;
import dev.contextgateway.llm.LlmClient;
import dev.contextgateway.llm.LlmResponse;
import dev.contextgateway.llm.LlmTimeoutException;
import dev.contextgateway.llm.RateLimitedException;
import dev.contextgateway.llm.UnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The policy's circuit breaker, driven by fake time and a scripted client. */
class CircuitBreakerPolicyTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final PolicyFixture fixture = new PolicyFixture();
  private final List<CompletableFuture<LlmResponse>> fired = new ArrayList<>();

  /** Opens after 4 failures out of 4 calls, stays open 10 s, then admits 2 trial calls. */
  private ResiliencePolicy policy() {
    return fixture
        .policy(0.5)
        .retry(RetrySettings.none())
        .circuitBreaker(
            CircuitBreakerSettings.builder()
                .slidingWindowSize(4)
                .failureRateThreshold(50)
                .waitInOpenState(Duration.ofSeconds(10))
                .permittedCallsInHalfOpenState(2)
                .slowCallDuration(Duration.ofSeconds(5))
                .build())
        .build();
  }

  private CompletableFuture<LlmResponse> call(LlmClient client) {
    return client.generate(fixture.request(TIMEOUT));
  }

  /** Makes a call whose outcome the test reads from the breaker, not from the future. */
  private void fire(LlmClient client) {
    fired.add(call(client));
  }

  private void open(ResiliencePolicy policy, LlmClient client) {
    fixture.client.thenFail(new UnavailableException("503", 503, null), 4);
    for (int i = 0; i < 4; i++) {
      fire(client);
    }
    assertThat(policy.circuitState()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void breaker_afterWindowOfFailures_opensButNotBefore() {
    ResiliencePolicy policy = policy();
    LlmClient client = policy.decorate(fixture.client);
    fixture.client.thenFail(new UnavailableException("503", 503, null), 4);

    for (int i = 0; i < 3; i++) {
      fire(client);
    }
    assertThat(policy.circuitState()).isEqualTo(CircuitState.CLOSED);
    fire(client);

    assertThat(policy.circuitState()).isEqualTo(CircuitState.OPEN);
    assertThat(fixture.events.states).containsExactly(CircuitState.OPEN);
  }

  @Test
  void open_failsFastWithoutCallingClient() {
    ResiliencePolicy policy = policy();
    LlmClient client = policy.decorate(fixture.client);
    open(policy, client);

    CompletableFuture<LlmResponse> result = call(client);

    assertThat(failure(result)).isInstanceOf(CircuitOpenException.class);
    assertThat(((CircuitOpenException) failure(result)).state()).isEqualTo(CircuitState.OPEN);
    assertThat(fixture.client.callCount()).isEqualTo(4);
    assertThat(fixture.events.rejections).containsExactly(Rejection.CIRCUIT_OPEN);
  }

  @Test
  void halfOpen_concurrentCalls_admitExactlyTheTrialCalls() throws Exception {
    ResiliencePolicy policy = policy();
    LlmClient client = policy.decorate(fixture.client);
    open(policy, client);
    fixture.time.advance(Duration.ofMillis(10_001));
    fixture.client.thenHang(20);

    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    Queue<CompletableFuture<LlmResponse>> results = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> callers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        callers.add(
            pool.submit(
                () -> {
                  start.await();
                  results.add(call(client));
                  return null;
                }));
      }
      for (Future<?> caller : callers) {
        caller.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(fixture.client.callCount()).isEqualTo(4 + 2);
    assertThat(results.stream().filter(CompletableFuture::isCompletedExceptionally))
        .hasSize(threads - 2)
        .allSatisfy(result -> assertThat(failure(result)).isInstanceOf(CircuitOpenException.class));
    assertThat(policy.circuitState()).isEqualTo(CircuitState.HALF_OPEN);
  }

  @Test
  void halfOpen_trialCallsSucceed_closes() {
    ResiliencePolicy policy = policy();
    LlmClient client = policy.decorate(fixture.client);
    open(policy, client);
    fixture.time.advance(Duration.ofMillis(10_001));

    fire(client);
    assertThat(policy.circuitState()).isEqualTo(CircuitState.HALF_OPEN);
    fire(client);

    assertThat(policy.circuitState()).isEqualTo(CircuitState.CLOSED);
    assertThat(fixture.events.states)
        .containsExactly(CircuitState.OPEN, CircuitState.HALF_OPEN, CircuitState.CLOSED);
  }

  @Test
  void halfOpen_trialCallsFail_opensAgain() {
    ResiliencePolicy policy = policy();
    LlmClient client = policy.decorate(fixture.client);
    open(policy, client);
    fixture.time.advance(Duration.ofMillis(10_001));
    fixture.client.thenFail(new UnavailableException("503", 503, null), 2);

    fire(client);
    fire(client);

    assertThat(policy.circuitState()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void open_beforeWaitPassed_staysOpenEvenWhenAsked() {
    ResiliencePolicy policy = policy();
    LlmClient client = policy.decorate(fixture.client);
    open(policy, client);
    fixture.time.advance(Duration.ofMillis(9_999));

    assertThat(failure(call(client))).isInstanceOf(CircuitOpenException.class);
    assertThat(policy.circuitState()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void badRequests_doNotCountAsFailures() {
    ResiliencePolicy policy = policy();
    LlmClient client = policy.decorate(fixture.client);
    fixture.client.thenFail(new BadRequestException("400", 400), 10);

    for (int i = 0; i < 10; i++) {
      assertThat(failure(call(client))).isInstanceOf(BadRequestException.class);
    }

    assertThat(policy.circuitState()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void rateLimits_areIgnored() {
    ResiliencePolicy policy = policy();
    LlmClient client = policy.decorate(fixture.client);
    fixture.client.thenFail(new RateLimitedException("429", null, null), 10);
    for (int i = 0; i < 10; i++) {
      fire(client);
    }
    assertThat(policy.circuitState()).as("429s counted as failures").isEqualTo(CircuitState.CLOSED);

    fixture.client.thenFail(new UnavailableException("503", 503, null), 4);
    fire(client);
    fire(client);
    // Had the 429s counted as successes, the window would now hold 2 of each: 50 %, open.
    assertThat(policy.circuitState())
        .as("429s counted as successes")
        .isEqualTo(CircuitState.CLOSED);
    fire(client);
    fire(client);

    assertThat(policy.circuitState()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void timeouts_countAsFailures() {
    ResiliencePolicy policy = policy();
    LlmClient client = policy.decorate(fixture.client);
    fixture.client.thenHang(4);

    List<CompletableFuture<LlmResponse>> results = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      results.add(call(client));
    }
    fixture.time.advance(TIMEOUT);

    assertThat(results)
        .allSatisfy(result -> assertThat(failure(result)).isInstanceOf(LlmTimeoutException.class));
    assertThat(policy.circuitState()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void slowSuccesses_countAsSlowCallsAndOpen() {
    ResiliencePolicy policy = policy();
    LlmClient client = policy.decorate(fixture.client);
    fixture.client.thenHang(4);

    List<CompletableFuture<LlmResponse>> results = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      results.add(call(client));
    }
    fixture.time.advance(Duration.ofSeconds(6));
    fixture.client.calls.forEach(c -> c.future().complete(ScriptedLlmClient.ok("late")));

    assertThat(results).allSatisfy(result -> assertThat(result).isCompleted());
    assertThat(policy.circuitState()).isEqualTo(CircuitState.OPEN);
  }
}

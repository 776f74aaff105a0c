package dev.contextgateway.jcstress.resilience;

import dev.contextgateway.llm.LlmClient;
import dev.contextgateway.llm.LlmRequest;
import dev.contextgateway.llm.LlmResponse;
import dev.contextgateway.llm.UnavailableException;
import dev.contextgateway.resilience.CircuitBreakerSettings;
import dev.contextgateway.resilience.CircuitOpenException;
import dev.contextgateway.resilience.CircuitState;
import dev.contextgateway.resilience.ResiliencePolicy;
import dev.contextgateway.resilience.RetrySettings;
import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The set-up the breaker tests share: a {@link ResiliencePolicy} decorating a {@link HeldClient},
 * whose breaker has opened and whose open wait is over, so the next call moves it to half-open.
 *
 * <p>The breaker judges a window of {@value #PERMITTED} calls (two failures open it) and permits
 * {@value #PERMITTED} trial calls in half-open, which close it if fewer than half fail. The
 * window's minimum number of calls equals the permitted trials on purpose: Resilience4j takes the
 * half-open decision after {@code min(minimumNumberOfCalls, permittedCallsInHalfOpenState)}
 * outcomes, and these tests are about the permitted trials judged together, as {@link
 * CircuitBreakerSettings} documents them.
 *
 * <p>There is no rate limit and no retry, and the policy runs everything on the calling thread, on
 * fake time that does not move during a test: a call is admitted, sent or refused before {@code
 * generate} returns, and a trial's outcome is judged on the thread that completes it.
 */
final class OpenedPolicy {
  /** Trial calls the breaker permits in half-open. */
  static final int PERMITTED = 2;

  static final Duration OPEN_WAIT = Duration.ofSeconds(1);

  final FakeTime time = new FakeTime();
  final Transitions transitions = new Transitions();
  final HeldClient provider = new HeldClient();
  final ResiliencePolicy policy =
      ResiliencePolicy.builder()
          .retry(RetrySettings.none())
          .circuitBreaker(
              CircuitBreakerSettings.builder()
                  .slidingWindowSize(PERMITTED)
                  .minimumNumberOfCalls(PERMITTED)
                  .failureRateThreshold(50)
                  .waitInOpenState(OPEN_WAIT)
                  .permittedCallsInHalfOpenState(PERMITTED)
                  .build())
          .executor(Runnable::run)
          .ticker(time)
          .scheduler(time)
          .listener(transitions)
          .build();
  final LlmClient client = policy.decorate(provider);

  OpenedPolicy() {
    CompletableFuture<LlmResponse> opening = call();
    CompletableFuture<LlmResponse> alsoOpening = call();
    provider.failAll(unavailable());
    if (!opening.isCompletedExceptionally()
        || !alsoOpening.isCompletedExceptionally()
        || policy.circuitState() != CircuitState.OPEN) {
      throw new IllegalStateException("the breaker did not open: " + policy.circuitState());
    }
    time.advance(OPEN_WAIT.plusSeconds(1));
  }

  /** A call through the policy, with a deadline a minute away. */
  CompletableFuture<LlmResponse> call() {
    return client.generate(LlmRequest.of("rank these files", time, Duration.ofMinutes(1)));
  }

  /** A failure the breaker records. */
  static UnavailableException unavailable() {
    return new UnavailableException("503 from the provider", 503, null);
  }

  /** 1 if {@code call} failed at once because the circuit was open, else 0. */
  static int refused(CompletableFuture<LlmResponse> call) {
    try {
      call.getNow(null);
      return 0;
    } catch (CompletionException failed) {
      return failed.getCause() instanceof CircuitOpenException ? 1 : 0;
    } catch (CancellationException cancelled) {
      return 0;
    }
  }
}

package dev.contextgateway.resilience;

import dev.contextgateway.llm.LlmClient;
import dev.contextgateway.llm.LlmException;
import dev.contextgateway.llm.LlmRequest;
import dev.contextgateway.llm.LlmResponse;
import dev.contextgateway.llm.LlmTimeoutException;
import dev.contextgateway.llm.QuotaExhaustedException;
import dev.contextgateway.llm.RateLimitedException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * An {@link LlmClient} running each call through a {@link ResiliencePolicy}: retry, then rate
 * limiter, then breaker, then deadline, then the decorated client.
 *
 * <h2>Implementation notes</h2>
 *
 * <p>A call is a chain of steps, each started by the completion of the one before: limiter wait,
 * attempt, backoff wait, limiter wait, attempt, ... No step blocks; waits are scheduled tasks.
 *
 * <p><b>Cancellation.</b> The call keeps, in a volatile field, how to cancel its current step. A
 * step installs its canceller <em>before</em> it starts the work whose completion starts the next
 * step, so the field is always written in step order (each write happens-before the next through
 * the completion that links them) and never points at a step that is over while a later one runs.
 * When the call's future completes for any reason, including the caller cancelling it, the current
 * step's canceller runs: a limiter wait leaves the queue, an attempt cancels the client's future, a
 * backoff cancels its timer. A step that starts after the call completed cancels itself at once.
 *
 * <p><b>Breaker permits.</b> Every permit taken is returned exactly once: through the outcome of
 * the attempt, or released unrecorded when the caller abandoned the attempt.
 */
final class ResilientLlmClient implements LlmClient {
  private final ResiliencePolicy policy;
  private final LlmClient delegate;

  ResilientLlmClient(ResiliencePolicy policy, LlmClient delegate) {
    this.policy = policy;
    this.delegate = delegate;
  }

  @Override
  public CompletableFuture<LlmResponse> generate(LlmRequest request) {
    if (request == null) {
      return CompletableFuture.failedFuture(new NullPointerException("request"));
    }
    if (request.remainingNanos(policy.ticker.read()) <= 0) {
      return CompletableFuture.failedFuture(
          new LlmTimeoutException("the deadline passed before the call started"));
    }
    policy.budget.recordCall();
    Call call = new Call(request);
    call.guard(() -> call.limit(1));
    return call.result;
  }

  /** Closes the decorated client. */
  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return "ResilientLlmClient[" + delegate + "]";
  }

  private final class Call {
    final CompletableFuture<LlmResponse> result = new CompletableFuture<>();
    private final LlmRequest request;
    private final long inputTokens;

    /** Cancels the step in progress; see the class notes for the order of writes. */
    private volatile Runnable cancelStep = () -> {};

    Call(LlmRequest request) {
      this.request = request;
      this.inputTokens = RateLimitSettings.estimateInputTokens(request);
      var unused = result.whenComplete((response, failure) -> cancelStep.run());
    }

    /**
     * Runs a step's body, failing the call if it throws (a scheduler that refuses a task, a
     * listener's bug that escaped): a continuation's exception would otherwise be lost in a future
     * nobody reads, and the call would never complete.
     */
    void guard(Runnable body) {
      try {
        body.run();
      } catch (RuntimeException | Error unexpected) {
        result.completeExceptionally(unexpected);
      }
    }

    private void step(Runnable canceller) {
      cancelStep = canceller;
      if (result.isDone()) {
        canceller.run();
      }
    }

    /** Step: wait for the rate limiter, then attempt {@code attempt}. */
    void limit(int attempt) {
      if (result.isDone()) {
        return;
      }
      Limiter.Ticket ticket = policy.limiter.acquire(inputTokens, request.deadline());
      step(ticket::cancel);
      var unused =
          ticket.future.whenComplete(
              (admitted, failure) ->
                  guard(
                      () -> {
                        if (failure == null) {
                          send(attempt);
                        } else if (!(failure instanceof CancellationException)) {
                          failed(attempt, unwrap(failure));
                        }
                      }));
    }

    /** Step: pass the breaker and call the client, within the attempt's deadline. */
    private void send(int attempt) {
      if (result.isDone()) {
        return;
      }
      Breaker breaker = policy.breaker;
      if (!breaker.tryAcquirePermission()) {
        CircuitState state = breaker.state();
        policy.listener.onRejected(Rejection.CIRCUIT_OPEN);
        failed(
            attempt,
            new CircuitOpenException(
                "the circuit breaker is "
                    + state
                    + " ("
                    + breaker.describe()
                    + "); the call was not sent",
                state));
        return;
      }
      CompletableFuture<LlmResponse> outcome = new CompletableFuture<>();
      step(() -> outcome.cancel(false));
      if (outcome.isDone()) {
        breaker.release();
        return;
      }
      long start = policy.ticker.read();
      long attemptDeadline = attemptDeadline(start);
      CompletableFuture<LlmResponse> inner = callDelegate(request.withDeadline(attemptDeadline));
      Future<?> timer =
          policy.scheduler.schedule(
              policy.executor,
              () -> outcome.completeExceptionally(timeout(attempt, start, attemptDeadline)),
              Duration.ofNanos(Math.max(0, attemptDeadline - start)));
      var unusedInner =
          inner.whenComplete(
              (response, failure) -> {
                if (failure != null) {
                  outcome.completeExceptionally(unwrap(failure));
                } else if (response == null) {
                  outcome.completeExceptionally(
                      new IllegalStateException("client completed with null"));
                } else {
                  outcome.complete(response);
                }
              });
      var unusedOutcome =
          outcome.whenComplete(
              (response, failure) ->
                  guard(
                      () -> {
                        timer.cancel(false);
                        inner.cancel(true);
                        finish(attempt, start, outcome.isCancelled(), response, failure);
                      }));
    }

    private CompletableFuture<LlmResponse> callDelegate(LlmRequest attemptRequest) {
      try {
        CompletableFuture<LlmResponse> future = delegate.generate(attemptRequest);
        return future != null
            ? future
            : CompletableFuture.failedFuture(
                new IllegalStateException("client returned a null future"));
      } catch (RuntimeException thrown) {
        return CompletableFuture.failedFuture(thrown);
      }
    }

    private void finish(
        int attempt,
        long start,
        boolean abandoned,
        @Nullable LlmResponse response,
        @Nullable Throwable failure) {
      if (abandoned) {
        policy.breaker.release();
        return;
      }
      long elapsed = policy.ticker.read() - start;
      Throwable cause = failure == null ? null : unwrap(failure);
      policy.breaker.onResult(elapsed, cause);
      policy.listener.onAttempt(Duration.ofNanos(elapsed), cause);
      if (cause == null && response != null) {
        result.complete(response);
        return;
      }
      Throwable error =
          cause != null ? cause : new IllegalStateException("attempt ended without outcome");
      retryDelay(error).ifPresent(policy.limiter::pause);
      failed(attempt, error);
    }

    /** Decides on a failed attempt: fail the call, or schedule the next attempt. */
    private void failed(int attempt, Throwable error) {
      if (result.isDone()) {
        return;
      }
      RetrySettings retry = policy.retry;
      if (!(error instanceof LlmException cause)
          || !cause.retryable()
          || attempt >= retry.maxAttempts()) {
        result.completeExceptionally(error);
        return;
      }
      long delay =
          Math.max(backoffNanos(attempt), retryDelay(cause).map(Duration::toNanos).orElse(0L));
      if (delay >= request.remainingNanos(policy.ticker.read())) {
        result.completeExceptionally(error); // the next attempt could not start before the deadline
        return;
      }
      if (!policy.budget.tryAcquireRetry()) {
        policy.listener.onRejected(Rejection.RETRY_BUDGET_EXHAUSTED);
        result.completeExceptionally(error);
        return;
      }
      policy.listener.onRetry(attempt + 1, Duration.ofNanos(delay), cause);
      CompletableFuture<Void> backoff = new CompletableFuture<>();
      step(() -> backoff.cancel(false));
      Future<?> timer =
          delay == 0
              ? CompletableFuture.runAsync(() -> backoff.complete(null), policy.executor)
              : policy.scheduler.schedule(
                  policy.executor, () -> backoff.complete(null), Duration.ofNanos(delay));
      var unused =
          backoff.whenComplete(
              (done, cancelled) ->
                  guard(
                      () -> {
                        if (cancelled != null) {
                          timer.cancel(false);
                        } else {
                          limit(attempt + 1);
                        }
                      }));
    }

    /** Full jitter: uniform in [0, min(maxBackoff, initialBackoff * multiplier^(attempt-1))). */
    private long backoffNanos(int attempt) {
      RetrySettings retry = policy.retry;
      double cap =
          Math.min(
              (double) retry.maxBackoff().toNanos(),
              retry.initialBackoff().toNanos() * Math.pow(retry.multiplier(), attempt - 1));
      return (long) (policy.random.nextDouble() * cap);
    }

    private long attemptDeadline(long start) {
      Optional<Duration> timeout = policy.retry.attemptTimeout();
      if (timeout.isEmpty()) {
        return request.deadline();
      }
      long byTimeout = start + Math.min(timeout.get().toNanos(), Long.MAX_VALUE >> 2);
      return byTimeout - request.deadline() < 0 ? byTimeout : request.deadline();
    }

    private LlmTimeoutException timeout(int attempt, long start, long attemptDeadline) {
      String elapsed = Duration.ofNanos(attemptDeadline - start).toString();
      return attemptDeadline == request.deadline()
          ? new LlmTimeoutException(
              "the deadline passed during attempt " + attempt + " (after " + elapsed + ")")
          : new LlmTimeoutException(
              "attempt " + attempt + " exceeded the attempt timeout of " + elapsed);
    }
  }

  private static Optional<Duration> retryDelay(Throwable error) {
    if (error instanceof RateLimitedException rateLimited) {
      return rateLimited.retryDelay();
    }
    if (error instanceof QuotaExhaustedException quotaExhausted) {
      return quotaExhausted.retryDelay();
    }
    return Optional.empty();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}

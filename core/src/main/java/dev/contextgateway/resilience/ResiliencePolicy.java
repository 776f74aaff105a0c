package dev.contextgateway.resilience;

import dev.contextgateway.llm.LlmClient;
import dev.contextgateway.time.Scheduler;
import dev.contextgateway.time.ThreadLocalRandomSource;
import dev.contextgateway.time.Ticker;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Makes an {@link LlmClient} resilient. {@link #decorate} wraps a client so that every call goes
 * through, from the caller inward:
 *
 * <ol>
 *   <li><b>retry</b> with exponential backoff and full jitter, honouring the provider's retry
 *       delay, under a retry budget, never past the caller's deadline ({@link RetrySettings});
 *   <li><b>rate limiter</b>: requests and input tokens per minute, plus a pause shared by all
 *       callers after a 429 with a retry delay ({@link RateLimitSettings});
 *   <li><b>circuit breaker</b> ({@link CircuitBreakerSettings});
 *   <li><b>deadline</b>: each attempt ends at the caller's deadline (or the attempt timeout); the
 *       client's future is then cancelled and the attempt fails with {@link
 *       dev.contextgateway.llm.LlmTimeoutException};
 *   <li>the <b>call</b> to the decorated client.
 * </ol>
 *
 * <p>Each retry goes through the limiter and the breaker again. The limiter counts admissions: an
 * attempt the breaker then refuses has used its limiter tokens, which only ever makes the limiter
 * stricter. A call fails with the last
 * attempt's failure (an {@link dev.contextgateway.llm.LlmException} subclass, or {@link
 * CircuitOpenException}, or the limiter's {@link dev.contextgateway.llm.RateLimitedException}); it
 * never fails later than its deadline, give or take the scheduler's lateness.
 *
 * <h2>Sharing</h2>
 *
 * The limiter, the breaker and the retry budget belong to the policy: every client it decorates
 * shares them. Decorate the client of one provider quota with one policy; make one policy per
 * quota.
 *
 * <h2>Thread safety and blocking</h2>
 *
 * Thread-safe. Nothing blocks: waits (backoff, limiter, pause) are tasks on the injected {@link
 * Scheduler} handed to the injected executor, and all time is read from the injected {@link
 * Ticker}, which must be the one callers read their deadlines from. Cancelling a call's future
 * cancels whatever it is doing (a wait, which leaves the limiter queue, or the client's future) and
 * leaves no task scheduled.
 *
 * <p>The policy holds no thread or other resource; closing a decorated client closes the client it
 * decorates.
 */
public final class ResiliencePolicy {
  final Limiter limiter;
  final Breaker breaker;
  final RetryBudget budget;
  final RetrySettings retry;
  final Ticker ticker;
  final Scheduler scheduler;
  final Executor executor;
  final RandomGenerator random;
  final ResilienceListener listener;
  private final @Nullable RateLimitSettings rateLimit;
  private final CircuitBreakerSettings circuitBreaker;

  private ResiliencePolicy(Builder builder) {
    this.ticker = builder.ticker;
    this.scheduler = builder.scheduler;
    this.executor = builder.executor;
    this.random = builder.random;
    this.listener = new SafeListener(builder.listener);
    this.retry = builder.retry;
    this.rateLimit = builder.rateLimit;
    this.circuitBreaker = builder.circuitBreaker;
    this.limiter = new Limiter(builder.rateLimit, ticker, scheduler, executor, listener);
    this.breaker = new Breaker(builder.circuitBreaker, ticker, listener);
    this.budget = new RetryBudget(builder.retry, ticker);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client that calls {@code delegate} through this policy. Its {@code close()} closes {@code
   * delegate}.
   */
  public LlmClient decorate(LlmClient delegate) {
    return new ResilientLlmClient(this, Objects.requireNonNull(delegate, "delegate"));
  }

  /**
   * The circuit breaker's state. After the open wait it still reads {@link CircuitState#OPEN} until
   * the next call moves the breaker to half-open.
   */
  public CircuitState circuitState() {
    return breaker.state();
  }

  @Override
  public String toString() {
    return "ResiliencePolicy["
        + retry
        + ", "
        + (rateLimit == null ? "no rate limit" : rateLimit)
        + ", "
        + circuitBreaker
        + "]";
  }

  /**
   * Configures and builds a {@link ResiliencePolicy}. Not thread-safe.
   *
   * <table>
   *   <caption>Settings</caption>
   *   <tr><th>setting</th><th>default</th></tr>
   *   <tr><td>{@link #retry}</td><td>{@link RetrySettings#defaults()}</td></tr>
   *   <tr><td>{@link #rateLimit}</td><td>none: only the shared pause after a 429</td></tr>
   *   <tr><td>{@link #circuitBreaker}</td><td>{@link CircuitBreakerSettings#defaults()}</td></tr>
   *   <tr><td>{@link #listener}</td><td>none</td></tr>
   *   <tr><td>{@link #executor}</td><td>{@link ForkJoinPool#commonPool()}</td></tr>
   *   <tr><td>{@link #ticker}</td><td>{@link Ticker#system()}</td></tr>
   *   <tr><td>{@link #scheduler}</td><td>{@link Scheduler#system()}</td></tr>
   *   <tr><td>{@link #random}</td><td>a thread-local random source</td></tr>
   * </table>
   */
  public static final class Builder {
    private RetrySettings retry = RetrySettings.defaults();
    private @Nullable RateLimitSettings rateLimit;
    private CircuitBreakerSettings circuitBreaker = CircuitBreakerSettings.defaults();
    private ResilienceListener listener = new ResilienceListener() {};
    private Executor executor = ForkJoinPool.commonPool();
    private Ticker ticker = Ticker.system();
    private Scheduler scheduler = Scheduler.system();
    private RandomGenerator random = ThreadLocalRandomSource.INSTANCE;

    private Builder() {}

    public Builder retry(RetrySettings retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    public Builder rateLimit(RateLimitSettings rateLimit) {
      this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
      return this;
    }

    public Builder circuitBreaker(CircuitBreakerSettings circuitBreaker) {
      this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker");
      return this;
    }

    /** Observes the policy's events; see {@link ResilienceListener} for the threading rules. */
    public Builder listener(ResilienceListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Runs continuations after waits; {@code Runnable::run} runs them on the timer's thread. */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** The time line of deadlines, waits, buckets and the breaker. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** Fires waits and deadlines; must share the {@link #ticker}'s time line. */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Scheduler.guarded(scheduler);
      return this;
    }

    /** The jitter source; must be thread-safe. */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public ResiliencePolicy build() {
      return new ResiliencePolicy(this);
    }
  }

}

package dev.contextgateway.gateway;

import dev.contextgateway.internal.Checks;
import dev.contextgateway.llm.LlmClient;
import dev.contextgateway.resilience.CircuitBreakerSettings;
import dev.contextgateway.resilience.RateLimitSettings;
import dev.contextgateway.resilience.RetrySettings;
import dev.contextgateway.time.Scheduler;
import dev.contextgateway.time.ThreadLocalRandomSource;
import dev.contextgateway.time.Ticker;
import dev.contextgateway.workspace.FileDiscoverer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Configures and builds a {@link ContextGateway}. Not thread-safe; each setting is validated when
 * set, with a message naming the setting and the bad value.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>{@link #llmClient}</td><td>required; the gateway owns and closes it</td></tr>
 *   <tr><td>{@link #retry}, {@link #circuitBreaker}</td><td>their {@code defaults()}</td></tr>
 *   <tr><td>{@link #rateLimit}</td><td>none</td></tr>
 *   <tr><td>{@link #timeToLive}, {@link #staleWhileRevalidate}, {@link #staleIfError}</td>
 *       <td>10 min, 1 min, 1 h</td></tr>
 *   <tr><td>{@link #maximumCacheBytes}</td><td>64 MiB</td></tr>
 *   <tr><td>{@link #earlyRefreshBeta}</td><td>1.0</td></tr>
 *   <tr><td>{@link #discoveryTimeLimit}, {@link #llmTimeout}</td><td>5 s, 20 s</td></tr>
 *   <tr><td>{@link #maxSelectedFiles}, {@link #maxPromptTokens}</td><td>8, 16 000</td></tr>
 *   <tr><td>{@link #degradeLocally}</td><td>true</td></tr>
 *   <tr><td>{@link #watchWorkspaces}, {@link #maxWatchedWorkspaces}</td><td>true, 32</td></tr>
 *   <tr><td>{@link #maxSessions}, {@link #sessionIdleExpiry}</td><td>10 000, 30 min</td></tr>
 *   <tr><td>{@link #fileDiscoverer}</td><td>{@code FileDiscoverer.builder()} defaults</td></tr>
 *   <tr><td>{@link #executor}</td><td>a pool the gateway owns: 2 × cores daemon threads</td></tr>
 *   <tr><td>{@link #ticker}, {@link #scheduler}, {@link #random}</td><td>system ones</td></tr>
 * </table>
 */
public final class ContextGatewayBuilder {
  @Nullable LlmClient llmClient;
  RetrySettings retry = RetrySettings.defaults();
  CircuitBreakerSettings circuitBreaker = CircuitBreakerSettings.defaults();
  @Nullable RateLimitSettings rateLimit;
  Duration timeToLive = Duration.ofMinutes(10);
  Duration staleWhileRevalidate = Duration.ofMinutes(1);
  Duration staleIfError = Duration.ofHours(1);
  long maximumCacheBytes = 64L << 20;
  double earlyRefreshBeta = 1.0;
  Duration discoveryTimeLimit = Duration.ofSeconds(5);
  Duration llmTimeout = Duration.ofSeconds(20);
  int maxSelectedFiles = 8;
  int maxPromptTokens = 16_000;
  boolean degradeLocally = true;
  boolean watchWorkspaces = true;
  int maxWatchedWorkspaces = 32;
  long maxSessions = 10_000;
  Duration sessionIdleExpiry = Duration.ofMinutes(30);
  @Nullable FileDiscoverer fileDiscoverer;
  @Nullable Executor executor;
  Ticker ticker = Ticker.system();
  Scheduler scheduler = Scheduler.system();
  RandomGenerator random = ThreadLocalRandomSource.INSTANCE;

  ContextGatewayBuilder() {}

  /** The LLM behind the gateway, e.g. a {@code GeminiClient}; the gateway closes it on close. */
  public ContextGatewayBuilder llmClient(LlmClient llmClient) {
    this.llmClient = Objects.requireNonNull(llmClient, "llmClient");
    return this;
  }

  /** Retries of LLM calls. */
  public ContextGatewayBuilder retry(RetrySettings retry) {
    this.retry = Objects.requireNonNull(retry, "retry");
    return this;
  }

  /** The circuit breaker around LLM calls. */
  public ContextGatewayBuilder circuitBreaker(CircuitBreakerSettings circuitBreaker) {
    this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker");
    return this;
  }

  /** Client-side rate limits matching the provider's quota. */
  public ContextGatewayBuilder rateLimit(RateLimitSettings rateLimit) {
    this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
    return this;
  }

  /** How long a prepared context is fresh. */
  public ContextGatewayBuilder timeToLive(Duration timeToLive) {
    this.timeToLive = Checks.positive("timeToLive", timeToLive);
    return this;
  }

  /** How long past its time to live a context is served while one refresh runs; zero turns it off. */
  public ContextGatewayBuilder staleWhileRevalidate(Duration window) {
    this.staleWhileRevalidate = Checks.notNegative("staleWhileRevalidate", window);
    return this;
  }

  /** How long past its time to live a context is served when its regeneration fails; zero turns it off. */
  public ContextGatewayBuilder staleIfError(Duration window) {
    this.staleIfError = Checks.notNegative("staleIfError", window);
    return this;
  }

  /** The most bytes the cached contexts may take (estimated at two bytes a character). */
  public ContextGatewayBuilder maximumCacheBytes(long bytes) {
    this.maximumCacheBytes = Checks.positive("maximumCacheBytes", bytes);
    return this;
  }

  /** The cache's probabilistic early refresh; see {@code ContextCacheBuilder.earlyRefreshBeta}. */
  public ContextGatewayBuilder earlyRefreshBeta(double beta) {
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("earlyRefreshBeta must be finite and >= 0, was " + beta);
    }
    this.earlyRefreshBeta = beta;
    return this;
  }

  /** How long the walk of a workspace may take; the best files seen by then are used. */
  public ContextGatewayBuilder discoveryTimeLimit(Duration limit) {
    this.discoveryTimeLimit = Checks.positive("discoveryTimeLimit", limit);
    return this;
  }

  /**
   * How long the LLM step of one generation may take, retries included; past it the generation
   * degrades to the local ranking. Callers wait no longer than their own request timeout anyway.
   */
  public ContextGatewayBuilder llmTimeout(Duration timeout) {
    this.llmTimeout = Checks.positive("llmTimeout", timeout);
    return this;
  }

  /** How many files the LLM may select. */
  public ContextGatewayBuilder maxSelectedFiles(int files) {
    this.maxSelectedFiles = Checks.positive("maxSelectedFiles", files);
    return this;
  }

  /** The size of the selection prompt, in estimated tokens (4 characters each). */
  public ContextGatewayBuilder maxPromptTokens(int tokens) {
    if (tokens < 500) {
      throw new IllegalArgumentException("maxPromptTokens must be at least 500, was " + tokens);
    }
    this.maxPromptTokens = tokens;
    return this;
  }

  /**
   * Whether a failed LLM step, or one still running when the caller's timeout passes, is answered
   * with the locally ranked context (marked degraded) rather than the failure or a {@link
   * GatewayTimeoutException}; a stale context within its stale-if-error window comes first either
   * way.
   */
  public ContextGatewayBuilder degradeLocally(boolean degradeLocally) {
    this.degradeLocally = degradeLocally;
    return this;
  }

  /** Whether workspaces are watched, so that a file change invalidates their contexts at once. */
  public ContextGatewayBuilder watchWorkspaces(boolean watch) {
    this.watchWorkspaces = watch;
    return this;
  }

  /** The most workspaces watched at once; further ones are served unwatched. */
  public ContextGatewayBuilder maxWatchedWorkspaces(int workspaces) {
    this.maxWatchedWorkspaces = Checks.positive("maxWatchedWorkspaces", workspaces);
    return this;
  }

  /** The most sessions whose file usage is remembered. */
  public ContextGatewayBuilder maxSessions(long sessions) {
    this.maxSessions = Checks.positive("maxSessions", sessions);
    return this;
  }

  /** How long an idle session's usage is remembered. */
  public ContextGatewayBuilder sessionIdleExpiry(Duration expiry) {
    this.sessionIdleExpiry = Checks.positive("sessionIdleExpiry", expiry);
    return this;
  }

  /** A discoverer with other limits than the defaults; its ticker should be this builder's. */
  public ContextGatewayBuilder fileDiscoverer(FileDiscoverer discoverer) {
    this.fileDiscoverer = Objects.requireNonNull(discoverer, "fileDiscoverer");
    return this;
  }

  /**
   * Where generations (file discovery blocks on I/O here), callbacks and timers run, except the
   * callers' timeouts, which the {@link #scheduler} runs itself. An executor given here stays the
   * caller's; without one the gateway makes a pool and shuts it down on close.
   */
  public ContextGatewayBuilder executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /** The time source of every deadline, expiry and latency. */
  public ContextGatewayBuilder ticker(Ticker ticker) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    return this;
  }

  /** Fires timeouts and waits; must share the {@link #ticker}'s time line. */
  public ContextGatewayBuilder scheduler(Scheduler scheduler) {
    this.scheduler = Scheduler.guarded(scheduler);
    return this;
  }

  /** Randomness for jitter, early refresh and context ids; must be thread-safe. */
  public ContextGatewayBuilder random(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
    return this;
  }

  /**
   * Builds the gateway.
   *
   * @throws IllegalStateException if no {@link #llmClient} was set
   */
  public ContextGateway build() {
    if (llmClient == null) {
      throw new IllegalStateException("llmClient must be set");
    }
    return new ContextGateway(this);
  }

  FileDiscoverer discoverer() {
    FileDiscoverer given = fileDiscoverer;
    return given != null ? given : FileDiscoverer.builder().ticker(ticker).build();
  }
}

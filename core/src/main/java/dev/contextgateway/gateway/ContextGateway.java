package dev.contextgateway.gateway;

import dev.contextgateway.cache.CacheResult;
import dev.contextgateway.cache.CacheStats;
import dev.contextgateway.cache.CacheType;
import dev.contextgateway.cache.ContextCache;
import dev.contextgateway.llm.LlmClient;
import dev.contextgateway.metrics.CacheLookup;
import dev.contextgateway.metrics.DegradedMode;
import dev.contextgateway.metrics.DegradedReason;
import dev.contextgateway.metrics.GatewayMetrics;
import dev.contextgateway.resilience.CircuitState;
import dev.contextgateway.resilience.ResiliencePolicy;
import dev.contextgateway.session.RelevanceTracker;
import dev.contextgateway.time.Scheduler;
import dev.contextgateway.time.Ticker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Serves prepared LLM context: for a workspace and a query, the files that matter, selected and
 * summarised by the LLM, within a token budget; cached, shared between concurrent callers, and
 * degraded rather than failed when the LLM is unavailable.
 *
 * <h2>How a request is served</h2>
 *
 * <ol>
 *   <li>The request is checked (the workspace must be an existing folder) before any work.
 *   <li>The context is looked up in the cache by workspace, normalized query and token budget. A
 *       fresh context is served at once; a stale one within the stale-while-revalidate window is
 *       served at once while one refresh runs; otherwise the caller joins the one generation of
 *       that key in flight, or starts it.
 *   <li>A generation discovers candidate files locally (boosted by the requesting session's
 *       history), asks the LLM through the resilience policy (retry, rate limiter, circuit breaker,
 *       deadline) to select and summarise among them, and fits the selection into the budget.
 *   <li>When the LLM step fails (breaker open, quota exhausted, rate limited, timed out,
 *       unavailable, unusable answer), nothing is cached and the caller gets a stale context
 *       within the stale-if-error window, else the locally ranked context, both marked {@linkplain
 *       PreparedContext#degraded() degraded} with the reason.
 *   <li>When the caller's own timeout passes first, it gets a stale context if one is kept, else
 *       the local ranking of the generation in flight if it is ready (and local ranking is to be
 *       served, {@link ContextGatewayBuilder#degradeLocally}), else a {@link
 *       GatewayTimeoutException}; the generation goes on for later callers. No caller waits past its
 *       timeout, counted from its call (give or take the scheduler's lateness): the timeout fires
 *       on the scheduler's thread, so a busy executor does not delay it.
 * </ol>
 *
 * <p>Each workspace served is watched (up to a limit): a file change invalidates its contexts, and
 * a generation that started before the change does not install its result.
 *
 * <h2>Thread safety</h2>
 *
 * Thread-safe and non-blocking: {@link #prepareContext} returns at once; file I/O runs on the
 * gateway's executor. Cancelling a returned future abandons that caller's wait only. Make one
 * gateway per service and share it; {@link #close()} releases everything it owns.
 */
public final class ContextGateway implements AutoCloseable {
  private final ContextCache<ContextKey, GeneratedContext> cache;
  private final CacheType contextType;
  private final ContextGenerator generator;
  private final LlmClient llm;
  private final ResiliencePolicy policy;
  private final RelevanceTracker tracker;
  private final GatewayMetrics metrics;
  private final Watchers watchers;
  private final Executor executor;
  private final @Nullable ExecutorService ownedExecutor;
  private final Ticker ticker;
  private final Scheduler scheduler;
  private volatile boolean closed;

  ContextGateway(ContextGatewayBuilder settings) {
    this.ticker = settings.ticker;
    this.scheduler = settings.scheduler;
    Executor given = settings.executor;
    this.ownedExecutor = given == null ? ownedPool() : null;
    this.executor = given != null ? given : Objects.requireNonNull(ownedExecutor);
    this.tracker =
        RelevanceTracker.builder()
            .maxSessions(settings.maxSessions)
            .idleExpiry(settings.sessionIdleExpiry)
            .ticker(ticker)
            .executor(executor)
            .build();
    ResiliencePolicy[] policyRef = new ResiliencePolicy[1];
    this.metrics =
        GatewayMetrics.builder()
            .ticker(ticker)
            .breakerState(() -> MetricsListener.breakerState(policyRef[0].circuitState()))
            .build();
    ResiliencePolicy.Builder policyBuilder =
        ResiliencePolicy.builder()
            .retry(settings.retry)
            .circuitBreaker(settings.circuitBreaker)
            .listener(new MetricsListener(metrics))
            .executor(executor)
            .ticker(ticker)
            .scheduler(scheduler)
            .random(settings.random);
    if (settings.rateLimit != null) {
      policyBuilder.rateLimit(settings.rateLimit);
    }
    this.policy = policyBuilder.build();
    policyRef[0] = policy;
    this.llm = policy.decorate(Objects.requireNonNull(settings.llmClient));
    this.generator = new ContextGenerator(settings, llm, tracker, metrics);
    this.contextType =
        CacheType.of("prepared-context", settings.timeToLive)
            .withStaleWhileRevalidate(settings.staleWhileRevalidate)
            .withStaleIfError(settings.staleIfError);
    this.cache =
        ContextCache.builder()
            .types(contextType)
            .maximumBytes(settings.maximumCacheBytes)
            .weigher((ContextKey key, GeneratedContext context) -> context.estimatedBytes())
            .workspaceOf((ContextKey key) -> key.workspace())
            // The LLM step times out on its own and degrades; this only catches a stuck walk.
            .generationTimeout(settings.discoveryTimeLimit.plus(settings.llmTimeout).plusSeconds(5))
            .earlyRefreshBeta(settings.earlyRefreshBeta)
            .executor(executor)
            .ticker(ticker)
            .scheduler(scheduler)
            .random(settings.random)
            .build();
    this.watchers =
        new Watchers(
            settings.watchWorkspaces,
            settings.maxWatchedWorkspaces,
            this::invalidateFromWatcher,
            metrics,
            executor,
            ticker,
            scheduler);
  }

  /** A builder; see {@link ContextGatewayBuilder} for the settings and their defaults. */
  public static ContextGatewayBuilder builder() {
    return new ContextGatewayBuilder();
  }

  /**
   * Prepares context for {@code request}. The future completes within the request's timeout with
   * a context (possibly {@linkplain PreparedContext#degraded() degraded}), or fails with {@link
   * IllegalArgumentException} for a workspace that is not an existing folder, {@link
   * GatewayTimeoutException} when nothing was ready in time, or the generation's failure when the
   * workspace could not be read and nothing stale was kept.
   *
   * <p>A future that the caller's timeout completes is completed on the scheduler's thread, like
   * one of {@link CompletableFuture#orTimeout}: attach slow continuations with an {@code *Async}
   * method and an executor of your own.
   *
   * @throws IllegalStateException if the gateway is closed
   */
  public CompletableFuture<PreparedContext> prepareContext(ContextRequest request) {
    Objects.requireNonNull(request, "request");
    checkOpen();
    long start = ticker.read();
    metrics.recordRequest();
    Path workspace = request.workspace().toAbsolutePath().normalize();
    if (!Files.isDirectory(workspace)) {
      metrics.recordRequestFailed(ticker.read() - start);
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(
              "workspace must be an existing directory, was " + request.workspace()));
    }
    watchers.watch(workspace);
    ContextKey key = ContextKey.of(workspace, request);
    CompletableFuture<CacheResult<GeneratedContext>> lookup =
        cache.getOrGenerateResult(key, contextType, k -> generator.generate(k, request.session()));

    CompletableFuture<PreparedContext> response = new CompletableFuture<>();
    Future<?> timer = lookup.isDone() ? null : scheduleTimeout(key, request.timeout(), start, response);
    var unused =
        lookup.whenComplete(
            (result, failure) -> {
              recordLookup(result, failure);
              if (failure == null) {
                response.complete(serve(result));
              } else {
                completeFailed(response, unwrap(failure));
              }
            });
    var unusedBookkeeping =
        response.whenComplete(
            (context, failure) -> {
              if (timer != null) {
                timer.cancel(false);
              }
              long latency = ticker.read() - start;
              if (failure == null) {
                metrics.recordRequestSucceeded(latency);
                tracker.recordOffered(request.session(), context.id(), context.paths());
              } else {
                metrics.recordRequestFailed(latency);
              }
            });
    return response;
  }

  /**
   * Records that {@code session} used {@code usedFiles} (paths relative to the workspace) of the
   * context {@code contextId}, so that they rank higher in the session's next discoveries.
   */
  public void recordUsage(String session, String contextId, Collection<Path> usedFiles) {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(contextId, "contextId");
    Objects.requireNonNull(usedFiles, "usedFiles");
    checkOpen();
    tracker.recordUsed(session, contextId, usedFiles);
  }

  /** Drops every context of {@code workspace}, as a file change in it does. */
  public void invalidateWorkspace(Path workspace) {
    Objects.requireNonNull(workspace, "workspace");
    checkOpen();
    cache.invalidateWorkspace(workspace);
  }

  /** The gateway's live metrics (bind them to Micrometer with {@code GatewayMeterBinder}). */
  public GatewayMetrics metrics() {
    return metrics;
  }

  /** A snapshot of the context cache's statistics. */
  public CacheStats cacheStats() {
    return cache.stats();
  }

  /** The state of the circuit breaker in front of the LLM. */
  public CircuitState circuitState() {
    return policy.circuitState();
  }

  /** The relevance tracker fed by {@link #recordUsage}. */
  public RelevanceTracker relevanceTracker() {
    return tracker;
  }

  /**
   * Closes the gateway: watchers stop, generations in flight and waiting callers fail with {@link
   * IllegalStateException}, the LLM client is closed, and an executor the gateway made is shut
   * down. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    watchers.close();
    cache.close();
    llm.close();
    if (ownedExecutor != null) {
      ownedExecutor.shutdownNow();
      try {
        ownedExecutor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // ---------------------------------------------------------------- serving

  private PreparedContext serve(CacheResult<GeneratedContext> result) {
    GeneratedContext context = result.value();
    return switch (result.outcome()) {
      case HIT, GENERATED -> prepared(context, false, result.age(), null);
      case STALE -> prepared(context, true, result.age(), null);
      case STALE_ON_ERROR -> {
        DegradedReason reason = reasonOf(result.failure());
        metrics.recordDegraded(DegradedMode.STALE, reason);
        yield prepared(context, true, result.age(), reason);
      }
    };
  }

  /** A failed generation: the local ranking if it carries one, else the failure. */
  private void completeFailed(CompletableFuture<PreparedContext> response, Throwable failure) {
    if (failure instanceof DegradedGenerationException degraded) {
      metrics.recordDegraded(DegradedMode.LOCAL, degraded.reason());
      response.complete(prepared(degraded.local(), false, Duration.ZERO, degraded.reason()));
    } else {
      response.completeExceptionally(failure);
    }
  }

  /**
   * Arms the caller's timeout. It is counted from {@code start}, when the caller called, so that
   * time spent before the look-up returned counts. It runs on the scheduler's own thread, as the
   * JDK's {@code CompletableFuture.orTimeout} does, not on the executor: there it would queue
   * behind the generations (blocking file discovery) of a burst of new keys and end the caller's
   * wait that much late. {@link #onTimeout} only reads the cache and completes the future.
   */
  private Future<?> scheduleTimeout(
      ContextKey key, Duration timeout, long start, CompletableFuture<PreparedContext> response) {
    long remaining = Math.max(0, timeout.toNanos() - (ticker.read() - start));
    return scheduler.schedule(
        Runnable::run, () -> onTimeout(key, timeout, response), Duration.ofNanos(remaining));
  }

  /** The caller's timeout passed: serve what is kept or ready, else fail it; never wait longer. */
  private void onTimeout(ContextKey key, Duration timeout, CompletableFuture<PreparedContext> response) {
    if (response.isDone()) {
      return;
    }
    Optional<CacheResult<GeneratedContext>> kept =
        closed ? Optional.empty() : cache.getFallback(key, contextType);
    if (kept.isPresent()) {
      CacheResult<GeneratedContext> stale = kept.get();
      if (stale.outcome() == CacheResult.Outcome.HIT) {
        response.complete(prepared(stale.value(), false, stale.age(), null));
      } else if (!response.isDone()) {
        metrics.recordDegraded(DegradedMode.STALE, DegradedReason.DEADLINE);
        response.complete(prepared(stale.value(), true, stale.age(), DegradedReason.DEADLINE));
      }
      return;
    }
    Optional<GeneratedContext> local = generator.localRanking(key);
    if (local.isPresent()) {
      if (!response.isDone()) {
        metrics.recordDegraded(DegradedMode.LOCAL, DegradedReason.DEADLINE);
        response.complete(prepared(local.get(), false, Duration.ZERO, DegradedReason.DEADLINE));
      }
      return;
    }
    response.completeExceptionally(new GatewayTimeoutException(timeout));
  }

  private static PreparedContext prepared(
      GeneratedContext context, boolean stale, Duration age, @Nullable DegradedReason reason) {
    return new PreparedContext(
        context.id(),
        context.workspace(),
        context.files(),
        context.totalTokens(),
        context.source(),
        stale,
        age,
        reason);
  }

  private void recordLookup(
      @Nullable CacheResult<GeneratedContext> result, @Nullable Throwable failure) {
    if (result == null || failure != null) {
      metrics.recordCacheLookup(CacheLookup.MISS);
      return;
    }
    metrics.recordCacheLookup(
        switch (result.outcome()) {
          case HIT -> CacheLookup.HIT;
          case GENERATED -> CacheLookup.MISS;
          case STALE, STALE_ON_ERROR -> CacheLookup.STALE;
        });
  }

  private static DegradedReason reasonOf(@Nullable Throwable failure) {
    if (failure instanceof DegradedGenerationException degraded) {
      return degraded.reason();
    }
    return failure == null ? DegradedReason.OTHER : MetricsListener.degradedReason(failure);
  }

  private void invalidateFromWatcher(Path workspace) {
    if (!closed) {
      cache.invalidateWorkspace(workspace);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("ContextGateway is closed");
    }
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static ExecutorService ownedPool() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "context-gateway-worker-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return Executors.newFixedThreadPool(2 * Runtime.getRuntime().availableProcessors(), factory);
  }
}

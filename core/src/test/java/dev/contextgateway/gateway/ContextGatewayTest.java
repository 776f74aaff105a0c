package dev.contextgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contextgateway.llm.BadRequestException;
import dev.contextgateway.llm.QuotaExhaustedException;
import dev.contextgateway.llm.UnavailableException;
import dev.contextgateway.metrics.CacheLookup;
import dev.contextgateway.metrics.DegradedMode;
import dev.contextgateway.metrics.DegradedReason;
import dev.contextgateway.metrics.MetricsSnapshot;
import dev.contextgateway.resilience.CircuitBreakerSettings;
import dev.contextgateway.resilience.CircuitState;
import dev.contextgateway.resilience.RetrySettings;
import dev.contextgateway.time.FakeTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway on a fake LLM and fake time, generations run inline: single flight end to end,
 * caching, degraded modes, caller timeouts, bad requests and close.
 */
class ContextGatewayTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path workspace;
  private final FakeTime time = new FakeTime();
  private final FakeLlm llm = new FakeLlm();
  private ContextGateway gateway;

  @BeforeEach
  void writeWorkspace() throws IOException {
    write("src/SingleFlightCache.java", "class SingleFlightCache { /* single flight cache: one generation per key */ }");
    write("src/RateLimiter.java", "class RateLimiter { /* token bucket rate limiter */ }");
    write("docs/notes.md", "Notes about the cache and its single flight generation.");
    write(".git/config", "[core] single flight cache");
    gateway = builder().build();
  }

  @AfterEach
  void close() {
    gateway.close();
  }

  private ContextGatewayBuilder builder() {
    return ContextGateway.builder()
        .llmClient(llm)
        .retry(RetrySettings.none())
        .ticker(time)
        .scheduler(time)
        .executor(Runnable::run)
        .random(new SplittableRandom(7))
        .earlyRefreshBeta(0)
        .watchWorkspaces(false);
  }

  private void write(String relative, String content) throws IOException {
    Path file = workspace.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private ContextRequest request(String query) {
    return new ContextRequest(workspace, query, "session-1", 2_000, TIMEOUT);
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    try {
      future.join();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  void concurrentIdenticalRequests_shareOneGeneration_andOneLlmCall() {
    CompletableFuture<PreparedContext> first = gateway.prepareContext(request("single flight cache"));
    CompletableFuture<PreparedContext> second = gateway.prepareContext(request("single flight cache"));
    assertThat(llm.calls()).isEqualTo(1);
    assertThat(llm.request(0).prompt()).contains("src/SingleFlightCache.java").doesNotContain(".git");

    llm.answerSelecting("src/SingleFlightCache.java", "docs/notes.md");

    PreparedContext context = first.join();
    assertThat(second.join()).isEqualTo(context);
    assertThat(context.source()).isEqualTo(PreparedContext.Source.LLM);
    assertThat(context.degraded()).isFalse();
    assertThat(context.stale()).isFalse();
    assertThat(context.paths()).containsExactly(Path.of("src/SingleFlightCache.java"), Path.of("docs/notes.md"));
    assertThat(context.files().get(0).summary()).isEqualTo("About src/SingleFlightCache.java.");
    assertThat(context.files().get(0).excerpt()).contains("one generation per key");
  }

  @Test
  void laterRequest_isServedFromTheCache_evenWithOtherSpacingAndCase() {
    CompletableFuture<PreparedContext> first = gateway.prepareContext(request("single flight cache"));
    llm.answerSelecting("src/SingleFlightCache.java");
    String id = first.join().id();

    PreparedContext again = gateway.prepareContext(request("  Single   FLIGHT cache ")).join();

    assertThat(again.id()).isEqualTo(id);
    assertThat(llm.calls()).isEqualTo(1);
    MetricsSnapshot metrics = gateway.metrics().snapshot();
    assertThat(metrics.cacheLookups(CacheLookup.MISS)).isEqualTo(1);
    assertThat(metrics.cacheLookups(CacheLookup.HIT)).isEqualTo(1);
    assertThat(metrics.requestsSucceeded()).isEqualTo(2);
  }

  @Test
  void preparedContext_staysWithinTheTokenBudget() throws IOException {
    write("src/Big.java", "// single flight\n" + "x".repeat(20_000));
    ContextRequest small = new ContextRequest(workspace, "single flight", "s", 300, TIMEOUT);
    CompletableFuture<PreparedContext> future = gateway.prepareContext(small);
    llm.answerSelecting("src/Big.java", "src/SingleFlightCache.java");

    PreparedContext context = future.join();

    assertThat(context.totalTokens()).isLessThanOrEqualTo(300);
    assertThat(context.files()).hasSize(1);
    assertThat(context.files().get(0).truncated()).isTrue();
    assertThat(context.files().stream().mapToInt(ContextFile::tokens).sum()).isEqualTo(context.totalTokens());
  }

  @Test
  void llmUnavailable_servesTheLocalRanking_markedDegraded_andCachesNothing() {
    CompletableFuture<PreparedContext> future = gateway.prepareContext(request("single flight cache"));
    llm.fail(new UnavailableException("503 from provider", 503, null));

    PreparedContext context = future.join();
    assertThat(context.source()).isEqualTo(PreparedContext.Source.LOCAL);
    assertThat(context.degradedReason()).isEqualTo(DegradedReason.LLM_UNAVAILABLE);
    assertThat(context.paths()).first().isEqualTo(Path.of("src/SingleFlightCache.java"));
    assertThat(context.files()).allSatisfy(file -> assertThat(file.summary()).isEmpty());

    gateway.prepareContext(request("single flight cache"));
    assertThat(llm.calls()).as("nothing was cached: the next request asks the LLM again").isEqualTo(2);
    MetricsSnapshot metrics = gateway.metrics().snapshot();
    assertThat(metrics.degraded(DegradedMode.LOCAL, DegradedReason.LLM_UNAVAILABLE)).isEqualTo(1);
  }

  @Test
  void quotaExhausted_degrades_withoutRetrying() {
    gateway.close();
    gateway = builder().retry(RetrySettings.builder().maxAttempts(3).build()).build();
    CompletableFuture<PreparedContext> future = gateway.prepareContext(request("rate limiter"));
    llm.fail(new QuotaExhaustedException("daily quota", "GenerateRequestsPerDayPerProjectPerModel-FreeTier", null));

    assertThat(future.join().degradedReason()).isEqualTo(DegradedReason.QUOTA_EXHAUSTED);
    assertThat(llm.calls()).isEqualTo(1);
  }

  @Test
  void openBreaker_failsFastWithoutCallingTheLlm_andDegrades() {
    gateway.close();
    gateway =
        builder()
            .circuitBreaker(
                CircuitBreakerSettings.builder()
                    .slidingWindowSize(2)
                    .minimumNumberOfCalls(2)
                    .failureRateThreshold(50)
                    .permittedCallsInHalfOpenState(1)
                    .waitInOpenState(Duration.ofMinutes(1))
                    .build())
            .build();
    for (int i = 0; i < 2; i++) {
      CompletableFuture<PreparedContext> failing = gateway.prepareContext(request("query " + i));
      llm.fail(new UnavailableException("down", 503, null));
      assertThat(failing.join().degraded()).isTrue();
    }
    assertThat(gateway.circuitState()).isEqualTo(CircuitState.OPEN);

    PreparedContext context = gateway.prepareContext(request("single flight cache")).join();

    assertThat(llm.calls()).isEqualTo(2);
    assertThat(context.degradedReason()).isEqualTo(DegradedReason.BREAKER_OPEN);
    assertThat(context.source()).isEqualTo(PreparedContext.Source.LOCAL);
    assertThat(gateway.metrics().snapshot().breakerRejections()).isEqualTo(1);
  }

  @Test
  void unusableAnswer_degradesWithBadResponse() {
    CompletableFuture<PreparedContext> future = gateway.prepareContext(request("single flight cache"));
    llm.answer("I think the cache file is the most relevant.");

    assertThat(future.join().degradedReason()).isEqualTo(DegradedReason.LLM_BAD_RESPONSE);
  }

  @Test
  void answerNamingUnknownFiles_ignoresThem() {
    CompletableFuture<PreparedContext> future = gateway.prepareContext(request("single flight cache"));
    llm.answerSelecting("../../etc/passwd", "src/SingleFlightCache.java");

    assertThat(future.join().paths()).containsExactly(Path.of("src/SingleFlightCache.java"));
  }

  @Test
  void failedRegeneration_servesTheStaleContext_markedDegraded() {
    CompletableFuture<PreparedContext> first = gateway.prepareContext(request("single flight cache"));
    llm.answerSelecting("src/SingleFlightCache.java");
    String id = first.join().id();
    time.advance(Duration.ofMinutes(20)); // past time to live and stale-while-revalidate, within stale-if-error

    CompletableFuture<PreparedContext> second = gateway.prepareContext(request("single flight cache"));
    llm.fail(new UnavailableException("down", 500, null));

    PreparedContext stale = second.join();
    assertThat(stale.id()).isEqualTo(id);
    assertThat(stale.stale()).isTrue();
    assertThat(stale.source()).isEqualTo(PreparedContext.Source.LLM);
    assertThat(stale.degradedReason()).isEqualTo(DegradedReason.LLM_UNAVAILABLE);
    assertThat(stale.age()).isEqualTo(Duration.ofMinutes(20));
    assertThat(gateway.metrics().snapshot().degraded(DegradedMode.STALE, DegradedReason.LLM_UNAVAILABLE)).isEqualTo(1);
  }

  @Test
  void staleWithinRevalidateWindow_isServedAtOnce_whileOneRefreshRuns() {
    CompletableFuture<PreparedContext> first = gateway.prepareContext(request("single flight cache"));
    llm.answerSelecting("src/SingleFlightCache.java");
    first.join();
    time.advance(Duration.ofMinutes(10).plusSeconds(1));

    PreparedContext stale = gateway.prepareContext(request("single flight cache")).join();
    PreparedContext staleAgain = gateway.prepareContext(request("single flight cache")).join();

    assertThat(stale.stale()).isTrue();
    assertThat(stale.degraded()).isFalse();
    assertThat(staleAgain.stale()).isTrue();
    assertThat(llm.calls()).isEqualTo(2);
    llm.answerSelecting("docs/notes.md");
    PreparedContext refreshed = gateway.prepareContext(request("single flight cache")).join();
    assertThat(refreshed.stale()).isFalse();
    assertThat(refreshed.paths()).containsExactly(Path.of("docs/notes.md"));
  }

  @Test
  void callerTimeout_whileTheLlmIsSlow_servesTheLocalRankingAtTheDeadline() {
    ContextRequest impatient = new ContextRequest(workspace, "single flight cache", "s", 2_000, Duration.ofSeconds(2));
    CompletableFuture<PreparedContext> future = gateway.prepareContext(impatient);

    time.advance(Duration.ofMillis(1_999));
    assertThat(future).isNotDone();
    time.advance(Duration.ofMillis(1));

    PreparedContext context = future.join();
    assertThat(context.source()).isEqualTo(PreparedContext.Source.LOCAL);
    assertThat(context.degradedReason()).isEqualTo(DegradedReason.DEADLINE);
    assertThat(llm.last()).as("the generation goes on for later callers").isNotDone();

    llm.answerSelecting("src/SingleFlightCache.java");
    PreparedContext later = gateway.prepareContext(request("single flight cache")).join();
    assertThat(later.source()).isEqualTo(PreparedContext.Source.LLM);
    assertThat(llm.calls()).isEqualTo(1);
  }

  @Test
  void callerTimeout_withLocalRankingTurnedOff_failsWithGatewayTimeout_ratherThanServingIt() {
    gateway.close();
    gateway = builder().degradeLocally(false).build();
    CompletableFuture<PreparedContext> future =
        gateway.prepareContext(new ContextRequest(workspace, "single flight cache", "s", 2_000, Duration.ofSeconds(2)));

    time.advance(Duration.ofSeconds(2));

    assertThat(future).isDone();
    assertThat(failureOf(future)).isInstanceOf(GatewayTimeoutException.class);
    assertThat(gateway.metrics().snapshot().degraded()).isZero();
  }

  @Test
  void callerTimeout_withAStaleContextKept_servesIt() {
    CompletableFuture<PreparedContext> first = gateway.prepareContext(request("single flight cache"));
    llm.answerSelecting("src/SingleFlightCache.java");
    String id = first.join().id();
    time.advance(Duration.ofMinutes(20));

    CompletableFuture<PreparedContext> future =
        gateway.prepareContext(new ContextRequest(workspace, "single flight cache", "s", 2_000, Duration.ofSeconds(1)));
    time.advance(Duration.ofSeconds(1));

    PreparedContext context = future.join();
    assertThat(context.id()).isEqualTo(id);
    assertThat(context.stale()).isTrue();
    assertThat(context.degradedReason()).isEqualTo(DegradedReason.DEADLINE);
  }

  @Test
  void callerTimeout_beforeAnythingIsReady_failsWithGatewayTimeout() {
    gateway.close();
    List<Runnable> queued = new java.util.ArrayList<>();
    gateway = builder().executor(queued::add).build(); // generations never start on their own

    CompletableFuture<PreparedContext> future =
        gateway.prepareContext(new ContextRequest(workspace, "single flight cache", "s", 2_000, Duration.ofSeconds(1)));
    time.advance(Duration.ofSeconds(1));

    assertThat(future).isDone();
    assertThat(failureOf(future))
        .isInstanceOf(GatewayTimeoutException.class)
        .hasMessageStartingWith("no context ready within PT1S");
    assertThat(gateway.metrics().snapshot().requestsFailed()).isEqualTo(1);
  }

  @Test
  void callerTimeout_whileTheExecutorIsBackloggedWithGenerations_stillEndsTheWaitOnTime() {
    gateway.close();
    List<Runnable> backlog = new java.util.ArrayList<>();
    gateway = builder().executor(backlog::add).build(); // every worker busy: nothing queued runs

    CompletableFuture<PreparedContext> future =
        gateway.prepareContext(new ContextRequest(workspace, "single flight cache", "s", 2_000, Duration.ofSeconds(1)));
    time.advance(Duration.ofSeconds(1));

    assertThat(future).as("completed at the timeout without waiting for a worker").isDone();
    assertThat(failureOf(future)).isInstanceOf(GatewayTimeoutException.class);
  }

  @Test
  void callerTimeout_countsTheTimeSpentInsidePrepareContext() {
    gateway.close();
    List<Runnable> queued = new java.util.ArrayList<>();
    gateway =
        builder()
            .executor(
                task -> {
                  time.advance(Duration.ofMillis(400)); // handing the generation over is slow
                  queued.add(task);
                })
            .build();

    CompletableFuture<PreparedContext> future =
        gateway.prepareContext(new ContextRequest(workspace, "single flight cache", "s", 2_000, Duration.ofSeconds(1)));
    time.advance(Duration.ofMillis(599));
    assertThat(future).isNotDone();
    time.advance(Duration.ofMillis(1));

    assertThat(future).as("one second after prepareContext was called").isDone();
    assertThat(failureOf(future)).isInstanceOf(GatewayTimeoutException.class);
  }

  @Test
  void cancellingOneCaller_leavesTheSharedGenerationToTheOthers() {
    CompletableFuture<PreparedContext> cancelled = gateway.prepareContext(request("single flight cache"));
    CompletableFuture<PreparedContext> other = gateway.prepareContext(request("single flight cache"));

    cancelled.cancel(true);
    assertThat(llm.last()).isNotDone();
    llm.answerSelecting("src/SingleFlightCache.java");

    assertThat(other.join().source()).isEqualTo(PreparedContext.Source.LLM);
  }

  @Test
  void badRequests_failBeforeAnyWork() throws IOException {
    Path missing = workspace.resolve("missing");
    Path file = workspace.resolve("src/RateLimiter.java");

    assertThat(failureOf(gateway.prepareContext(new ContextRequest(missing, "q", "s", 10, TIMEOUT))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("workspace must be an existing directory, was " + missing);
    assertThat(failureOf(gateway.prepareContext(new ContextRequest(file, "q", "s", 10, TIMEOUT))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(llm.calls()).isZero();
    assertThat(gateway.cacheStats().total().lookups()).isZero();

    assertThatThrownBy(() -> new ContextRequest(workspace, " ", "s", 10, TIMEOUT))
        .hasMessage("query must not be blank, was ' '");
    assertThatThrownBy(() -> new ContextRequest(workspace, "q", "s", -1, TIMEOUT))
        .hasMessage("tokenBudget must be positive, was -1");
    assertThatThrownBy(() -> new ContextRequest(workspace, "q", "", 10, TIMEOUT))
        .hasMessage("session must not be blank, was ''");
    assertThatThrownBy(() -> new ContextRequest(workspace, "q", "s", 10, Duration.ZERO))
        .hasMessage("timeout must be positive, was PT0S");
    assertThatThrownBy(() -> new ContextRequest(null, "q", "s", 10, TIMEOUT)).hasMessage("workspace");
  }

  @Test
  void builder_rejectsBadSettingsNamingThem() {
    assertThatThrownBy(() -> ContextGateway.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("llmClient must be set");
    assertThatThrownBy(() -> ContextGateway.builder().llmTimeout(Duration.ZERO))
        .hasMessage("llmTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> ContextGateway.builder().staleIfError(Duration.ofSeconds(-1)))
        .hasMessage("staleIfError must not be negative, was PT-1S");
    assertThatThrownBy(() -> ContextGateway.builder().maximumCacheBytes(0))
        .hasMessage("maximumCacheBytes must be positive, was 0");
    assertThatThrownBy(() -> ContextGateway.builder().maxSelectedFiles(0))
        .hasMessage("maxSelectedFiles must be positive, was 0");
  }

  @Test
  void recordUsage_feedsTheSessionsRanking_andServedContextsAreRecordedAsOffered() {
    CompletableFuture<PreparedContext> future = gateway.prepareContext(request("cache"));
    llm.answerSelecting("docs/notes.md");
    PreparedContext context = future.join();
    assertThat(gateway.relevanceTracker().snapshot("session-1")).hasValueSatisfying(
        session -> assertThat(session.files()).containsKey(Path.of("docs/notes.md")));

    gateway.recordUsage("session-1", context.id(), List.of(Path.of("src/RateLimiter.java")));

    assertThat(gateway.relevanceTracker().boost("session-1", Path.of("src/RateLimiter.java")))
        .isGreaterThan(gateway.relevanceTracker().boost("session-1", Path.of("docs/notes.md")));
    gateway.invalidateWorkspace(workspace);
    gateway.prepareContext(request("cache"));
    String prompt = llm.request(1).prompt();
    assertThat(prompt.indexOf("src/RateLimiter.java"))
        .as("the used file now ranks first among the candidates")
        .isLessThan(prompt.indexOf("src/SingleFlightCache.java"));
  }

  @Test
  void close_closesTheLlm_failsWaitingCallers_andRejectsLaterCalls() {
    CompletableFuture<PreparedContext> waiting = gateway.prepareContext(request("single flight cache"));

    gateway.close();

    assertThat(llm.closed).isTrue();
    assertThat(failureOf(waiting)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> gateway.prepareContext(request("x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ContextGateway is closed");
    assertThatThrownBy(() -> gateway.recordUsage("s", "id", List.of())).isInstanceOf(IllegalStateException.class);
    assertThat(time.pendingTasks()).as("caller and generation timeouts cancelled").isZero();
  }

  @Test
  void badRequestFromTheProvider_degrades_andDoesNotOpenTheBreaker() {
    CompletableFuture<PreparedContext> future = gateway.prepareContext(request("single flight cache"));
    llm.fail(new BadRequestException("prompt too long", 400));

    assertThat(future.join().degradedReason()).isEqualTo(DegradedReason.OTHER);
    assertThat(gateway.circuitState()).isEqualTo(CircuitState.CLOSED);
  }

  /** Keeps generated ids stable in this test. */
  private static final class SplittableRandom implements RandomGenerator {
    private final java.util.SplittableRandom delegate;

    SplittableRandom(long seed) {
      this.delegate = new java.util.SplittableRandom(seed);
    }

    @Override
    public synchronized long nextLong() {
      return delegate.nextLong();
    }
  }
}

package dev.contextgateway.cache;

import static dev.contextgateway.cache.CacheTesting.CONTEXT;
import static dev.contextgateway.cache.CacheTesting.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.cache.CacheTesting.Key;
import dev.contextgateway.time.FakeTime;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** A failed generation (DESIGN.md I5) fails all its callers alike and caches nothing. */
class GenerationFailureTest {
  private final FakeTime time = new FakeTime();
  private final Key key = Key.of("a", "query");
  private final ContextCache<Key, String> cache = CacheTesting.builder(time).build();

  @Test
  void failedGeneration_failsEveryJoinedCaller_withTheSameCause() {
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();
    CompletableFuture<String> first = cache.getOrGenerate(key, CONTEXT, generator);
    CompletableFuture<String> second = cache.getOrGenerate(key, CONTEXT, generator);
    CompletableFuture<CacheResult<String>> third = cache.getOrGenerateResult(key, CONTEXT, generator);
    IOException cause = new IOException("backend down");

    generator.fail(cause);

    assertThat(failureOf(first)).isSameAs(cause);
    assertThat(failureOf(second)).isSameAs(cause);
    assertThat(failureOf(third)).isSameAs(cause);
    assertThat(second).failsWithin(java.time.Duration.ZERO)
        .withThrowableOfType(ExecutionException.class).withCause(cause);
  }

  @Test
  void failedGeneration_cachesNothing_andTheNextCallGeneratesAgain() {
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();
    CompletableFuture<String> failed = cache.getOrGenerate(key, CONTEXT, generator);
    generator.fail(new IOException("backend down"));
    assertThat(failed).isCompletedExceptionally();
    assertThat(cache.get(key, CONTEXT, true)).isEmpty();

    CompletableFuture<String> retried = cache.getOrGenerate(key, CONTEXT, generator);
    assertThat(generator.calls()).isEqualTo(2);
    generator.complete("v2");
    assertThat(retried.join()).isEqualTo("v2");

    TypeStats stats = cache.stats().of(CONTEXT);
    assertThat(stats.generations()).isEqualTo(2);
    assertThat(stats.generationFailures()).isEqualTo(1);
    assertThat(stats.entries()).isEqualTo(1);
  }

  @Test
  void generatorThrowingSynchronously_failsTheGeneration() {
    IllegalStateException boom = new IllegalStateException("boom");
    CompletableFuture<String> future =
        cache.getOrGenerate(
            key,
            CONTEXT,
            k -> {
              throw boom;
            });

    assertThat(failureOf(future)).isSameAs(boom);
    assertThat(cache.stats().of(CONTEXT).generationFailures()).isEqualTo(1);
    assertThat(cache.get(key, CONTEXT, true)).isEmpty();
  }

  @Test
  void generatorReturningNullStage_failsWithAClearMessage() {
    CompletableFuture<String> future = cache.getOrGenerate(key, CONTEXT, k -> null);

    assertThat(failureOf(future))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("generator returned a null stage");
  }

  @Test
  void generatorCompletingWithNull_failsWithAClearMessage() {
    CompletableFuture<String> future =
        cache.getOrGenerate(key, CONTEXT, k -> CompletableFuture.completedFuture(null));

    assertThat(failureOf(future))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("generator completed with null");
    assertThat(cache.get(key, CONTEXT, true)).isEmpty();
  }

  @Test
  void stageFailingWithCompletionException_isUnwrappedToItsCause() {
    IOException cause = new IOException("wrapped");
    CompletableFuture<String> wrapped = new CompletableFuture<>();
    CompletableFuture<String> future = cache.getOrGenerate(key, CONTEXT, k -> wrapped.thenApply(v -> v));
    wrapped.completeExceptionally(cause); // the dependent stage sees CompletionException(cause)

    assertThat(failureOf(future)).isSameAs(cause);
  }

  @Test
  void rejectedExecution_failsTheGeneration_andFreesTheKey() {
    java.util.concurrent.RejectedExecutionException rejected =
        new java.util.concurrent.RejectedExecutionException("queue full");
    ContextCache<Key, String> rejecting =
        CacheTesting.builder(time)
            .executor(
                task -> {
                  throw rejected;
                })
            .build();
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();

    CompletableFuture<String> future = rejecting.getOrGenerate(key, CONTEXT, generator);

    assertThat(failureOf(future)).isSameAs(rejected);
    assertThat(generator.calls()).isZero();
    assertThat(failureOf(rejecting.getOrGenerate(key, CONTEXT, generator))).isSameAs(rejected);
  }

  @Test
  void schedulerRefusingTheTimeout_failsTheGeneration_andFreesTheKey() {
    java.util.concurrent.RejectedExecutionException refused =
        new java.util.concurrent.RejectedExecutionException("scheduler shut down");
    ContextCache<Key, String> refusing =
        CacheTesting.builder(time)
            .generationTimeout(java.time.Duration.ofSeconds(1))
            .scheduler(
                (executor, task, delay) -> {
                  throw refused;
                })
            .build();
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();

    assertThat(failureOf(refusing.getOrGenerate(key, CONTEXT, generator))).isSameAs(refused);
    assertThat(failureOf(refusing.getOrGenerate(key, CONTEXT, generator))).isSameAs(refused);
    assertThat(generator.calls()).isZero();
  }
}

package dev.contextgateway.cache;

import static dev.contextgateway.cache.CacheTesting.CONTEXT;
import static dev.contextgateway.cache.CacheTesting.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.cache.CacheTesting.Key;
import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** One caller's cancel or timeout never cancels the shared generation (DESIGN.md I6). */
class WaiterIsolationTest {
  private final FakeTime time = new FakeTime();
  private final Key key = Key.of("a", "query");

  @Test
  void cancellingOneCaller_leavesTheGenerationToTheOthers() {
    ContextCache<Key, String> cache = CacheTesting.builder(time).build();
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();
    CompletableFuture<String> impatient = cache.getOrGenerate(key, CONTEXT, generator);
    CompletableFuture<String> patient = cache.getOrGenerate(key, CONTEXT, generator);

    assertThat(impatient.cancel(true)).isTrue();

    assertThat(generator.last()).isNotCancelled().isNotDone();
    generator.complete("v1");
    assertThat(patient.join()).isEqualTo("v1");
    assertThat(cache.get(key, CONTEXT, false)).isPresent();
  }

  @Test
  void cancellingEveryCaller_stillCompletesAndCachesTheGeneration() {
    ContextCache<Key, String> cache = CacheTesting.builder(time).build();
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();
    cache.getOrGenerate(key, CONTEXT, generator).cancel(false);
    cache.getOrGenerateResult(key, CONTEXT, generator).cancel(false);

    generator.complete("v1");

    assertThat(cache.get(key, CONTEXT, false)).hasValueSatisfying(r -> assertThat(r.value()).isEqualTo("v1"));
    assertThat(generator.calls()).isEqualTo(1);
  }

  @Test
  void oneCallerTimingOut_leavesTheGenerationToTheOthers() {
    ContextCache<Key, String> cache = CacheTesting.builder(time).build();
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();
    CompletableFuture<String> bounded = cache.getOrGenerate(key, CONTEXT, generator);
    CompletableFuture<String> other = cache.getOrGenerate(key, CONTEXT, generator);

    bounded.completeExceptionally(new TimeoutException("caller's own deadline"));

    assertThat(generator.last()).isNotDone();
    generator.complete("v1");
    assertThat(other.join()).isEqualTo("v1");
  }

  @Test
  void callerJoiningAfterAnotherCancelled_getsTheValue() {
    ContextCache<Key, String> cache = CacheTesting.builder(time).build();
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();
    cache.getOrGenerate(key, CONTEXT, generator).cancel(true);

    CompletableFuture<String> late = cache.getOrGenerate(key, CONTEXT, generator);
    generator.complete("v1");

    assertThat(late.join()).isEqualTo("v1");
    assertThat(generator.calls()).isEqualTo(1);
  }

  @Test
  void generationTimeout_failsAllWaiters_cancelsTheGenerator_andFreesTheKey() {
    ContextCache<Key, String> cache =
        CacheTesting.builder(time).generationTimeout(Duration.ofSeconds(30)).build();
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();
    CompletableFuture<String> first = cache.getOrGenerate(key, CONTEXT, generator);
    CompletableFuture<String> second = cache.getOrGenerate(key, CONTEXT, generator);

    time.advance(Duration.ofSeconds(29));
    assertThat(first).isNotDone();
    time.advance(Duration.ofSeconds(1));

    assertThat(failureOf(first))
        .isInstanceOf(GenerationTimeoutException.class)
        .hasMessage("generation did not complete within PT30S");
    assertThat(failureOf(second)).isSameAs(failureOf(first));
    assertThat(generator.call(0)).isCancelled();
    assertThat(cache.stats().of(CONTEXT).generationFailures()).isEqualTo(1);

    CompletableFuture<String> next = cache.getOrGenerate(key, CONTEXT, generator);
    assertThat(generator.calls()).isEqualTo(2);
    generator.complete("v2");
    assertThat(next.join()).isEqualTo("v2");
  }

  @Test
  void completedGeneration_cancelsItsTimeout() {
    ContextCache<Key, String> cache =
        CacheTesting.builder(time).generationTimeout(Duration.ofSeconds(30)).build();
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();
    CompletableFuture<String> future = cache.getOrGenerate(key, CONTEXT, generator);
    assertThat(time.pendingTasks()).isEqualTo(1);

    generator.complete("v1");

    assertThat(future.join()).isEqualTo("v1");
    assertThat(time.pendingTasks()).isZero();
    time.advance(Duration.ofMinutes(1));
    assertThat(cache.stats().of(CONTEXT).generationFailures()).isZero();
  }

  @Test
  void callerOrTimeout_onItsOwnFuture_doesNotTouchTheGeneration() throws Exception {
    ContextCache<Key, String> cache = CacheTesting.builder(time).build();
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();
    CompletableFuture<String> mine = cache.getOrGenerate(key, CONTEXT, generator);
    CompletableFuture<String> theirs = cache.getOrGenerate(key, CONTEXT, generator);

    // A caller's own future is a plain CompletableFuture: its own bounded wait fails only it.
    mine.completeOnTimeout("fallback", 0, TimeUnit.NANOSECONDS);
    assertThat(mine.get(10, TimeUnit.SECONDS)).isEqualTo("fallback");

    generator.complete("v1");
    assertThat(theirs.join()).isEqualTo("v1");
  }
}

package dev.contextgateway.cache;

import static dev.contextgateway.cache.CacheTesting.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.cache.CacheTesting.Key;
import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Single flight (DESIGN.md I1): one generator call per generation, whatever the concurrency. */
class SingleFlightTest {
  private final FakeTime time = new FakeTime();
  private final Key key = Key.of("a", "query");

  @Test
  void getOrGenerate_callersDuringGeneration_joinIt() {
    ContextCache<Key, String> cache = CacheTesting.builder(time).build();
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();

    CompletableFuture<String> first = cache.getOrGenerate(key, CONTEXT, generator);
    CompletableFuture<String> second = cache.getOrGenerate(key, CONTEXT, generator);
    CompletableFuture<String> third = cache.getOrGenerate(key, CONTEXT, generator);
    assertThat(generator.calls()).isEqualTo(1);
    assertThat(List.of(first, second, third)).noneMatch(CompletableFuture::isDone);

    generator.complete("v1");

    assertThat(List.of(first.join(), second.join(), third.join())).containsOnly("v1");
    assertThat(cache.getOrGenerate(key, CONTEXT, generator).join()).isEqualTo("v1");
    assertThat(generator.calls()).isEqualTo(1);
  }

  @Test
  void getOrGenerate_eachCaller_getsItsOwnFuture() {
    ContextCache<Key, String> cache = CacheTesting.builder(time).build();
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();

    CompletableFuture<String> first = cache.getOrGenerate(key, CONTEXT, generator);
    CompletableFuture<String> second = cache.getOrGenerate(key, CONTEXT, generator);

    assertThat(first).isNotSameAs(second);
    assertThat(first).isNotSameAs(generator.last());
  }

  @Test
  void getOrGenerate_differentKeys_generateIndependently() {
    ContextCache<Key, String> cache = CacheTesting.builder(time).build();
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();

    CompletableFuture<String> a = cache.getOrGenerate(Key.of("a", "1"), CONTEXT, generator);
    CompletableFuture<String> b = cache.getOrGenerate(Key.of("a", "2"), CONTEXT, generator);

    assertThat(generator.calls()).isEqualTo(2);
    generator.call(1).complete("two");
    generator.call(0).complete("one");
    assertThat(a.join()).isEqualTo("one");
    assertThat(b.join()).isEqualTo("two");
  }

  @Test
  void getOrGenerate_afterExpiry_generatesOncePerExpiry() {
    CacheType shortLived = CacheType.of("context", Duration.ofSeconds(10));
    ContextCache<Key, String> cache =
        CacheTesting.builder(time).types(shortLived).build();
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();

    for (int round = 1; round <= 3; round++) {
      List<CompletableFuture<String>> callers = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        callers.add(cache.getOrGenerate(key, shortLived, generator));
      }
      assertThat(generator.calls()).isEqualTo(round);
      generator.complete("v" + round);
      for (CompletableFuture<String> caller : callers) {
        assertThat(caller.join()).isEqualTo("v" + round);
      }
      time.advance(Duration.ofSeconds(10));
    }
  }

  /**
   * A timed-out generation leaves the key free; the late completion of the old generation must
   * neither remove the new generation's in-flight record nor install its value.
   */
  @Test
  void inFlightRecord_isRemovedOnlyByItsOwnGeneration() {
    ContextCache<Key, String> cache =
        CacheTesting.builder(time).generationTimeout(Duration.ofSeconds(5)).build();
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();

    CompletableFuture<String> old = cache.getOrGenerate(key, CONTEXT, generator);
    time.advance(Duration.ofSeconds(5));
    assertThat(CacheTesting.failureOf(old)).isInstanceOf(GenerationTimeoutException.class);

    CompletableFuture<String> current = cache.getOrGenerate(key, CONTEXT, generator);
    assertThat(generator.calls()).isEqualTo(2);

    generator.call(0).complete("late"); // the timed-out generation finishes after all
    CompletableFuture<String> joiner = cache.getOrGenerate(key, CONTEXT, generator);
    assertThat(generator.calls()).as("the new flight is still in place").isEqualTo(2);
    assertThat(cache.get(key, CONTEXT, true)).as("the late value is not installed").isEmpty();

    generator.call(1).complete("fresh");
    assertThat(current.join()).isEqualTo("fresh");
    assertThat(joiner.join()).isEqualTo("fresh");
    assertThat(cache.get(key, CONTEXT, false)).hasValueSatisfying(r -> assertThat(r.value()).isEqualTo("fresh"));
  }

  /**
   * The stress test: 64 threads released together on one expired key, many rounds; each
   * round must call the generator exactly once and give every thread that round's value.
   */
  @Test
  void getOrGenerate_64ThreadsOnOneExpiredKey_generateOncePerRound() throws Exception {
    int threads = 64;
    int rounds = 200;
    CacheType type = CacheType.of("context", Duration.ofSeconds(1));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    ExecutorService generators = Executors.newSingleThreadExecutor();
    try (ContextCache<Key, String> cache =
        CacheTesting.builder(time).types(type).executor(generators).build()) {
      AtomicInteger calls = new AtomicInteger();
      CountDownLatch[] release = new CountDownLatch[1];
      Generator<Key, String> generator =
          k -> {
            int call = calls.incrementAndGet();
            // Completes only when the round's callers have all arrived, so they all overlap it.
            return CompletableFuture.supplyAsync(
                () -> {
                  awaitQuietly(release[0]);
                  return "v" + call;
                },
                generators);
          };
      CyclicBarrier start = new CyclicBarrier(threads);
      for (int round = 1; round <= rounds; round++) {
        release[0] = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(threads);
        List<Future<String>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    CompletableFuture<String> value = cache.getOrGenerate(key, type, generator);
                    arrived.countDown();
                    return value.get(30, TimeUnit.SECONDS);
                  }));
        }
        assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
        release[0].countDown();
        for (Future<String> result : results) {
          assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("v" + round);
        }
        assertThat(calls.get()).as("generator calls after round %d", round).isEqualTo(round);
        time.advance(Duration.ofSeconds(1)); // the entry expires before the next round
      }
      assertThat(cache.stats().of(type).generations()).isEqualTo(rounds);
    } finally {
      pool.shutdownNow();
      generators.shutdownNow();
    }
  }

  /**
   * Generations that complete at once, while other callers are between their look-up and their
   * join: a caller that missed just before the value was installed must find it on its re-check
   * instead of starting a second generation.
   */
  @Test
  void getOrGenerate_racingACompletingGeneration_neverGeneratesTwice() throws Exception {
    int threads = 8;
    int rounds = 2_000;
    CacheType type = CacheType.of("context", Duration.ofSeconds(1));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (ContextCache<Key, String> cache = CacheTesting.builder(time).types(type).build()) {
      AtomicInteger calls = new AtomicInteger();
      Generator<Key, String> generator =
          k -> CompletableFuture.completedFuture("v" + calls.incrementAndGet());
      CyclicBarrier start = new CyclicBarrier(threads);
      for (int round = 1; round <= rounds; round++) {
        List<Future<String>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return cache.getOrGenerate(key, type, generator).get(30, TimeUnit.SECONDS);
                  }));
        }
        for (Future<String> result : results) {
          assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("v" + round);
        }
        time.advance(Duration.ofSeconds(1));
      }
      assertThat(calls.get()).isEqualTo(rounds);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("round was never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package dev.contextgateway.lincheck;

import dev.contextgateway.cache.CacheResult;
import dev.contextgateway.cache.CacheResult.Outcome;
import dev.contextgateway.cache.CacheType;
import dev.contextgateway.cache.ContextCache;
import dev.contextgateway.cache.ContextCacheBuilder;
import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.random.RandomGenerator;
import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Test;

/**
 * Properties the declarative tests cannot state, as imperative scenarios whose interleavings
 * Lincheck's model checker explores ({@code Lincheck.runConcurrentTest}): two callers and a thread
 * that completes or fails the pending generation race, then the test thread asserts. Generations
 * stay pending until a thread settles them ({@link PendingGenerator}); time is fake.
 *
 * <p>The cache counts hit ages in its own striped counters ({@code AgeCounts}), not in an
 * HdrHistogram {@code Recorder}, so a hit runs no {@code WriterReaderPhaser}, whose wait loop
 * Lincheck's model checker reports as a livelock; this API, unlike the declarative one, could not
 * leave it out of the analysis.
 */
class ContextCacheConcurrentScenariosTest {
  private static final int KEY = 1;

  private static ContextCacheBuilder<Object, Object> builder(FakeTime time, CacheType type) {
    return ContextCache.builder()
        .types(type)
        .executor(Runnable::run)
        .ticker(time)
        .scheduler(time)
        .earlyRefreshBeta(0);
  }

  /**
   * Stale-while-revalidate: stale hits in one stale period start one refresh between them, and
   * the value it completes with is kept (fresh) rather than lost to the stale entry.
   */
  @Test
  void staleHits_startOneRefresh_andKeepItsValue() {
    CacheType type =
        CacheType.of("context", Duration.ofNanos(100_000))
            .withStaleWhileRevalidate(Duration.ofSeconds(60));
    Lincheck.runConcurrentTest(
        LincheckOptions.scenarioInvocations(),
        () -> {
          FakeTime time = new FakeTime();
          ContextCache<Integer, String> cache = builder(time, type).build();
          PendingGenerator generator = new PendingGenerator();
          CompletableFuture<String> first = cache.getOrGenerate(KEY, type, generator);
          generator.completeNext("v1");
          Expect.that(first.join().equals("v1"), "populated with %s", first.join());
          time.advance(Duration.ofNanos(150_000)); // stale, within the window

          AtomicReferenceArray<CacheResult<String>> seen = new AtomicReferenceArray<>(2);
          Threads.runInParallel(
              () -> seen.set(0, cache.getOrGenerateResult(KEY, type, generator).join()),
              () -> seen.set(1, cache.getOrGenerateResult(KEY, type, generator).join()),
              () -> generator.completeNext("v2"));
          generator.completeAll("v2");

          Expect.that(
              generator.calls() == 2,
              "%s generations, not the first and one refresh",
              generator.calls());
          for (int i = 0; i < seen.length(); i++) {
            CacheResult<String> result = seen.get(i);
            Expect.that(
                result.outcome() == Outcome.STALE && result.value().equals("v1")
                    || result.outcome() == Outcome.HIT && result.value().equals("v2"),
                "caller %s got %s",
                i,
                result);
          }
          String kept = cache.get(KEY, type, false).map(CacheResult::value).orElse(null);
          Expect.that("v2".equals(kept), "fresh value after the refresh: %s", kept);
        });
  }

  /**
   * A failed generation fails every caller that joined it with the same exception, caches
   * nothing, and the next call generates again.
   */
  @Test
  void failedGeneration_failsEveryJoinedCaller_andCachesNothing() {
    CacheType type = CacheType.of("context", Duration.ofMinutes(10));
    Lincheck.runConcurrentTest(
        LincheckOptions.scenarioInvocations(),
        () -> {
          FakeTime time = new FakeTime();
          ContextCache<Integer, String> cache = builder(time, type).build();
          PendingGenerator generator = new PendingGenerator();

          AtomicReferenceArray<CompletableFuture<String>> callers = new AtomicReferenceArray<>(2);
          Threads.runInParallel(
              () -> callers.set(0, cache.getOrGenerate(KEY, type, generator)),
              () -> callers.set(1, cache.getOrGenerate(KEY, type, generator)),
              generator::failNext);
          generator.failAll();

          List<Throwable> injected = generator.failures();
          Expect.that(
              injected.size() == generator.calls(),
              "%s failures for %s generations",
              injected.size(),
              generator.calls());
          Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
          for (int i = 0; i < callers.length(); i++) {
            Throwable cause = failureOf(callers.get(i));
            Expect.that(
                injected.stream().anyMatch(failure -> failure == cause),
                "caller %s failed with %s, not a generation's exception",
                i,
                cause);
            seen.add(cause);
          }
          Expect.that(
              seen.size() == generator.calls(),
              "%s generations, %s distinct failures seen: a generation's failure reached no caller"
                  + " or callers of one generation saw different ones",
              generator.calls(),
              seen.size());
          Expect.that(cache.get(KEY, type, true).isEmpty(), "a failed generation was cached");

          CompletableFuture<String> next = cache.getOrGenerate(KEY, type, generator);
          int calls = generator.calls();
          generator.completeNext("v");
          Expect.that(
              calls == injected.size() + 1 && "v".equals(next.join()),
              "the next call did not generate again");
        });
  }

  /**
   * XFetch: fresh hits that each find an early refresh due start one background refresh between
   * them and never run two refreshes of the key at once.
   *
   * <p>The injected random source always draws 0.0, but under the model checker Lincheck answers
   * {@code RandomGenerator} calls itself (with its own seeded values) to keep runs reproducible. So
   * the hits come 1 ns before expiry of an entry whose generation took 1 s: the refresh
   * probability {@code exp(-1ns / (beta * 1s))} is 1 - 1e-9, due for any draw.
   */
  @Test
  void earlyRefresh_neverRunsTwoRefreshesOfOneKeyAtOnce() {
    CacheType type = CacheType.of("context", Duration.ofNanos(100_000));
    RandomGenerator alwaysDue = () -> 0L; // nextDouble() is 0.0
    Lincheck.runConcurrentTest(
        LincheckOptions.scenarioInvocations(),
        () -> {
          FakeTime time = new FakeTime();
          ContextCache<Integer, String> cache =
              builder(time, type).earlyRefreshBeta(1.0).random(alwaysDue).build();
          PendingGenerator generator = new PendingGenerator();
          CompletableFuture<String> first = cache.getOrGenerate(KEY, type, generator);
          time.advance(Duration.ofSeconds(1)); // the generation takes 1 s
          generator.completeNext("v1");
          Expect.that(first.join().equals("v1"), "populated with %s", first.join());
          time.advance(Duration.ofNanos(100_000).minusNanos(1)); // still fresh, for 1 ns

          AtomicReferenceArray<String> seen = new AtomicReferenceArray<>(2);
          Threads.runInParallel(
              () -> seen.set(0, cache.getOrGenerate(KEY, type, generator).join()),
              () -> seen.set(1, cache.getOrGenerate(KEY, type, generator).join()),
              () -> generator.completeNext("v2"));
          generator.completeAll("v2");

          Expect.that(
              generator.mostRunning() == 1,
              "%s generations of the key ran at once",
              generator.mostRunning());
          Expect.that(
              generator.calls() == 2,
              "%s generations, not the first and one refresh",
              generator.calls());
          for (int i = 0; i < seen.length(); i++) {
            Expect.that(
                "v1".equals(seen.get(i)) || "v2".equals(seen.get(i)),
                "caller %s got %s",
                i,
                seen.get(i));
          }
          String kept = cache.get(KEY, type, false).map(CacheResult::value).orElse(null);
          Expect.that("v2".equals(kept), "fresh value after the refresh: %s", kept);
        });
  }

  private static Throwable failureOf(CompletableFuture<String> future) {
    Throwable failure = future.handle((value, thrown) -> thrown).join();
    Expect.that(failure != null, "a caller's future did not fail: %s", future);
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }
}

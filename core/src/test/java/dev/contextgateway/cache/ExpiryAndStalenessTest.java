package dev.contextgateway.cache;

import static dev.contextgateway.cache.CacheTesting.CONTEXT;
import static dev.contextgateway.cache.CacheTesting.SUMMARY;
import static dev.contextgateway.cache.CacheTesting.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.cache.CacheResult.Outcome;
import dev.contextgateway.cache.CacheTesting.Key;
import dev.contextgateway.time.FakeTime;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Per-type time to live, stale-while-revalidate and stale-if-error. {@link CacheTesting#CONTEXT}
 * is fresh for 10 minutes, served stale for 1 more minute while refreshing, and kept 30 minutes
 * past its time to live as an answer to failures; {@link CacheTesting#SUMMARY} lives 5 minutes.
 */
class ExpiryAndStalenessTest {
  private final FakeTime time = new FakeTime();
  private final Key key = Key.of("a", "query");
  private final ContextCache<Key, String> cache = CacheTesting.builder(time).build();
  private final ScriptedGenerator<Key> generator = new ScriptedGenerator<>();

  private void populate(CacheType type, String value) {
    CompletableFuture<String> future = cache.getOrGenerate(key, type, generator);
    generator.complete(value);
    assertThat(future.join()).isEqualTo(value);
  }

  @Test
  void entry_isFreshUntilItsTypesTimeToLive() {
    populate(CONTEXT, "v1");
    time.advance(Duration.ofMinutes(10).minusNanos(1));

    CacheResult<String> result = cache.getOrGenerateResult(key, CONTEXT, generator).join();

    assertThat(result.outcome()).isEqualTo(Outcome.HIT);
    assertThat(result.age()).isEqualTo(Duration.ofMinutes(10).minusNanos(1));
    assertThat(result.isStale()).isFalse();
    assertThat(generator.calls()).isEqualTo(1);
  }

  @Test
  void timeToLive_isPerType() {
    populate(SUMMARY, "summary");
    time.advance(Duration.ofMinutes(5));

    CompletableFuture<CacheResult<String>> result = cache.getOrGenerateResult(key, SUMMARY, generator);

    assertThat(generator.calls()).as("SUMMARY expired after 5 minutes").isEqualTo(2);
    generator.complete("summary2");
    assertThat(result.join().outcome()).isEqualTo(Outcome.GENERATED);
  }

  @Test
  void staleWithinWindow_isServedAtOnce_andStartsOneBackgroundRefresh() {
    populate(CONTEXT, "v1");
    time.advance(Duration.ofMinutes(10));

    CacheResult<String> first = cache.getOrGenerateResult(key, CONTEXT, generator).join();
    CacheResult<String> second = cache.getOrGenerateResult(key, CONTEXT, generator).join();
    String third = cache.getOrGenerate(key, CONTEXT, generator).join();

    assertThat(first.value()).isEqualTo("v1");
    assertThat(first.outcome()).isEqualTo(Outcome.STALE);
    assertThat(first.isStale()).isTrue();
    assertThat(second.outcome()).isEqualTo(Outcome.STALE);
    assertThat(third).isEqualTo("v1");
    assertThat(generator.calls()).as("one refresh for all stale hits").isEqualTo(2);

    generator.complete("v2");
    CacheResult<String> refreshed = cache.getOrGenerateResult(key, CONTEXT, generator).join();
    assertThat(refreshed.value()).isEqualTo("v2");
    assertThat(refreshed.outcome()).isEqualTo(Outcome.HIT);

    TypeStats stats = cache.stats().of(CONTEXT);
    assertThat(stats.staleHits()).isEqualTo(3);
    assertThat(stats.refreshes()).isEqualTo(1);
    assertThat(stats.generations()).isEqualTo(2);
  }

  @Test
  void failedRefresh_keepsServingStale_andTheNextStaleHitRefreshesAgain() {
    populate(CONTEXT, "v1");
    time.advance(Duration.ofMinutes(10));
    assertThat(cache.getOrGenerate(key, CONTEXT, generator).join()).isEqualTo("v1");
    generator.fail(new IOException("down"));

    assertThat(cache.getOrGenerate(key, CONTEXT, generator).join()).isEqualTo("v1");
    assertThat(generator.calls()).isEqualTo(3);
    assertThat(cache.stats().of(CONTEXT).generationFailures()).isEqualTo(1);
  }

  @Test
  void pastStaleWindow_callersWaitForTheGeneration() {
    populate(CONTEXT, "v1");
    time.advance(Duration.ofMinutes(11));

    CompletableFuture<CacheResult<String>> result = cache.getOrGenerateResult(key, CONTEXT, generator);

    assertThat(result).isNotDone();
    generator.complete("v2");
    assertThat(result.join().value()).isEqualTo("v2");
    assertThat(result.join().outcome()).isEqualTo(Outcome.GENERATED);
    assertThat(result.join().age()).isEqualTo(Duration.ZERO);
  }

  @Test
  void failedGeneration_withStaleEntryInErrorWindow_servesStaleOnError() {
    populate(CONTEXT, "v1");
    time.advance(Duration.ofMinutes(20));

    CompletableFuture<CacheResult<String>> result = cache.getOrGenerateResult(key, CONTEXT, generator);
    CompletableFuture<String> plain = cache.getOrGenerate(key, CONTEXT, generator);
    generator.fail(new IOException("down"));

    assertThat(result.join().value()).isEqualTo("v1");
    assertThat(result.join().outcome()).isEqualTo(Outcome.STALE_ON_ERROR);
    assertThat(result.join().age()).isEqualTo(Duration.ofMinutes(20));
    assertThat(result.join().failureCause()).containsInstanceOf(IOException.class);
    assertThat(plain.join()).isEqualTo("v1");
    TypeStats stats = cache.stats().of(CONTEXT);
    assertThat(stats.staleOnError()).isEqualTo(2);
    assertThat(stats.misses()).isEqualTo(3);
  }

  @Test
  void failedGeneration_pastErrorWindow_fails() {
    populate(CONTEXT, "v1");
    time.advance(Duration.ofMinutes(40));
    IOException down = new IOException("down");

    CompletableFuture<String> result = cache.getOrGenerate(key, CONTEXT, generator);
    generator.fail(down);

    assertThat(failureOf(result)).isSameAs(down);
  }

  @Test
  void failedGeneration_afterTheStaleEntryWasInvalidated_failsInsteadOfServingIt() {
    populate(CONTEXT, "v1");
    time.advance(Duration.ofMinutes(20));
    IOException down = new IOException("down");
    CompletableFuture<String> result = cache.getOrGenerate(key, CONTEXT, generator);

    cache.invalidate(key);
    generator.fail(down);

    assertThat(failureOf(result)).isSameAs(down);
  }

  @Test
  void entriesLeaveTheStore_afterTheLaterOfTheirWindows() {
    populate(CONTEXT, "v1");
    time.advance(Duration.ofMinutes(40));
    cache.cleanUp();

    TypeStats stats = cache.stats().of(CONTEXT);
    assertThat(stats.entries()).isZero();
    assertThat(stats.removals(RemovalCause.EXPIRED)).isEqualTo(1);
  }

  @Test
  void get_withoutAllowStale_ignoresStaleEntries_andStartsNoRefresh() {
    populate(CONTEXT, "v1");
    time.advance(Duration.ofMinutes(10).plusSeconds(1));

    assertThat(cache.get(key, CONTEXT, false)).isEmpty();
    assertThat(cache.get(key, CONTEXT, true))
        .hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(Outcome.STALE));
    assertThat(generator.calls()).isEqualTo(1);
    TypeStats stats = cache.stats().of(CONTEXT);
    assertThat(stats.misses()).isEqualTo(2); // the populating call and the strict get
    assertThat(stats.staleHits()).isEqualTo(1);
  }

  @Test
  void getFallback_servesWhateverAFailedCallerMayUse_withoutCountingALookup() {
    populate(CONTEXT, "v1");
    long lookups = cache.stats().of(CONTEXT).lookups();

    assertThat(cache.getFallback(key, CONTEXT)).hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(Outcome.HIT));
    time.advance(Duration.ofMinutes(10));
    assertThat(cache.getFallback(key, CONTEXT)).hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(Outcome.STALE));
    time.advance(Duration.ofMinutes(5));
    assertThat(cache.getFallback(key, CONTEXT))
        .hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(Outcome.STALE_ON_ERROR));
    time.advance(Duration.ofMinutes(30));
    assertThat(cache.getFallback(key, CONTEXT)).isEmpty();

    TypeStats stats = cache.stats().of(CONTEXT);
    assertThat(stats.lookups()).isEqualTo(lookups);
    assertThat(stats.staleOnError()).isEqualTo(1);
    assertThat(generator.calls()).isEqualTo(1);
  }

  /** With one type, every entry has the same lifetime and the store uses a fixed write expiry. */
  @Test
  void singleType_entriesLiveUntilTheLaterWindowEnds_thenExpire() {
    ContextCache<Key, String> single = CacheTesting.builder(time).types(CONTEXT).build();
    single.put(key, CONTEXT, "v1");

    time.advance(Duration.ofMinutes(40).minusNanos(1)); // time to live + stale-if-error, less 1 ns
    single.cleanUp();
    assertThat(single.getFallback(key, CONTEXT))
        .hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(Outcome.STALE_ON_ERROR));
    assertThat(single.stats().of(CONTEXT).entries()).isEqualTo(1);

    time.advance(Duration.ofNanos(1));
    single.cleanUp();
    assertThat(single.getFallback(key, CONTEXT)).isEmpty();
    assertThat(single.stats().of(CONTEXT).entries()).isZero();
    assertThat(single.stats().of(CONTEXT).removals(RemovalCause.EXPIRED)).isEqualTo(1);
  }
}

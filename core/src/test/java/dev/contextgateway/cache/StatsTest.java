package dev.contextgateway.cache;

import static dev.contextgateway.cache.CacheTesting.CONTEXT;
import static dev.contextgateway.cache.CacheTesting.SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.cache.CacheTesting.Key;
import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Exact statistics per type (DESIGN.md I3) and the age-at-hit histogram. */
class StatsTest {
  private final FakeTime time = new FakeTime();

  @Test
  void concurrentHitsAndMisses_areCountedExactlyPerType() throws Exception {
    int threads = 8;
    int perThread = 20_000;
    ContextCache<Key, String> cache = CacheTesting.builder(time).build();
    Key present = Key.of("a", "present");
    cache.put(present, CONTEXT, "v");
    Key absent = Key.of("a", "absent");
    CacheTesting.concurrently(
        threads,
        thread -> {
          for (int i = 0; i < perThread; i++) {
            cache.get(present, CONTEXT, false); // hit, counted under CONTEXT
            cache.get(absent, SUMMARY, false); // miss, counted under SUMMARY
          }
        });

    CacheStats stats = cache.stats();
    long expected = (long) threads * perThread;
    assertThat(stats.of(CONTEXT).hits()).isEqualTo(expected);
    assertThat(stats.of(CONTEXT).misses()).isZero();
    assertThat(stats.of(SUMMARY).misses()).isEqualTo(expected);
    assertThat(stats.of(SUMMARY).hits()).isZero();
    assertThat(stats.total().lookups()).isEqualTo(2 * expected);
    assertThat(stats.of(CONTEXT).ageAtHitMicros().getTotalCount()).isEqualTo(expected);
  }

  @Test
  void everyLookup_isExactlyOneOfHitStaleHitOrMiss() {
    ContextCache<Key, String> cache = CacheTesting.builder(time).build();
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();
    Key key = Key.of("a", "k");

    CompletableFuture<String> miss = cache.getOrGenerate(key, CONTEXT, generator); // miss
    cache.getOrGenerate(key, CONTEXT, generator); // miss, joins
    generator.complete("v1");
    miss.join();
    cache.getOrGenerate(key, CONTEXT, generator).join(); // hit
    cache.get(key, CONTEXT, false); // hit
    time.advance(Duration.ofMinutes(10));
    cache.getOrGenerate(key, CONTEXT, generator).join(); // stale hit, starts refresh
    cache.get(key, CONTEXT, true); // stale hit
    cache.get(key, CONTEXT, false); // miss

    TypeStats stats = cache.stats().of(CONTEXT);
    assertThat(stats.hits()).isEqualTo(2);
    assertThat(stats.staleHits()).isEqualTo(2);
    assertThat(stats.misses()).isEqualTo(3);
    assertThat(stats.lookups()).isEqualTo(7);
    assertThat(stats.generations()).isEqualTo(2);
    assertThat(stats.refreshes()).isEqualTo(1);
  }

  @Test
  void ageAtHit_recordsTheEntrysAgeInMicroseconds() {
    ContextCache<Key, String> cache = CacheTesting.builder(time).build();
    Key key = Key.of("a", "k");
    cache.put(key, CONTEXT, "v");

    time.advance(Duration.ofSeconds(1));
    cache.get(key, CONTEXT, false);
    time.advance(Duration.ofSeconds(2));
    cache.get(key, CONTEXT, false);

    Histogram ages = cache.stats().of(CONTEXT).ageAtHitMicros();
    assertThat(ages.getTotalCount()).isEqualTo(2);
    assertThat(ages.getMinValue()).isBetween(950_000L, 1_050_000L); // within 5 %
    assertThat(ages.getMaxValue()).isBetween(2_850_000L, 3_150_000L);
  }

  @Test
  void snapshots_areImmutable_andAccumulate() {
    ContextCache<Key, String> cache = CacheTesting.builder(time).build();
    Key key = Key.of("a", "k");
    cache.put(key, CONTEXT, "v");
    cache.get(key, CONTEXT, false);

    CacheStats first = cache.stats();
    first.of(CONTEXT).ageAtHitMicros().reset(); // changing a copy changes nothing
    cache.get(key, CONTEXT, false);
    CacheStats second = cache.stats();

    assertThat(first.of(CONTEXT).hits()).isEqualTo(1);
    assertThat(first.of(CONTEXT).ageAtHitMicros().getTotalCount()).isEqualTo(1);
    assertThat(second.of(CONTEXT).hits()).isEqualTo(2);
    assertThat(second.of(CONTEXT).ageAtHitMicros().getTotalCount()).isEqualTo(2);
    assertThat(second.byType()).containsOnlyKeys("context", "summary");
  }

  @Test
  void total_isTheSumOverTypes() {
    ContextCache<Key, String> cache = CacheTesting.builder(time).build();
    cache.put(Key.of("a", "1"), CONTEXT, "v");
    cache.put(Key.of("a", "2"), SUMMARY, "v");
    cache.get(Key.of("a", "1"), CONTEXT, false);
    cache.get(Key.of("a", "2"), SUMMARY, false);
    cache.get(Key.of("a", "3"), SUMMARY, false);

    CacheStats stats = cache.stats();
    assertThat(stats.total().entries()).isEqualTo(2);
    assertThat(stats.total().hits()).isEqualTo(2);
    assertThat(stats.total().misses()).isEqualTo(1);
    assertThat(stats.total().ageAtHitMicros().getTotalCount()).isEqualTo(2);
  }
}

package dev.contextgateway.cache;

import static dev.contextgateway.cache.CacheTesting.CONTEXT;
import static dev.contextgateway.cache.CacheTesting.SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.cache.CacheTesting.Key;
import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Entry and byte bounds, rejection of oversized values, and exact accounting (DESIGN.md I4):
 * after maintenance, per-type and total entries and bytes equal the sums over present entries.
 */
class BoundsAndAccountingTest {
  private final FakeTime time = new FakeTime();

  /** Values weigh their length in bytes. */
  private ContextCacheBuilder<Key, String> byteBounded(long maximumBytes) {
    return CacheTesting.builder(time)
        .maximumBytes(maximumBytes)
        .weigher((Key key, String value) -> value.length());
  }

  private static String bytes(int n) {
    return "x".repeat(n);
  }

  /** Recomputes what the counters should say from the entries actually present. */
  private static void assertAccountingMatchesPresentEntries(
      ContextCache<Key, String> cache, List<Key> keys) {
    cache.cleanUp();
    CacheStats stats = cache.stats();
    for (CacheType type : List.of(CONTEXT, SUMMARY)) {
      long entries = 0;
      long bytes = 0;
      for (Key key : keys) {
        // A fresh-or-stale look-up with stale allowed sees every entry present in these tests.
        var present = ((DefaultContextCache<Key, String>) cache).peekForTest(key);
        if (present != null && present.type.type.equals(type)) {
          entries++;
          bytes += present.bytes;
        }
      }
      assertThat(stats.of(type).entries()).as("%s entries", type.name()).isEqualTo(entries);
      assertThat(stats.of(type).bytes()).as("%s bytes", type.name()).isEqualTo(bytes);
    }
  }

  @Test
  void maximumEntries_evictsBeyondTheBound() {
    ContextCache<Key, String> cache = CacheTesting.builder(time).maximumEntries(10).build();
    for (int i = 0; i < 50; i++) {
      cache.put(Key.of("a", "k" + i), CONTEXT, "v" + i);
    }
    cache.cleanUp();

    TypeStats stats = cache.stats().of(CONTEXT);
    assertThat(stats.entries()).isEqualTo(10);
    assertThat(stats.removals(RemovalCause.SIZE)).isEqualTo(40);
    assertThat(stats.evictions()).isEqualTo(40);
  }

  @Test
  void maximumBytes_keepsTotalBytesWithinTheBound() {
    ContextCache<Key, String> cache = byteBounded(1_000).build();
    for (int i = 0; i < 100; i++) {
      cache.put(Key.of("a", "k" + i), i % 2 == 0 ? CONTEXT : SUMMARY, bytes(10 + i));
    }
    cache.cleanUp();

    CacheStats stats = cache.stats();
    assertThat(stats.total().bytes()).isLessThanOrEqualTo(1_000).isPositive();
    assertThat(stats.total().removals(RemovalCause.SIZE)).isPositive();
    assertThat(stats.total().entries())
        .isEqualTo(stats.of(CONTEXT).entries() + stats.of(SUMMARY).entries());
  }

  @Test
  void bothBounds_holdTogether() {
    ContextCache<Key, String> cache = byteBounded(1_000).maximumEntries(10).build();
    for (int i = 0; i < 100; i++) {
      cache.put(Key.of("a", "k" + i), CONTEXT, bytes(1)); // tiny values: the entry bound binds
    }
    for (int i = 0; i < 100; i++) {
      cache.put(Key.of("b", "k" + i), CONTEXT, bytes(300)); // large values: the byte bound binds
    }
    cache.cleanUp();

    TypeStats stats = cache.stats().of(CONTEXT);
    assertThat(stats.entries()).isLessThanOrEqualTo(10);
    assertThat(stats.bytes()).isLessThanOrEqualTo(1_000);
  }

  @Test
  void valueHeavierThanTheBound_isReturnedButNotCached_andCountedAsRejected() {
    ContextCache<Key, String> cache = byteBounded(100).build();
    Key key = Key.of("a", "big");
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();

    CompletableFuture<String> first = cache.getOrGenerate(key, CONTEXT, generator);
    CompletableFuture<String> joined = cache.getOrGenerate(key, CONTEXT, generator);
    generator.complete(bytes(101));

    assertThat(first.join()).hasSize(101);
    assertThat(joined.join()).hasSize(101);
    assertThat(cache.get(key, CONTEXT, true)).isEmpty();
    TypeStats stats = cache.stats().of(CONTEXT);
    assertThat(stats.rejections()).isEqualTo(1);
    assertThat(stats.entries()).isZero();
    assertThat(stats.bytes()).isZero();
  }

  @Test
  void heavyPut_replacesTheOlderEntry_insteadOfLeavingItBehind() {
    ContextCache<Key, String> cache = byteBounded(100).build();
    Key key = Key.of("a", "k");
    cache.put(key, CONTEXT, bytes(10));

    cache.put(key, CONTEXT, bytes(500));

    assertThat(cache.get(key, CONTEXT, true)).isEmpty();
    TypeStats stats = cache.stats().of(CONTEXT);
    assertThat(stats.rejections()).isEqualTo(1);
    assertThat(stats.removals(RemovalCause.REPLACED)).isEqualTo(1);
    assertThat(stats.bytes()).isZero();
  }

  @Test
  void replacingAnEntry_countsTheOldOneOutAndTheNewOneIn() {
    ContextCache<Key, String> cache = byteBounded(10_000).build();
    Key key = Key.of("a", "k");
    cache.put(key, CONTEXT, bytes(10));
    cache.put(key, SUMMARY, bytes(30));

    CacheStats stats = cache.stats();
    assertThat(stats.of(CONTEXT).entries()).isZero();
    assertThat(stats.of(CONTEXT).bytes()).isZero();
    assertThat(stats.of(CONTEXT).removals(RemovalCause.REPLACED)).isEqualTo(1);
    assertThat(stats.of(SUMMARY).entries()).isEqualTo(1);
    assertThat(stats.of(SUMMARY).bytes()).isEqualTo(30);
  }

  @Test
  void expiredEntryReplacedBeforeMaintenance_isCountedOutOnce() {
    ContextCache<Key, String> cache = byteBounded(10_000).build();
    Key key = Key.of("a", "k");
    cache.put(key, SUMMARY, bytes(10));
    time.advance(Duration.ofMinutes(6)); // expired, maintenance has not run

    cache.put(key, SUMMARY, bytes(20));
    cache.invalidate(Key.of("a", "absent"));

    assertAccountingMatchesPresentEntries(cache, List.of(key));
    TypeStats stats = cache.stats().of(SUMMARY);
    assertThat(stats.removals(RemovalCause.EXPIRED) + stats.removals(RemovalCause.REPLACED))
        .isEqualTo(1);
  }

  @Test
  void expiredEntryInvalidatedBeforeMaintenance_isCountedOutOnce() {
    ContextCache<Key, String> cache = byteBounded(10_000).build();
    Key key = Key.of("a", "k");
    cache.put(key, SUMMARY, bytes(10));
    time.advance(Duration.ofMinutes(6));

    cache.invalidate(key);

    assertAccountingMatchesPresentEntries(cache, List.of(key));
    assertThat(cache.stats().of(SUMMARY).removals().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(1);
  }

  /**
   * Many threads putting, generating, invalidating and letting entries expire over few keys with
   * a tight byte bound; at quiescence the counters must equal the sums over what is present.
   */
  @Test
  void concurrentChurn_atQuiescence_countersEqualPresentEntries() throws Exception {
    int threads = 8;
    ContextCache<Key, String> cache = byteBounded(2_000).maximumEntries(40).build();
    List<Key> keys = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      keys.add(Key.of(i % 4 == 0 ? "b" : "a", "k" + i));
    }
    CacheTesting.concurrently(
        threads,
        thread -> {
          ThreadLocalRandom random = ThreadLocalRandom.current();
          for (int i = 0; i < 5_000; i++) {
            if (thread == 0 && i % 50 == 0) {
              time.advance(Duration.ofMinutes(2)); // entries expire during the churn
            }
            Key key = keys.get(random.nextInt(keys.size()));
            CacheType type = random.nextBoolean() ? CONTEXT : SUMMARY;
            switch (random.nextInt(6)) {
              case 0, 1 -> cache.put(key, type, bytes(1 + random.nextInt(120)));
              case 2 ->
                  cache.getOrGenerate(
                      key, type, k -> CompletableFuture.completedFuture(bytes(1 + random.nextInt(120))));
              case 3 -> cache.invalidate(key);
              case 4 -> {
                if (thread == 0 && i % 500 == 0) {
                  cache.invalidateWorkspace(key.workspace());
                } else {
                  cache.get(key, type, true);
                }
              }
              default -> cache.get(key, type, false);
            }
          }
        });

    assertAccountingMatchesPresentEntries(cache, keys);
    CacheStats stats = cache.stats();
    assertThat(stats.total().entries()).isLessThanOrEqualTo(40);
    assertThat(stats.total().bytes()).isLessThanOrEqualTo(2_000);
  }
}

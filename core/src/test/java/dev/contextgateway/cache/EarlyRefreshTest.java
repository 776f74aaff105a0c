package dev.contextgateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.cache.CacheTesting.Key;
import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Probabilistic early refresh (XFetch): a fresh hit refreshes with probability
 * {@code exp(-remaining / (beta * generationTime))}, decided by the injected random source.
 */
class EarlyRefreshTest {
  private static final CacheType TYPE = CacheType.of("context", Duration.ofSeconds(60));

  private final FakeTime time = new FakeTime();
  private final Key key = Key.of("a", "query");
  private final ScriptedRandom random = new ScriptedRandom();
  private final ScriptedGenerator<Key> generator = new ScriptedGenerator<>();

  private ContextCache<Key, String> cache(double beta) {
    return CacheTesting.builder(time).types(TYPE).earlyRefreshBeta(beta).random(random).build();
  }

  /** Populates the key with a generation that took {@code generationTime}. */
  private void populate(ContextCache<Key, String> cache, Duration generationTime) {
    CompletableFuture<String> future = cache.getOrGenerate(key, TYPE, generator);
    time.advance(generationTime);
    generator.complete("v1");
    future.join();
  }

  @Test
  void freshHit_drawBelowProbability_startsOneBackgroundRefresh() {
    ContextCache<Key, String> cache = cache(1.0);
    populate(cache, Duration.ofSeconds(2));
    time.advance(Duration.ofSeconds(58)); // 2 s left = one generation time: p = e^-1 ≈ 0.368

    random.next(0.30);
    CacheResult<String> result = cache.getOrGenerateResult(key, TYPE, generator).join();

    assertThat(result.outcome()).isEqualTo(CacheResult.Outcome.HIT);
    assertThat(result.value()).isEqualTo("v1");
    assertThat(generator.calls()).isEqualTo(2);
    assertThat(cache.stats().of(TYPE).refreshes()).isEqualTo(1);

    generator.complete("v2");
    assertThat(cache.get(key, TYPE, false)).hasValueSatisfying(r -> assertThat(r.value()).isEqualTo("v2"));
  }

  @Test
  void freshHit_drawAboveProbability_doesNotRefresh() {
    ContextCache<Key, String> cache = cache(1.0);
    populate(cache, Duration.ofSeconds(2));
    time.advance(Duration.ofSeconds(58));

    random.next(0.40);
    cache.getOrGenerate(key, TYPE, generator).join();

    assertThat(generator.calls()).isEqualTo(1);
  }

  @Test
  void largerBeta_refreshesEarlier() {
    ContextCache<Key, String> cache = cache(4.0);
    populate(cache, Duration.ofSeconds(2));
    time.advance(Duration.ofSeconds(52)); // 8 s left = 4 generation times: p = e^-(8/(4*2)) = e^-1

    random.next(0.30);
    cache.getOrGenerate(key, TYPE, generator).join();

    assertThat(generator.calls()).isEqualTo(2);
  }

  @Test
  void farFromExpiry_drawsNoRandomNumber() {
    ContextCache<Key, String> cache = cache(1.0);
    populate(cache, Duration.ofMillis(10));
    time.advance(Duration.ofSeconds(1));

    cache.getOrGenerate(key, TYPE, generator).join();

    assertThat(random.draws).isZero();
    assertThat(generator.calls()).isEqualTo(1);
  }

  @Test
  void betaZero_neverRefreshesEarly() {
    ContextCache<Key, String> cache = cache(0);
    populate(cache, Duration.ofSeconds(2));
    time.advance(Duration.ofSeconds(60).minusNanos(1));

    cache.getOrGenerate(key, TYPE, generator).join();

    assertThat(random.draws).isZero();
    assertThat(generator.calls()).isEqualTo(1);
  }

  @Test
  void refreshInFlight_isNotStartedTwice() {
    ContextCache<Key, String> cache = cache(1.0);
    populate(cache, Duration.ofSeconds(2));
    time.advance(Duration.ofSeconds(59));

    random.next(0.0);
    random.next(0.0);
    random.next(0.0);
    cache.getOrGenerate(key, TYPE, generator).join();
    cache.getOrGenerate(key, TYPE, generator).join();
    cache.getOrGenerate(key, TYPE, generator).join();

    assertThat(generator.calls()).isEqualTo(2);
    assertThat(cache.stats().of(TYPE).refreshes()).isEqualTo(1);
  }

  @Test
  void putValues_haveNoGenerationTime_andAreNotRefreshedEarly() {
    ContextCache<Key, String> cache = cache(1.0);
    cache.put(key, TYPE, "put");
    time.advance(Duration.ofSeconds(60).minusNanos(1));

    cache.getOrGenerate(key, TYPE, generator).join();

    assertThat(generator.calls()).isZero();
  }

  /** Hands out the doubles a test queued; thread-safe enough for these single-threaded tests. */
  private static final class ScriptedRandom implements RandomGenerator {
    private final Deque<Double> doubles = new ArrayDeque<>();
    int draws;

    void next(double value) {
      doubles.add(value);
    }

    @Override
    public synchronized double nextDouble() {
      draws++;
      Double value = doubles.poll();
      if (value == null) {
        throw new AssertionError("unexpected random draw");
      }
      return value;
    }

    @Override
    public long nextLong() {
      throw new UnsupportedOperationException();
    }
  }
}

package dev.contextgateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.cache.CacheResult.Outcome;
import dev.contextgateway.cache.CacheTesting.Key;
import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The clock Caffeine sees: it lags the cache's readings by at most its granularity, never leads
 * them, never goes back, and a lag never lets the cache serve an entry past its own end.
 */
class LaggingClockTest {
  private final FakeTime time = new FakeTime();

  @Test
  void readsWithinTheGranularity_leaveItBehind_andLaterOnesMoveIt() {
    LaggingClock clock = new LaggingClock(time);
    long start = time.read();

    clock.observe(start + LaggingClock.GRANULARITY_NANOS);
    assertThat(clock.read()).as("a lag of exactly the granularity is kept").isEqualTo(start);

    clock.observe(start + LaggingClock.GRANULARITY_NANOS + 1);
    assertThat(clock.read()).isEqualTo(start + LaggingClock.GRANULARITY_NANOS + 1);
  }

  @Test
  void advance_neverMovesItBack() {
    LaggingClock clock = new LaggingClock(time);
    long start = time.read();

    clock.advance(start + 500);
    clock.advance(start + 100);
    clock.observe(start - 10 * LaggingClock.GRANULARITY_NANOS);

    assertThat(clock.read()).isEqualTo(start + 500);
  }

  @Test
  void concurrentAdvances_endAtTheLatestReading() throws Exception {
    LaggingClock clock = new LaggingClock(time);
    long start = time.read();
    long latest = start + 1_000_000_000L;

    CacheTesting.concurrently(
        4,
        thread -> {
          ThreadLocalRandom random = ThreadLocalRandom.current();
          for (int i = 0; i < 20_000; i++) {
            clock.advance(start + random.nextLong(latest - start));
          }
          if (thread == 0) {
            clock.advance(latest);
          }
        });

    assertThat(clock.read()).isEqualTo(latest);
  }

  @Test
  void anEntryPastItsTimeToLive_isNotServed_whileCaffeinesClockStillLags() {
    CacheType brief = CacheType.of("brief", Duration.ofNanos(LaggingClock.GRANULARITY_NANOS / 4));
    ContextCache<Key, String> cache =
        ContextCache.builder()
            .types(brief)
            .ticker(time)
            .scheduler(time)
            .executor(Runnable::run)
            .earlyRefreshBeta(0)
            .workspaceOf((Key key) -> key.workspace())
            .build();
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();
    Key key = Key.of("a", "k");
    CompletableFuture<String> first = cache.getOrGenerate(key, brief, generator);
    generator.complete("v1");
    assertThat(first.join()).isEqualTo("v1");

    time.advance(Duration.ofNanos(LaggingClock.GRANULARITY_NANOS / 2)); // expired; Caffeine's clock not moved

    CompletableFuture<CacheResult<String>> second = cache.getOrGenerateResult(key, brief, generator);
    assertThat(generator.calls()).as("the expired entry started a new generation").isEqualTo(2);
    generator.complete("v2");
    assertThat(second.join().outcome()).isEqualTo(Outcome.GENERATED);
    assertThat(second.join().value()).isEqualTo("v2");
  }
}

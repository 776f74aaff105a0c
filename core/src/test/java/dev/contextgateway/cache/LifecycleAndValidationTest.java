package dev.contextgateway.cache;

import static dev.contextgateway.cache.CacheTesting.CONTEXT;
import static dev.contextgateway.cache.CacheTesting.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contextgateway.cache.CacheTesting.Key;
import dev.contextgateway.time.FakeTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** close(), and rejection of bad input with messages that name it. */
class LifecycleAndValidationTest {
  private final FakeTime time = new FakeTime();
  private final Key key = Key.of("a", "k");

  @Test
  void close_failsGenerationsInFlight_cancelsThem_andDropsEntries() {
    ContextCache<Key, String> cache =
        CacheTesting.builder(time).generationTimeout(Duration.ofSeconds(30)).build();
    ScriptedGenerator<Key> generator = new ScriptedGenerator<>();
    cache.put(Key.of("a", "other"), CONTEXT, "v");
    CompletableFuture<String> inFlight = cache.getOrGenerate(key, CONTEXT, generator);

    cache.close();

    assertThat(failureOf(inFlight))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ContextCache is closed");
    assertThat(generator.last()).isCancelled();
    assertThat(time.pendingTasks()).as("timeout cancelled").isZero();
    assertThat(cache.stats().total().entries()).isZero();
  }

  @Test
  void callsAfterClose_failWithAClearError() {
    ContextCache<Key, String> cache = CacheTesting.builder(time).build();
    cache.close();
    cache.close(); // idempotent

    assertThatThrownBy(() -> cache.getOrGenerate(key, CONTEXT, k -> CompletableFuture.completedFuture("v")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ContextCache is closed");
    assertThatThrownBy(() -> cache.get(key, CONTEXT, true)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cache.put(key, CONTEXT, "v")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cache.invalidate(key)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cache.invalidateWorkspace(Path.of("/ws"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(cache::invalidateAll).isInstanceOf(IllegalStateException.class);
    assertThat(cache.stats()).isNotNull(); // statistics stay readable
  }

  @Test
  void lateCompletionAfterClose_installsNothing() {
    ContextCache<Key, String> cache = CacheTesting.builder(time).build();
    CompletableFuture<String> uncancellable = new CompletableFuture<>();
    // A minimal stage: close() cannot cancel it, so it completes after the close.
    CompletableFuture<String> caller =
        cache.getOrGenerate(key, CONTEXT, k -> uncancellable.minimalCompletionStage());
    cache.close();

    uncancellable.complete("late");

    assertThat(failureOf(caller)).hasMessage("ContextCache is closed");
    assertThat(cache.stats().total().entries()).isZero();
    assertThat(cache.stats().total().generationFailures()).isEqualTo(1);
  }

  @Test
  void nullArguments_areRejectedByName() {
    ContextCache<Key, String> cache = CacheTesting.builder(time).build();
    Generator<Key, String> generator = k -> CompletableFuture.completedFuture("v");

    assertThatThrownBy(() -> cache.getOrGenerate(null, CONTEXT, generator)).hasMessage("key");
    assertThatThrownBy(() -> cache.getOrGenerate(key, null, generator)).hasMessage("type");
    assertThatThrownBy(() -> cache.getOrGenerate(key, CONTEXT, null)).hasMessage("generator");
    assertThatThrownBy(() -> cache.getOrGenerateResult(null, CONTEXT, generator)).hasMessage("key");
    assertThatThrownBy(() -> cache.get(null, CONTEXT, true)).hasMessage("key");
    assertThatThrownBy(() -> cache.put(key, CONTEXT, null)).hasMessage("value");
    assertThatThrownBy(() -> cache.invalidate(null)).hasMessage("key");
    assertThatThrownBy(() -> cache.invalidateWorkspace(null)).hasMessage("workspace");
  }

  @Test
  void unknownType_isRejectedNamingIt() {
    ContextCache<Key, String> cache = CacheTesting.builder(time).build();
    CacheType other = CacheType.of("other", Duration.ofMinutes(1));
    CacheType sameNameOtherPolicy = CacheType.of("context", Duration.ofSeconds(1));

    assertThatThrownBy(() -> cache.getOrGenerate(key, other, k -> CompletableFuture.completedFuture("v")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown cache type")
        .hasMessageContaining("other");
    assertThatThrownBy(() -> cache.put(key, sameNameOtherPolicy, "v"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cacheType_rejectsBadPolicies() {
    assertThatThrownBy(() -> CacheType.of("t", Duration.ZERO))
        .hasMessage("timeToLive must be positive, was PT0S");
    assertThatThrownBy(() -> CacheType.of("t", Duration.ofSeconds(-1)))
        .hasMessage("timeToLive must be positive, was PT-1S");
    assertThatThrownBy(() -> CacheType.of(" ", Duration.ofSeconds(1)))
        .hasMessage("name must not be blank, was ' '");
    assertThatThrownBy(() -> CacheType.of("t", Duration.ofSeconds(1)).withStaleWhileRevalidate(Duration.ofSeconds(-2)))
        .hasMessage("staleWhileRevalidate must not be negative, was PT-2S");
    assertThatThrownBy(() -> CacheType.of("t", Duration.ofSeconds(1)).withStaleIfError(Duration.ofSeconds(-3)))
        .hasMessage("staleIfError must not be negative, was PT-3S");
  }

  @Test
  void builder_rejectsBadSettingsNamingThem() {
    assertThatThrownBy(() -> ContextCache.builder().maximumEntries(0))
        .hasMessage("maximumEntries must be positive, was 0");
    assertThatThrownBy(() -> ContextCache.builder().maximumBytes(-5))
        .hasMessage("maximumBytes must be positive, was -5");
    assertThatThrownBy(() -> ContextCache.builder().generationTimeout(Duration.ZERO))
        .hasMessage("generationTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> ContextCache.builder().earlyRefreshBeta(-0.5))
        .hasMessage("earlyRefreshBeta must be finite and >= 0, was -0.5");
    assertThatThrownBy(() -> ContextCache.builder().earlyRefreshBeta(Double.NaN))
        .hasMessage("earlyRefreshBeta must be finite and >= 0, was NaN");
    assertThatThrownBy(() -> ContextCache.builder().types())
        .hasMessage("types must not be empty");
    assertThatThrownBy(() -> ContextCache.builder().types(CONTEXT, CONTEXT))
        .hasMessage("types must have unique names, 'context' is repeated");
    assertThatThrownBy(() -> ContextCache.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("types must be set");
    assertThatThrownBy(() -> ContextCache.builder().types(CONTEXT).maximumBytes(10).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maximumBytes needs a weigher");
    assertThatThrownBy(() -> ContextCache.builder().executor(null)).hasMessage("executor");
  }

  @Test
  void negativeWeight_failsTheGenerationNamingTheValue() {
    ContextCache<Key, String> cache =
        CacheTesting.builder(time).maximumBytes(100).weigher((Key k, String v) -> -1).build();

    CompletableFuture<String> future =
        cache.getOrGenerate(key, CONTEXT, k -> CompletableFuture.completedFuture("v"));

    assertThat(failureOf(future)).hasMessage("weigher returned a negative size, -1");
    assertThat(cache.stats().total().entries()).isZero();
  }

  @Test
  void veryLongTimeToLive_doesNotOverflow() {
    CacheType forever = CacheType.of("forever", Duration.ofSeconds(Long.MAX_VALUE));
    ContextCache<Key, String> cache = CacheTesting.builder(new FakeTime(-5_000_000_000L)).types(forever).build();
    cache.put(key, forever, "v");
    assertThat(cache.get(key, forever, false)).isPresent();
  }
}

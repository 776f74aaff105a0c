package dev.contextgateway.benchmarks.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImplTest {
  private final SimulatedGenerator generator = SimulatedGenerator.builder().build();

  @ParameterizedTest
  @EnumSource(Impl.class)
  void named_findsEachImplementationByItsId(Impl impl) {
    assertThat(Impl.named(impl.id())).isSameAs(impl);
  }

  @Test
  void named_unknownId_namesTheKnownOnes() {
    assertThatThrownBy(() -> Impl.named("guava"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "impl must be one of naive, lock-deleting, global-lock-lru, scan-lru, caffeine, chm,"
                + " context-cache, context-cache-swr, was 'guava'");
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void getOrGenerate_generatesOnAMiss_thenServesTheCachedValue(Impl impl) {
    try (BenchmarkCache cache = impl.create(CacheSpec.neverExpiring(), generator)) {
      Value first = cache.getOrGenerate(1);
      Value again = cache.getOrGenerate(1);
      Value async = cache.getOrGenerateAsync(1).join();

      assertThat(again).isSameAs(first);
      assertThat(async).isSameAs(first);
      assertThat(generator.calls()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Impl.class)
  void put_replacesTheValue_withoutGenerating(Impl impl) {
    try (BenchmarkCache cache = impl.create(CacheSpec.neverExpiring(), generator)) {
      cache.getOrGenerate(1);
      Value replacement = generator.valueOf(1);

      cache.put(1, replacement);

      assertThat(cache.getOrGenerate(1)).isSameAs(replacement);
      assertThat(generator.calls()).isEqualTo(1);
    }
  }

  @Test
  void create_timeToLiveForAnImplementationWithoutExpiry_isRefused() {
    assertThatThrownBy(() -> Impl.CHM.create(CacheSpec.expiringAfter(Duration.ofSeconds(1)), generator))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("chm does not expire entries");
  }

  @Test
  void create_boundForAnUnboundedImplementation_isRefused() {
    assertThatThrownBy(() -> Impl.NAIVE.create(CacheSpec.neverExpiring().withMaximumWeight(1), generator))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("naive has no bound");
  }

  @Test
  void cacheSpec_rejectsBadSettings_namingThem() {
    assertThatThrownBy(() -> CacheSpec.expiringAfter(Duration.ZERO))
        .hasMessage("timeToLive must be positive, was PT0S");
    assertThatThrownBy(() -> CacheSpec.neverExpiring().withStaleWhileRevalidate(Duration.ofSeconds(1)))
        .hasMessage("staleWhileRevalidate needs a timeToLive");
    assertThatThrownBy(() -> CacheSpec.neverExpiring().withMaximumWeight(0))
        .hasMessage("maximumWeight must be positive, was 0");
  }
}

package dev.contextgateway.lincheck;

import dev.contextgateway.baseline.NaiveCache;
import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Baseline 1, the seed's check-then-act cache, as a {@link CacheUnderTest}. */
final class NaiveCacheSubject implements CacheUnderTest {
  private final NaiveCache<Integer, String> cache =
      new NaiveCache<>(new FakeTime(), Duration.ofMinutes(10));

  @Override
  public String getOrGenerate(int key, String generated) {
    return cache.getOrGenerate(key, k -> generated);
  }

  @Override
  public @Nullable String get(int key) {
    return cache.get(key);
  }

  @Override
  public void put(int key, String value) {
    cache.put(key, value);
  }

  @Override
  public void invalidate(int key) {
    cache.invalidate(key);
  }

  @Override
  public void invalidateWorkspace(int workspace) {
    cache.invalidateIf(key -> Keys.workspaceOf(key) == workspace);
  }

  @Override
  public void invalidateAll() {
    cache.invalidateIf(key -> true);
  }
}

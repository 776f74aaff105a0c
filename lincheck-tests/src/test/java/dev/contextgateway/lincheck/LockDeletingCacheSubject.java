package dev.contextgateway.lincheck;

import dev.contextgateway.baseline.LockDeletingCache;
import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Baseline 2, the lock-per-key cache that deletes its locks, as a {@link CacheUnderTest}. */
final class LockDeletingCacheSubject implements CacheUnderTest {
  private final LockDeletingCache<Integer, String> cache =
      new LockDeletingCache<>(new FakeTime(), Duration.ofMinutes(10));

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

package dev.contextgateway.lincheck;

import dev.contextgateway.baseline.BaselineCache;
import dev.contextgateway.baseline.LockDeletingCache;
import dev.contextgateway.baseline.NaiveCache;
import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** One of the seed's cache designs (core's {@code baseline} package) as a {@link CacheUnderTest}. */
final class BaselineCacheSubject implements CacheUnderTest {
  private static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

  private final BaselineCache<Integer, String> cache;

  private BaselineCacheSubject(BaselineCache<Integer, String> cache) {
    this.cache = cache;
  }

  /** Baseline 1, the check-then-act cache. */
  static BaselineCacheSubject naive() {
    return new BaselineCacheSubject(new NaiveCache<>(new FakeTime(), TIME_TO_LIVE));
  }

  /** Baseline 2, the lock-per-key cache that deletes its locks. */
  static BaselineCacheSubject lockDeleting() {
    return new BaselineCacheSubject(new LockDeletingCache<>(new FakeTime(), TIME_TO_LIVE));
  }

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

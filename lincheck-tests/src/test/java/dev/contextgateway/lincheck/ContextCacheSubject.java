package dev.contextgateway.lincheck;

import dev.contextgateway.cache.CacheResult;
import dev.contextgateway.cache.CacheType;
import dev.contextgateway.cache.ContextCache;
import dev.contextgateway.cache.ContextCacheBuilder;
import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * {@link ContextCache} as a {@link CacheUnderTest}: fake time that never moves (no expiry),
 * generators on the calling thread, early refresh off, no bounds (no eviction).
 */
final class ContextCacheSubject implements CacheUnderTest {
  static final CacheType TYPE = CacheType.of("context", Duration.ofMinutes(10));

  private final ContextCache<Integer, String> cache = builder(new FakeTime()).build();

  /**
   * The configuration of the tests: one type, the given fake time, generators and maintenance
   * on the calling thread, early refresh off, keys mapped to workspaces by {@link
   * Keys#workspacePathOf}.
   */
  static ContextCacheBuilder<Integer, Object> builder(FakeTime time) {
    return ContextCache.builder()
        .types(TYPE)
        .executor(Runnable::run)
        .ticker(time)
        .scheduler(time)
        .earlyRefreshBeta(0)
        .workspaceOf((Integer key) -> Keys.workspacePathOf(key));
  }

  @Override
  public String getOrGenerate(int key, String generated) {
    return cache.getOrGenerate(key, TYPE, k -> CompletableFuture.completedFuture(generated)).join();
  }

  @Override
  public @Nullable String get(int key) {
    return cache.get(key, TYPE, false).map(CacheResult::value).orElse(null);
  }

  @Override
  public void put(int key, String value) {
    cache.put(key, TYPE, value);
  }

  @Override
  public void invalidate(int key) {
    cache.invalidate(key);
  }

  @Override
  public void invalidateWorkspace(int workspace) {
    cache.invalidateWorkspace(Keys.workspacePath(workspace));
  }

  @Override
  public void invalidateAll() {
    cache.invalidateAll();
  }
}

package dev.contextgateway.jcstress.cache;

import dev.contextgateway.cache.CacheType;
import dev.contextgateway.cache.ContextCache;
import dev.contextgateway.cache.ContextCacheBuilder;
import dev.contextgateway.time.FakeTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The set-up the cache tests share: integer keys and values (so outcomes read as numbers), fake
 * time, generators and maintenance on the calling thread, early refresh off, and keys whose
 * workspace is {@code /ws0} for even keys and {@code /ws1} for odd ones.
 */
final class Fixtures {
  /** Fresh for ten minutes, no stale windows: an expired entry is a plain miss. */
  static final CacheType CONTEXT = CacheType.of("context", Duration.ofMinutes(10));

  static final CacheType SUMMARY = CacheType.of("summary", Duration.ofMinutes(5));

  /** Past the expiry of every entry written at the start. */
  static final Duration PAST_EXPIRY = Duration.ofMinutes(11);

  /** What {@link #valueOf} reports for a future that has not completed. */
  static final int PENDING = -1;

  /** What {@link #valueOf} reports for a future that failed. */
  static final int FAILED = -2;

  /** What {@link #valueOf} reports for a future that was cancelled. */
  static final int CANCELLED = -3;

  private Fixtures() {}

  static ContextCacheBuilder<Integer, Object> builder(FakeTime time) {
    return ContextCache.builder()
        .types(CONTEXT, SUMMARY)
        .executor(Runnable::run)
        .ticker(time)
        .scheduler(time)
        .earlyRefreshBeta(0)
        .workspaceOf((Integer key) -> workspaceOf(key));
  }

  /** An unbounded cache. */
  static ContextCache<Integer, Integer> cache(FakeTime time) {
    return builder(time).build();
  }

  static Path workspaceOf(int key) {
    return Path.of("/ws" + Math.floorMod(key, 2));
  }

  /**
   * A future's value without waiting: the value, or {@link #PENDING}, {@link #FAILED} or {@link
   * #CANCELLED}.
   */
  static int valueOf(CompletableFuture<Integer> future) {
    try {
      return future.getNow(PENDING);
    } catch (CancellationException cancelled) {
      return CANCELLED;
    } catch (CompletionException failed) {
      return FAILED;
    }
  }
}

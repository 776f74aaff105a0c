package dev.contextgateway.cache;

import dev.contextgateway.time.FakeTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Shared set-up of the cache tests: fake time, inline executor, one or two types. */
final class CacheTesting {
  static final CacheType CONTEXT =
      CacheType.of("context", Duration.ofMinutes(10))
          .withStaleWhileRevalidate(Duration.ofMinutes(1))
          .withStaleIfError(Duration.ofMinutes(30));
  static final CacheType SUMMARY = CacheType.of("summary", Duration.ofMinutes(5));

  private CacheTesting() {}

  /** A key that carries its workspace, as the gateway's keys do. */
  record Key(Path workspace, String name) {
    static Key of(String workspace, String name) {
      return new Key(Path.of("/ws", workspace), name);
    }
  }

  /** A builder on fake time, running generators and maintenance inline, early refresh off. */
  static ContextCacheBuilder<Key, Object> builder(FakeTime time) {
    return ContextCache.builder()
        .types(CONTEXT, SUMMARY)
        .ticker(time)
        .scheduler(time)
        .executor(Runnable::run)
        .earlyRefreshBeta(0)
        .workspaceOf((Key key) -> key.workspace());
  }

  /** The cause a future failed with, unwrapped from the CompletionException of join(). */
  static Throwable failureOf(CompletableFuture<?> future) {
    try {
      future.join();
    } catch (CompletionException e) {
      return java.util.Objects.requireNonNull(e.getCause(), "cause");
    }
    throw new AssertionError("expected the future to have failed, it completed with " + future.join());
  }
}

package dev.contextgateway.cache;

import dev.contextgateway.time.FakeTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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

  /** The body of one thread of {@link #concurrently}; {@code thread} numbers it from 0. */
  @FunctionalInterface
  interface ThreadBody {
    void run(int thread) throws Exception;
  }

  /**
   * Runs {@code body} on {@code threads} threads released together by a barrier, waits for all of
   * them (60 s at most) and rethrows the first failure.
   */
  static void concurrently(int threads, ThreadBody body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CyclicBarrier start = new CyclicBarrier(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  body.run(thread);
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

package dev.contextgateway.benchmarks.subject;

import java.util.concurrent.CompletableFuture;

/**
 * The small facade every implementation under test is driven through: get-or-generate with the
 * benchmark's {@link SimulatedGenerator}, and put. Created by {@link Impl#create}.
 *
 * <p>Implementations are as thread-safe as the cache they wrap (the racy seed designs are racy
 * here too, which is the point). {@link #blocksCaller()} tells whether a miss generates on the
 * calling thread (the synchronous seed designs, {@code chm}) or returns a future at once.
 */
public interface BenchmarkCache extends AutoCloseable {

  /** The value of {@code key}, generating it on a miss; blocks until the value is there. */
  Value getOrGenerate(Integer key);

  /**
   * The value of {@code key} as a future. For an implementation that {@linkplain #blocksCaller()
   * blocks its caller}, the generation runs on the calling thread before this returns.
   */
  CompletableFuture<Value> getOrGenerateAsync(Integer key);

  /** Stores {@code value} for {@code key}, evicting to the bound where there is one. */
  void put(Integer key, Value value);

  /** Whether a miss generates on the calling thread. */
  boolean blocksCaller();

  /** Releases the cache. */
  @Override
  void close();
}

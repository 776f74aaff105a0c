package dev.contextgateway.benchmarks.subject;

import java.util.concurrent.CompletableFuture;

/** The synchronous designs: a miss generates on the calling thread. */
abstract class BlockingSubject implements BenchmarkCache {

  @Override
  public final CompletableFuture<Value> getOrGenerateAsync(Integer key) {
    try {
      return CompletableFuture.completedFuture(getOrGenerate(key));
    } catch (RuntimeException | Error failure) {
      return CompletableFuture.failedFuture(failure);
    }
  }

  @Override
  public final boolean blocksCaller() {
    return true;
  }

  @Override
  public void close() {}
}

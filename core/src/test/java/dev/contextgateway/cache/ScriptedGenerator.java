package dev.contextgateway.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A generator whose every call returns a fresh incomplete future that the test completes, so a
 * test decides exactly when each generation ends and can count the calls.
 */
final class ScriptedGenerator<K> implements Generator<K, String> {
  private final List<CompletableFuture<String>> calls = new ArrayList<>();
  private final AtomicInteger count = new AtomicInteger();

  @Override
  public synchronized CompletionStage<String> generate(K key) {
    count.incrementAndGet();
    CompletableFuture<String> future = new CompletableFuture<>();
    calls.add(future);
    return future;
  }

  int calls() {
    return count.get();
  }

  /** The future returned by call {@code index} (0-based). */
  synchronized CompletableFuture<String> call(int index) {
    return calls.get(index);
  }

  /** Completes the most recent call with {@code value}. */
  void complete(String value) {
    last().complete(value);
  }

  /** Fails the most recent call with {@code failure}. */
  void fail(Throwable failure) {
    last().completeExceptionally(failure);
  }

  synchronized CompletableFuture<String> last() {
    if (calls.isEmpty()) {
      throw new AssertionError("the generator has not been called");
    }
    return calls.get(calls.size() - 1);
  }
}

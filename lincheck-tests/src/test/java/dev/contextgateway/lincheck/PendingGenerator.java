package dev.contextgateway.lincheck;

import dev.contextgateway.cache.Generator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A generator whose generations stay pending until the test completes or fails them, in the order
 * they started. It counts its calls and the most generations it ever had pending at once.
 * Thread-safe.
 */
final class PendingGenerator implements Generator<Integer, String> {
  private final ConcurrentLinkedQueue<CompletableFuture<String>> pending =
      new ConcurrentLinkedQueue<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger mostRunning = new AtomicInteger();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();

  @Override
  public CompletionStage<String> generate(Integer key) {
    calls.incrementAndGet();
    mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
    CompletableFuture<String> generation = new CompletableFuture<>();
    pending.add(generation);
    return generation;
  }

  /** Completes the oldest pending generation with {@code value}; false if none is pending. */
  boolean completeNext(String value) {
    CompletableFuture<String> generation = pending.poll();
    if (generation == null) {
      return false;
    }
    generation.complete(value);
    running.decrementAndGet();
    return true;
  }

  /** Completes every pending generation with {@code value}. */
  void completeAll(String value) {
    while (completeNext(value)) {
      // next
    }
  }

  /**
   * Fails the oldest pending generation with a new exception, recorded in {@link #failures()};
   * false if none is pending.
   */
  boolean failNext() {
    CompletableFuture<String> generation = pending.poll();
    if (generation == null) {
      return false;
    }
    IllegalStateException failure = new IllegalStateException("generation failed");
    failures.add(failure);
    generation.completeExceptionally(failure);
    running.decrementAndGet();
    return true;
  }

  void failAll() {
    while (failNext()) {
      // next
    }
  }

  int calls() {
    return calls.get();
  }

  /** The most generations pending at the same time. */
  int mostRunning() {
    return mostRunning.get();
  }

  /** The failures injected so far, one per failed generation. */
  List<Throwable> failures() {
    return List.copyOf(failures);
  }
}

package dev.contextgateway.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One generation of one key, shared by every caller that joins it.
 *
 * <p>A flight is <em>settled</em> exactly once, by whichever comes first of its success, its
 * failure, its timeout or the cache's close; only the settler completes {@link #result} and counts
 * the outcome. It installs its value only if it is still the key's flight in the cache's flight map
 * and its {@link #epochs} are still current when it does (a put, an invalidation or a newer flight
 * replaces it otherwise); either way its own callers get the value.
 */
final class Flight<V> {
  final TypeState type;
  final boolean refresh;
  final long startedAt;
  final Entry.Epochs epochs;
  /** Completes with the entry the generation produced (installed or not), or its failure. */
  final CompletableFuture<Entry<V>> result = new CompletableFuture<>();

  volatile @Nullable CompletionStage<? extends V> generation;
  volatile @Nullable Future<?> timeout;

  private final AtomicBoolean settled = new AtomicBoolean();

  Flight(TypeState type, boolean refresh, long startedAt, Entry.Epochs epochs) {
    this.type = type;
    this.refresh = refresh;
    this.startedAt = startedAt;
    this.epochs = epochs;
  }

  /** Claims the right to settle this flight; true for exactly one caller. */
  boolean settle() {
    return !settled.get() && settled.compareAndSet(false, true);
  }

  boolean isSettled() {
    return settled.get();
  }

  /** Stops the timeout from firing; called by the settler. */
  void cancelTimeout() {
    Future<?> pending = timeout;
    if (pending != null) {
      pending.cancel(false);
    }
  }

  /** Asks the generator's stage to stop; best effort (a stage may not support cancellation). */
  void cancelGeneration() {
    CompletionStage<? extends V> stage = generation;
    if (stage != null) {
      try {
        stage.toCompletableFuture().cancel(true);
      } catch (UnsupportedOperationException notCancellable) {
        // The stage cannot be cancelled; its result will be ignored.
      }
    }
  }
}

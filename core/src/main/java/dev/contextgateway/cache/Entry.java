package dev.contextgateway.cache;

import java.util.concurrent.CompletableFuture;

/**
 * A cached value with its timeline. Immutable; every time is an absolute ticker reading, so
 * freshness is one comparison on the hit path.
 *
 * <p>An entry is <em>current</em> while the epochs it was stamped with (its workspace's and the
 * cache's, as they were when its generation started) are still the epochs now; an invalidation
 * advances one of them, and a non-current entry is never served, whether or not it has been
 * removed yet.
 */
final class Entry<V> {
  final V value;
  final TypeState type;
  final long writtenAt;
  /** Fresh before this time. */
  final long freshUntil;
  /** Served stale (with a refresh) before this time. */
  final long staleUntil;
  /** Kept as a fallback for a failed generation before this time. */
  final long keepUntil;
  /** Removed from the store at this time: the later of the two windows. */
  final long expiresAt;
  /** How long the generation that produced the value took; 0 for a put. Drives early refresh. */
  final long generationNanos;
  /**
   * Before this time an early refresh is too unlikely to be worth drawing for (the cache computes
   * it from its beta and {@link #generationNanos}); {@code Long.MAX_VALUE} when there is none.
   */
  final long earlyRefreshFrom;
  /** Size reported by the weigher (0 without one). */
  final long bytes;
  /** Weight charged against the store's bound, which may exceed {@code bytes}; see the builder. */
  final long charge;
  final WorkspaceState workspace;
  final long workspaceEpoch;
  final long cacheEpoch;
  /** The value as a completed future, handed to every hit (completing it again is a no-op). */
  final CompletableFuture<V> completed;

  Entry(
      V value,
      TypeState type,
      long writtenAt,
      long generationNanos,
      long earlyRefreshHorizon,
      long bytes,
      long charge,
      Epochs epochs) {
    this.value = value;
    this.type = type;
    this.writtenAt = writtenAt;
    this.freshUntil = TypeState.saturatedAdd(writtenAt, type.timeToLive);
    this.staleUntil = TypeState.saturatedAdd(freshUntil, type.staleWhileRevalidate);
    this.keepUntil = TypeState.saturatedAdd(freshUntil, type.staleIfError);
    this.expiresAt = Math.max(staleUntil, keepUntil);
    this.generationNanos = generationNanos;
    this.earlyRefreshFrom =
        earlyRefreshHorizon <= 0 ? Long.MAX_VALUE : TypeState.saturatedAdd(freshUntil, -earlyRefreshHorizon);
    this.bytes = bytes;
    this.charge = charge;
    this.workspace = epochs.workspace();
    this.workspaceEpoch = epochs.workspaceEpoch();
    this.cacheEpoch = epochs.cacheEpoch();
    this.completed = CompletableFuture.completedFuture(value);
  }

  /** The epochs of a generation (or put), taken when it started. */
  record Epochs(WorkspaceState workspace, long workspaceEpoch, long cacheEpoch) {}
}

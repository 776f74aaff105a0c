package dev.contextgateway.cache;

/**
 * A cached value with its timeline. Immutable; every time is an absolute ticker reading, so
 * freshness is one comparison on the hit path.
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
  /** Size reported by the weigher (0 without one). */
  final long bytes;
  /** Weight charged against the store's bound, which may exceed {@code bytes}; see the builder. */
  final long charge;

  Entry(V value, TypeState type, long writtenAt, long generationNanos, long bytes, long charge) {
    this.value = value;
    this.type = type;
    this.writtenAt = writtenAt;
    this.freshUntil = TypeState.saturatedAdd(writtenAt, type.timeToLive);
    this.staleUntil = TypeState.saturatedAdd(freshUntil, type.staleWhileRevalidate);
    this.keepUntil = TypeState.saturatedAdd(freshUntil, type.staleIfError);
    this.expiresAt = Math.max(staleUntil, keepUntil);
    this.generationNanos = generationNanos;
    this.bytes = bytes;
    this.charge = charge;
  }
}

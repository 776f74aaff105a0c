package dev.contextgateway.cache;

/** Why an entry left the cache. */
public enum RemovalCause {
  /** Removed by {@code invalidate}, {@code invalidateWorkspace}, {@code invalidateAll} or close. */
  EXPLICIT,
  /** Replaced by a newer value for the same key (generated or put). */
  REPLACED,
  /** Past the end of all its windows. */
  EXPIRED,
  /** Evicted to keep the cache within its entry or byte bound. */
  SIZE
}

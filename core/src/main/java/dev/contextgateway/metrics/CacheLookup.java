package dev.contextgateway.metrics;

/** How the gateway's cache look-up for a request went. */
public enum CacheLookup {
  /** A fresh entry served the request. */
  HIT,
  /** A stale entry served the request (while revalidating, or because regeneration failed). */
  STALE,
  /** No usable entry: the request waited for a generation (its own or one it joined). */
  MISS
}

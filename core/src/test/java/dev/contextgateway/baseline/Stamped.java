package dev.contextgateway.baseline;

/** A value and the ticker reading at which it was written. */
record Stamped<V>(V value, long writtenAt) {
  boolean isFresh(long now, long timeToLiveNanos) {
    return now - writtenAt < timeToLiveNanos;
  }
}

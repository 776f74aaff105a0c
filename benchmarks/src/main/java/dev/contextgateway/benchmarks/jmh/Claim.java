package dev.contextgateway.benchmarks.jmh;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.function.LongSupplier;

/**
 * Hands out the growth of a monotonic counter since the previous claim. Each benchmark thread
 * claims once at the end of an iteration into its {@code @AuxCounters} field, so the per-thread
 * figures, which JMH sums, add up to the counter's growth: the first claimer takes the
 * iteration's count, the others what arrived since. Thread-safe.
 */
final class Claim {
  private final LongSupplier counter;

  @GuardedBy("this")
  private long claimed;

  /** Starts claiming from the counter's current value (what came before is not claimed). */
  Claim(LongSupplier counter) {
    this.counter = counter;
    this.claimed = counter.getAsLong();
  }

  /** The counter's growth since the previous claim. */
  synchronized long take() {
    long now = counter.getAsLong();
    long growth = now - claimed;
    claimed = now;
    return growth;
  }
}

package dev.contextgateway.resilience;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.contextgateway.time.Ticker;

/**
 * Caps retries to a share of calls over a sliding window: a retry is granted while {@code retries <
 * minimumRetries + ratio × calls}, both counted over the last window (see {@link RetrySettings} for
 * the exact rule).
 *
 * <h2>Implementation notes</h2>
 *
 * The window is {@value #SLICES} slices of {@code window / SLICES}, kept in two rings indexed by
 * the slice number (ticker time since creation divided by the slice length). Moving to a later
 * slice clears the slices skipped over, at most all of them, so the counts always cover the current
 * slice and the {@code SLICES - 1} before it. One lock guards the rings; each operation is a few
 * array updates, once per call or retry, so contention is not a concern.
 */
final class RetryBudget {
  static final int SLICES = 10;

  private final double ratio;
  private final int minimumRetries;
  private final long sliceNanos;
  private final long origin;
  private final Ticker ticker;

  @GuardedBy("this")
  private final long[] calls = new long[SLICES];

  @GuardedBy("this")
  private final long[] retries = new long[SLICES];

  /** The slice number the rings were last brought up to. */
  @GuardedBy("this")
  private long currentSlice;

  RetryBudget(RetrySettings settings, Ticker ticker) {
    this.ratio = settings.budgetRatio();
    this.minimumRetries = settings.budgetMinimumRetries();
    this.sliceNanos = Math.max(1, settings.budgetWindow().toNanos() / SLICES);
    this.ticker = ticker;
    this.origin = ticker.read();
  }

  /** Counts a call (its first attempt). */
  synchronized void recordCall() {
    int index = advanceLocked();
    calls[index]++;
  }

  /** Grants a retry and counts it, or refuses it. */
  synchronized boolean tryAcquireRetry() {
    int index = advanceLocked();
    long callSum = 0;
    long retrySum = 0;
    for (int i = 0; i < SLICES; i++) {
      callSum += calls[i];
      retrySum += retries[i];
    }
    if (retrySum < minimumRetries + ratio * callSum) {
      retries[index]++;
      return true;
    }
    return false;
  }

  /** Clears the slices that left the window; returns the index of the current slice. */
  @GuardedBy("this")
  private int advanceLocked() {
    long slice = Math.max(currentSlice, Math.floorDiv(ticker.read() - origin, sliceNanos));
    long steps = Math.min(slice - currentSlice, SLICES);
    for (long s = 1; s <= steps; s++) {
      int index = (int) Math.floorMod(currentSlice + s, (long) SLICES);
      calls[index] = 0;
      retries[index] = 0;
    }
    currentSlice = slice;
    return (int) Math.floorMod(slice, (long) SLICES);
  }
}

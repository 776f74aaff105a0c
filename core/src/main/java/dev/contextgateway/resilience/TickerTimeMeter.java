package dev.contextgateway.resilience;

import dev.contextgateway.time.Ticker;
import io.github.bucket4j.TimeMeter;

/**
 * Bucket4j's clock over the injected {@link Ticker}: nanoseconds since {@code origin}, so readings
 * start near zero and only grow. Not wall-clock based.
 */
final class TickerTimeMeter implements TimeMeter {
  private final Ticker ticker;
  private final long origin;

  TickerTimeMeter(Ticker ticker, long origin) {
    this.ticker = ticker;
    this.origin = origin;
  }

  @Override
  public long currentTimeNanos() {
    return ticker.read() - origin;
  }

  @Override
  public boolean isWallClockBased() {
    return false;
  }
}

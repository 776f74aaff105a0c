package dev.contextgateway.cache;

import dev.contextgateway.time.Ticker;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The time Caffeine sees: the latest reading of the cache's ticker that the cache has passed on,
 * so that Caffeine's own expiry checks on every read cost a field read instead of a second clock
 * read (a clock read is the dearest step of a hit).
 *
 * <p>It may lag the ticker, never lead it, and only ever moves forward. Caffeine stamps a write
 * with it, so every write first {@linkplain #advance advances} it to the writer's reading; reads
 * {@linkplain #observe pass theirs on} once it lags by more than {@link #GRANULARITY_NANOS}. A lag
 * can only make Caffeine expire an entry later than its end, never earlier (the stamp is no earlier
 * than the entry's own write time, and Caffeine's "now" no later than the real one); the cache
 * decides freshness from its own readings, so a lagging physical expiry is never served.
 *
 * <p>Thread-safe; reads never write unless the lag is over the granularity, so hits on many
 * threads do not contend on it.
 */
final class LaggingClock implements com.github.benmanes.caffeine.cache.Ticker {
  static final long GRANULARITY_NANOS = 1_000_000;

  private final AtomicLong latest;

  LaggingClock(Ticker ticker) {
    this.latest = new AtomicLong(ticker.read());
  }

  @Override
  public long read() {
    return latest.get();
  }

  /** Passes a reading on if the clock lags it by more than the granularity. */
  void observe(long now) {
    if (now - latest.get() > GRANULARITY_NANOS) {
      advance(now);
    }
  }

  /** Moves the clock to {@code now} unless it is already there or later. */
  void advance(long now) {
    long current = latest.get();
    while (now - current > 0 && !latest.compareAndSet(current, now)) {
      current = latest.get();
    }
  }
}

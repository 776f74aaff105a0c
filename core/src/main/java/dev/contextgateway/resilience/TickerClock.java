package dev.contextgateway.resilience;

import dev.contextgateway.time.Ticker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A {@link Clock} that reads an injected {@link Ticker}, for libraries that take a clock
 * (Resilience4j's breaker times its open state with {@code clock.instant()}). Its instants count
 * from the epoch at the ticker reading it was made with; only their differences mean anything.
 */
final class TickerClock extends Clock {
  private final Ticker ticker;
  private final long origin;
  private final ZoneId zone;

  TickerClock(Ticker ticker) {
    this(ticker, ticker.read(), ZoneOffset.UTC);
  }

  private TickerClock(Ticker ticker, long origin, ZoneId zone) {
    this.ticker = ticker;
    this.origin = origin;
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new TickerClock(ticker, origin, newZone);
  }

  @Override
  public Instant instant() {
    return Instant.EPOCH.plusNanos(ticker.read() - origin);
  }
}

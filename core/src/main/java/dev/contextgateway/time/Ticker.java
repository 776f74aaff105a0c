package dev.contextgateway.time;

/**
 * A source of monotonic time in nanoseconds, injected wherever the library measures or waits, so
 * that tests drive time instead of sleeping.
 *
 * <p>Only differences between two readings are meaningful, as with {@link System#nanoTime()}.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Ticker {

  /** Returns the current reading in nanoseconds. */
  long read();

  /** The ticker backed by {@link System#nanoTime()}. */
  static Ticker system() {
    return SystemTicker.INSTANCE;
  }
}

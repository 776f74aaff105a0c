package dev.contextgateway.simulator.faultmatrix;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** Waiting for a moment on the system clock, where the behaviour under test is defined by time. */
final class Waits {
  private Waits() {}

  /**
   * Returns once {@link System#nanoTime()} has reached {@code deadline}, e.g. the end of a breaker's
   * open state or of a simulator's outage phase; polls the clock with a bound instead of sleeping.
   */
  static void untilNanoTime(long deadline, String moment) {
    long remaining = Math.max(0, deadline - System.nanoTime());
    await(moment)
        .pollInSameThread()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(10))
        .atMost(Duration.ofNanos(remaining).plusSeconds(5))
        .until(() -> System.nanoTime() - deadline >= 0);
  }
}

package dev.contextgateway.benchmarks.latency;

import java.time.Duration;
import java.util.Objects;

/**
 * The load of one open-loop run: requests at a constant rate, a warm-up whose requests are not
 * measured, then the measured phase.
 *
 * @param arrivalRatePerSecond requests issued per second, whatever the system under test does
 * @param warmup how long requests are issued before measuring starts
 * @param measured how long the measured phase lasts
 */
public record Load(double arrivalRatePerSecond, Duration warmup, Duration measured) {

  /** Validates the components; messages name the bad one and its value. */
  public Load {
    if (!(arrivalRatePerSecond > 0) || Double.isInfinite(arrivalRatePerSecond)) {
      throw new IllegalArgumentException(
          "arrivalRatePerSecond must be positive and finite, was " + arrivalRatePerSecond);
    }
    Objects.requireNonNull(warmup, "warmup");
    Objects.requireNonNull(measured, "measured");
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("warmup must not be negative, was " + warmup);
    }
    if (measured.isNegative() || measured.isZero()) {
      throw new IllegalArgumentException("measured must be positive, was " + measured);
    }
  }

  /** The time between two intended starts, in nanoseconds. */
  double periodNanos() {
    return 1e9 / arrivalRatePerSecond;
  }
}

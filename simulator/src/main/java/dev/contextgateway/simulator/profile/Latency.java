package dev.contextgateway.simulator.profile;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * How long the simulator waits before it starts to answer a request. A latency is sampled once
 * per request from the request's own seeded random generator, so the same seed gives the same
 * delays.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Latency {

  /** Draws one delay. Never negative. */
  Duration sample(RandomGenerator random);

  /** No added delay. */
  static Latency none() {
    return None.INSTANCE;
  }

  /** The same delay for every request. */
  static Latency fixed(Duration delay) {
    return new Fixed(delay);
  }

  /** A delay drawn uniformly from {@code [min, max]}. */
  static Latency uniform(Duration min, Duration max) {
    return new Uniform(min, max);
  }

  /**
   * A log-normal delay: {@code median * exp(sigma * N(0,1))}, the long-tailed shape of real
   * service latency, without an upper bound.
   */
  static Latency logNormal(Duration median, double sigma) {
    return new LogNormal(median, sigma, null);
  }

  /** A log-normal delay cut at {@code max}. */
  static Latency logNormal(Duration median, double sigma, Duration max) {
    return new LogNormal(median, sigma, Objects.requireNonNull(max, "max"));
  }

  /** No delay. */
  enum None implements Latency {
    INSTANCE;

    @Override
    public Duration sample(RandomGenerator random) {
      return Duration.ZERO;
    }

    @Override
    public String toString() {
      return "none";
    }
  }

  /** A fixed delay. */
  record Fixed(Duration delay) implements Latency {
    public Fixed {
      requireNonNegative("latency", delay);
    }

    @Override
    public Duration sample(RandomGenerator random) {
      return delay;
    }
  }

  /** A uniformly distributed delay. */
  record Uniform(Duration min, Duration max) implements Latency {
    public Uniform {
      requireNonNegative("latency min", min);
      requireNonNegative("latency max", max);
      if (max.compareTo(min) < 0) {
        throw new IllegalArgumentException(
            "latency max must not be below min, was min=" + min + ", max=" + max);
      }
    }

    @Override
    public Duration sample(RandomGenerator random) {
      long span = max.toNanos() - min.toNanos();
      return span == 0 ? min : min.plusNanos(random.nextLong(span + 1));
    }
  }

  /**
   * A log-normally distributed delay.
   *
   * @param max the cap, or {@code null} for none
   */
  record LogNormal(Duration median, double sigma, @Nullable Duration max)
      implements Latency {
    public LogNormal {
      requireNonNegative("latency median", median);
      if (!(sigma >= 0) || Double.isInfinite(sigma)) {
        throw new IllegalArgumentException(
            "latency sigma must be a finite number >= 0, was " + sigma);
      }
      if (max != null) {
        requireNonNegative("latency max", max);
        if (max.compareTo(median) < 0) {
          throw new IllegalArgumentException(
              "latency max must not be below the median, was median=" + median + ", max=" + max);
        }
      }
    }

    @Override
    public Duration sample(RandomGenerator random) {
      double nanos = median.toNanos() * Math.exp(sigma * random.nextGaussian());
      double cap = max == null ? Long.MAX_VALUE : max.toNanos();
      return Duration.ofNanos((long) Math.min(nanos, cap));
    }
  }

  private static void requireNonNegative(String setting, Duration value) {
    Objects.requireNonNull(value, setting);
    if (value.isNegative()) {
      throw new IllegalArgumentException(setting + " must not be negative, was " + value);
    }
  }
}

package dev.contextgateway.simulator.profile;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One fault with its parameters: the retry delay a 429 announces, or how a slow drip is paced.
 * Create with the factory methods; {@link #of(FaultKind)} gives a kind's defaults.
 *
 * <p>Immutable and thread-safe.
 */
public final class Fault {
  /** The retry delay of {@link FaultKind#RATE_LIMITED} when none is given. */
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);

  /** The retry delay of {@link FaultKind#RATE_LIMITED_PER_DAY} when none is given. */
  public static final Duration DEFAULT_DAILY_RETRY_DELAY = Duration.ofSeconds(20);

  /** The length of a {@link FaultKind#SLOW_DRIP} when none is given. */
  public static final Duration DEFAULT_DRIP_DURATION = Duration.ofSeconds(2);

  /** The number of chunks of a {@link FaultKind#SLOW_DRIP} when none is given. */
  public static final int DEFAULT_DRIP_CHUNKS = 8;

  private final FaultKind kind;
  private final @Nullable Duration retryDelay;
  private final @Nullable Duration dripDuration;
  private final int dripChunks;

  private Fault(
      FaultKind kind, @Nullable Duration retryDelay, @Nullable Duration dripDuration, int dripChunks) {
    this.kind = kind;
    this.retryDelay = retryDelay;
    this.dripDuration = dripDuration;
    this.dripChunks = dripChunks;
  }

  /** The fault {@code kind} with its default parameters. */
  public static Fault of(FaultKind kind) {
    return switch (Objects.requireNonNull(kind, "kind")) {
      case RATE_LIMITED -> rateLimited(DEFAULT_RETRY_DELAY);
      case RATE_LIMITED_PER_DAY -> rateLimitedPerDay(DEFAULT_DAILY_RETRY_DELAY);
      case SLOW_DRIP -> slowDrip(DEFAULT_DRIP_DURATION, DEFAULT_DRIP_CHUNKS);
      default -> new Fault(kind, null, null, 0);
    };
  }

  /** A per-minute 429 whose {@code RetryInfo} says {@code retryDelay}. */
  public static Fault rateLimited(Duration retryDelay) {
    return new Fault(FaultKind.RATE_LIMITED, requirePositive("retryDelay", retryDelay), null, 0);
  }

  /** A per-day 429 whose {@code RetryInfo} says {@code retryDelay}. */
  public static Fault rateLimitedPerDay(Duration retryDelay) {
    return new Fault(
        FaultKind.RATE_LIMITED_PER_DAY, requirePositive("retryDelay", retryDelay), null, 0);
  }

  /** A correct answer sent in {@code chunks} pieces spread evenly over {@code duration}. */
  public static Fault slowDrip(Duration duration, int chunks) {
    requirePositive("drip duration", duration);
    if (duration.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("drip duration must be below 24 days, was " + duration);
    }
    if (chunks < 1) {
      throw new IllegalArgumentException("drip chunks must be positive, was " + chunks);
    }
    return new Fault(FaultKind.SLOW_DRIP, null, duration, chunks);
  }

  public FaultKind kind() {
    return kind;
  }

  /** The announced retry delay of a 429 fault, else {@code null}. */
  public @Nullable Duration retryDelay() {
    return retryDelay;
  }

  /** How long a slow drip takes, else {@code null}. */
  public @Nullable Duration dripDuration() {
    return dripDuration;
  }

  /** How many chunks a slow drip sends, else 0. */
  public int dripChunks() {
    return dripChunks;
  }

  private static Duration requirePositive(String setting, Duration value) {
    Objects.requireNonNull(value, setting);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(setting + " must be positive, was " + value);
    }
    return value;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Fault that
        && kind == that.kind
        && Objects.equals(retryDelay, that.retryDelay)
        && Objects.equals(dripDuration, that.dripDuration)
        && dripChunks == that.dripChunks;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, retryDelay, dripDuration, dripChunks);
  }

  @Override
  public String toString() {
    if (retryDelay != null) {
      return kind.id() + "(retryDelay=" + retryDelay + ")";
    }
    if (dripDuration != null) {
      return kind.id() + "(duration=" + dripDuration + ", chunks=" + dripChunks + ")";
    }
    return kind.id();
  }
}

package dev.contextgateway.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * Argument checks of the builders and value types, with one message shape: the setting's name,
 * the rule, and the bad value ({@code "timeToLive must be positive, was PT0S"}). A null value
 * fails with a {@link NullPointerException} naming the setting.
 */
public final class Checks {
  private Checks() {}

  /** {@code value}, if it is longer than zero. */
  public static Duration positive(String setting, Duration value) {
    Objects.requireNonNull(value, setting);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(setting + " must be positive, was " + value);
    }
    return value;
  }

  /** {@code value}, if it is zero or longer. */
  public static Duration notNegative(String setting, Duration value) {
    Objects.requireNonNull(value, setting);
    if (value.isNegative()) {
      throw new IllegalArgumentException(setting + " must not be negative, was " + value);
    }
    return value;
  }

  /** {@code value}, if it is above zero. */
  public static long positive(String setting, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(setting + " must be positive, was " + value);
    }
    return value;
  }

  /** {@code value}, if it is above zero. */
  public static int positive(String setting, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(setting + " must be positive, was " + value);
    }
    return value;
  }
}

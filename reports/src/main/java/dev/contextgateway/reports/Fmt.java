package dev.contextgateway.reports;

import java.util.Locale;

/**
 * Number formatting for every output of the report, with {@link Locale#ROOT} so the output does
 * not depend on the machine's locale.
 */
final class Fmt {

  /** Nanoseconds per millisecond: the report's latency unit is the millisecond. */
  static final double NANOS_PER_MILLI = 1_000_000.0;

  static final String NONE = "–";

  private Fmt() {}

  /**
   * A number with about four significant digits and thousands separators: {@code 123,456,789},
   * {@code 1,234}, {@code 123.5}, {@code 12.35}, {@code 1.235}, {@code 0.1235}.
   */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return NONE;
    }
    double abs = Math.abs(value);
    if (abs >= 1000 || (value == Math.rint(value) && abs >= 1)) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    if (abs >= 1 || abs == 0) {
      return String.format(Locale.ROOT, "%.3f", value);
    }
    return String.format(Locale.ROOT, "%.4g", value);
  }

  /** Milliseconds with three decimals (microsecond resolution): {@code 50.123}. */
  static String millis(double millis) {
    return Double.isFinite(millis) ? String.format(Locale.ROOT, "%,.3f", millis) : NONE;
  }

  /** A latency in nanoseconds, shown in milliseconds: {@code 50.123}. */
  static String nanosAsMillis(long nanos) {
    return millis(nanos / NANOS_PER_MILLI);
  }

  /** A ratio: {@code 0.75×}, {@code 12.3×}, {@code 1,234×}. */
  static String ratio(double ratio) {
    if (!Double.isFinite(ratio)) {
      return NONE;
    }
    double abs = Math.abs(ratio);
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%,.0f×", ratio);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f×", ratio);
    }
    return String.format(Locale.ROOT, "%.2f×", ratio);
  }

  /** A fraction as a percentage with two decimals: 0.0123 gives {@code 1.23 %}. */
  static String percent(double fraction) {
    return Double.isFinite(fraction)
        ? String.format(Locale.ROOT, "%.2f %%", fraction * 100)
        : NONE;
  }

  /** A count: {@code 1,234,567}. */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** A percentile as its label: 99.9 gives {@code p99.9}, 50 gives {@code p50}. */
  static String percentileLabel(double percentile) {
    return "p" + trim(percentile);
  }

  /** A plain decimal without trailing zeros: 2000.0 gives {@code 2000}, 0.5 gives {@code 0.5}. */
  static String trim(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}

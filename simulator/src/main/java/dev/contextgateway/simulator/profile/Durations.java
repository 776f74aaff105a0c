package dev.contextgateway.simulator.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration notation of profile files and the command line: {@code 250ms}, {@code 1.5s},
 * {@code 2m}, {@code 1h}, {@code 1d} (also {@code ns}, {@code us}), ISO-8601 ({@code PT1.5S}), or
 * a bare number of milliseconds.
 */
public final class Durations {
  private static final Pattern WITH_UNIT =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h|d)");

  private Durations() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the text if it is not a duration
   */
  public static Duration parse(String text) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (trimmed.startsWith("pt") || trimmed.startsWith("p")) {
        return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
      }
      if (trimmed.matches("\\d+(\\.\\d+)?")) {
        return ofNanos(new BigDecimal(trimmed).multiply(BigDecimal.valueOf(1_000_000)));
      }
      Matcher matcher = WITH_UNIT.matcher(trimmed);
      if (matcher.matches()) {
        BigDecimal amount = new BigDecimal(matcher.group(1));
        return ofNanos(amount.multiply(BigDecimal.valueOf(nanosPer(matcher.group(2)))));
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "not a duration: '" + text + "' (examples: 250ms, 1.5s, 2m, PT10S)");
  }

  /** The shortest exact notation of {@code duration}: {@code 2s}, {@code 250ms}, else ISO. */
  public static String format(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos % 1_000_000_000L == 0) {
      return nanos / 1_000_000_000L + "s";
    }
    if (nanos % 1_000_000L == 0) {
      return nanos / 1_000_000L + "ms";
    }
    return duration.toString();
  }

  private static Duration ofNanos(BigDecimal nanos) {
    return Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
  }

  private static long nanosPer(String unit) {
    return switch (unit) {
      case "ns" -> 1;
      case "us" -> 1_000;
      case "ms" -> 1_000_000;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default -> 86_400_000_000_000L;
    };
  }
}

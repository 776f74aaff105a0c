package dev.contextgateway.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Linear axis ticks at round numbers, and the labels of the log-percentile axis. */
final class Axis {

  private Axis() {}

  /**
   * Ticks from 0 to the first round number at or above {@code max}, about {@code target} of them,
   * with a step of 1, 2 or 5 times a power of ten. A non-positive {@code max} gives 0 and 1.
   */
  static List<Double> ticks(double max, int target) {
    if (!(max > 0) || !Double.isFinite(max)) {
      return List.of(0.0, 1.0);
    }
    double rough = max / target;
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    double step = magnitude * 10;
    for (double factor : new double[] {1, 2, 5, 10}) {
      if (factor * magnitude >= rough) {
        step = factor * magnitude;
        break;
      }
    }
    List<Double> ticks = new ArrayList<>();
    int count = (int) Math.ceil(max / step - 1e-9);
    for (int i = 0; i <= Math.max(1, count); i++) {
      ticks.add(round(i * step));
    }
    return ticks;
  }

  private static double round(double value) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.10g", value));
  }

  /** A tick label without superfluous digits: 0, 0.05, 2.5, 100, 1,000. */
  static String label(double value) {
    if (value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return Fmt.trim(value);
  }

  /** A tick label with SI suffixes: 500, 1.5k, 20M, 3G. */
  static String si(double value) {
    double abs = Math.abs(value);
    if (abs >= 1e9) {
      return Fmt.trim(round3(value / 1e9)) + "G";
    }
    if (abs >= 1e6) {
      return Fmt.trim(round3(value / 1e6)) + "M";
    }
    if (abs >= 1e3) {
      return Fmt.trim(round3(value / 1e3)) + "k";
    }
    return label(value);
  }

  private static double round3(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  /**
   * The label of decade {@code d} of the percentile axis, where x = log10(1 / (1 − p)): 0 is
   * {@code 0%}, 1 is {@code 90%}, 2 is {@code 99%}, 3 is {@code 99.9%}...
   */
  static String percentileDecade(int d) {
    if (d == 0) {
      return "0%";
    }
    if (d == 1) {
      return "90%";
    }
    if (d == 2) {
      return "99%";
    }
    return "99." + "9".repeat(d - 2) + "%";
  }
}

package dev.contextgateway.reports;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A performance target: a measured figure, a comparison and a bound. Pure data; {@link Targets}
 * lists them and {@link TargetEvaluator} evaluates them.
 *
 * @param id a stable identifier (also the key of {@code targetNotes} in {@code run.json})
 * @param title what is measured, in words
 * @param requirement the target in words, such as {@code p99 ≤ generator latency + 1 ms}
 * @param jmh for targets over JMH results, which results; null for run.json and latency targets
 * @param measured the measured figure
 * @param check how the figure is compared with the bound
 * @param bound the bound
 * @param unit how the figure and the bound are shown
 */
record Target(
    String id,
    String title,
    String requirement,
    @Nullable JmhScope jmh,
    Measure measured,
    Check check,
    Measure bound,
    Unit unit) {

  /**
   * The JMH results a target is evaluated over: those whose full benchmark name matches {@code
   * benchmark} (a regular expression) and whose parameters have the values in {@code where}
   * ({@code threads} also matches JMH's thread count). The target is evaluated once per group of
   * results sharing benchmark, mode and the parameters other than {@code impl}.
   */
  record JmhScope(String benchmark, Map<String, String> where) {
    JmhScope {
      where = Map.copyOf(where);
    }
  }

  /** A comparison of a figure with a bound. */
  enum Comparison {
    /** figure ≤ bound. */
    AT_MOST,
    /** figure ≥ bound. */
    AT_LEAST,
    /** |figure − bound| ≤ tolerance. */
    EQUAL,
    /** |figure − bound| ≤ tolerance × bound. */
    NEAR
  }

  /** A comparison with its tolerance (absolute for EQUAL, relative for NEAR, else unused). */
  record Check(Comparison comparison, double tolerance) {
    static Check atMost() {
      return new Check(Comparison.AT_MOST, 0);
    }

    static Check atLeast() {
      return new Check(Comparison.AT_LEAST, 0);
    }

    static Check equalWithin(double absolute) {
      return new Check(Comparison.EQUAL, absolute);
    }

    static Check near(double relative) {
      return new Check(Comparison.NEAR, relative);
    }

    boolean passes(double figure, double bound) {
      return switch (comparison) {
        case AT_MOST -> figure <= bound;
        case AT_LEAST -> figure >= bound;
        case EQUAL -> Math.abs(figure - bound) <= tolerance;
        case NEAR -> Math.abs(figure - bound) <= tolerance * Math.abs(bound);
      };
    }
  }

  /** How a target's figures are shown. */
  enum Unit {
    /** A plain number. */
    NUMBER,
    /** Milliseconds. */
    MILLIS,
    /** A ratio, shown as {@code 0.75×}. */
    RATIO,
    /** A fraction, shown as a percentage. */
    PERCENT;

    String format(double value) {
      return switch (this) {
        case NUMBER -> Fmt.number(value);
        case MILLIS -> Fmt.millis(value) + " ms";
        case RATIO -> Fmt.ratio(value);
        case PERCENT -> Fmt.percent(value);
      };
    }
  }
}

package dev.contextgateway.reports;

/**
 * What a target reads from a run: a small expression over its figures. Evaluated by {@link
 * TargetEvaluator}; every leaf says where its figure comes from.
 */
sealed interface Measure {

  /**
   * A metric of the JMH result of {@code implementation} in the group the target is evaluated
   * in (same benchmark, mode and other parameters).
   *
   * @param metric {@link JmhResult#PRIMARY} or the name of a secondary metric
   */
  record JmhScore(String implementation, String metric) implements Measure {}

  /** A percentile (0–100) of a latency log, in milliseconds. */
  record Percentile(String scenario, String implementation, double percentile) implements Measure {}

  /** A counter of an implementation in a scenario of {@code run.json}. */
  record Counter(String scenario, String implementation, String counter) implements Measure {}

  /** A numeric parameter of a scenario of {@code run.json}. */
  record Parameter(String scenario, String name) implements Measure {}

  /** A fixed number. */
  record Constant(double value) implements Measure {}

  /** {@code numerator / denominator}; not measured when the denominator is zero. */
  record Quotient(Measure numerator, Measure denominator) implements Measure {}

  /** {@code factor * base + offset}. */
  record Linear(Measure base, double factor, double offset) implements Measure {}

  static Measure constant(double value) {
    return new Constant(value);
  }

  static Measure quotient(Measure numerator, Measure denominator) {
    return new Quotient(numerator, denominator);
  }
}

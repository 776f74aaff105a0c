package dev.contextgateway.reports;

import org.jspecify.annotations.Nullable;

/**
 * A target evaluated on one scope of a run.
 *
 * @param target the target
 * @param scope where it was evaluated: a scenario and implementation, or a benchmark and its
 *     parameters
 * @param status met, missed or not measured
 * @param measured the measured figure, formatted, or {@link Fmt#NONE}
 * @param requirement the requirement, with the bound's value when the bound is not a constant
 * @param margin by how much it was met or missed, or why it was not measured
 * @param note the run's remark on this target, if any
 */
record TargetResult(
    Target target,
    String scope,
    Status status,
    String measured,
    String requirement,
    String margin,
    @Nullable String note) {

  enum Status {
    MET("met"),
    MISSED("missed"),
    NOT_MEASURED("not measured");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }
}

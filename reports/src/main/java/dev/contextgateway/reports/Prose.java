package dev.contextgateway.reports;

import dev.contextgateway.reports.TargetResult.Status;
import dev.contextgateway.reports.run.MachineInfo;
import dev.contextgateway.reports.run.RunInfo;

/** The sentences markdown and HTML share. */
final class Prose {

  static final String LATENCY =
      "Each request is timed from its intended start at a constant arrival rate to its end, so"
          + " queueing behind a slow request counts (no coordinated omission). Values in"
          + " milliseconds; the .hgrm files hold the full distributions. Ratios divide each value by"
          + " the reference implementation's value in the same column.";

  static final String THROUGHPUT =
      "JMH scores with their error (the 99.9 % confidence half-width; – when JMH could not"
          + " compute it). The ratio columns divide a score by caffeine's or naive's score for the"
          + " same benchmark, parameters and metric; for throughput higher is better.";

  private Prose() {}

  static String headline(RunInfo run) {
    MachineInfo m = run.machine();
    return "A "
        + run.mode()
        + " run started "
        + m.date()
        + " on "
        + m.cores()
        + (m.cores() == 1 ? " core" : " cores")
        + ", "
        + m.jvmName()
        + " "
        + m.jvmVersion()
        + ".";
  }

  static final String TARGETS =
      "A target is never estimated: a figure the run does not hold leaves it not measured, with"
          + " the reason. Notes beside targets come from run.json (targetNotes, by target id).";

  static String targetCounts(ReportContent content) {
    return content.count(Status.MET)
        + " met, "
        + content.count(Status.MISSED)
        + " missed, "
        + content.count(Status.NOT_MEASURED)
        + " not measured.";
  }
}

package dev.contextgateway.jcstress.harness;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Judges a jcstress run against what it was expected to show. Pure: it sees only the tests that
 * were selected and what each did, so the rules are unit-tested without running jcstress.
 *
 * <p>Rules, per selected test:
 *
 * <ul>
 *   <li>a test that errored (an actor threw, a fork timed out or crashed) fails either way: a
 *       baseline that crashes has shown no race;
 *   <li>{@link Expectation#CLEAN}: passes if no forbidden outcome was observed;
 *   <li>{@link Expectation#FORBIDDEN}: passes only if a forbidden outcome was observed; a clean
 *       baseline run means the harness no longer sees the defect it exists to see;
 *   <li>a test that did not run fails, unless it has more actors than the machine has CPUs:
 *       jcstress cannot schedule it there, and it is reported as skipped.
 * </ul>
 *
 * A run in which no test was selected, or every selected test was skipped, fails.
 */
final class Verdict {

  /** What every selected test of a run is expected to show. */
  enum Expectation {
    /** No forbidden outcome: the tests of core. */
    CLEAN,
    /** At least one forbidden outcome in every test: the baselines, to prove detection. */
    FORBIDDEN
  }

  /** A test the run selected, with its number of actor threads. */
  record Selected(String name, int actors) {
    Selected {
      Objects.requireNonNull(name, "name");
    }
  }

  enum Mark {
    PASS,
    FAIL,
    SKIP
  }

  /** One line of the verdict. */
  record Line(String test, Mark mark, String reason) {}

  /** How many forbidden outcomes a line names. */
  private static final int SHOWN_OUTCOMES = 3;

  private final Expectation expectation;
  private final List<Line> lines;
  private final List<String> runProblems;

  private Verdict(Expectation expectation, List<Line> lines, List<String> runProblems) {
    this.expectation = expectation;
    this.lines = List.copyOf(lines);
    this.runProblems = List.copyOf(runProblems);
  }

  static Verdict judge(
      Expectation expectation, List<Selected> selected, Map<String, TestRun> runs, int cpus) {
    List<Line> lines = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (selected.isEmpty()) {
      problems.add("no test matches the selection");
    }
    for (Selected test : selected) {
      TestRun run = runs.get(test.name());
      lines.add(run == null ? notRun(test, cpus) : judge(expectation, run));
    }
    if (!selected.isEmpty() && lines.stream().allMatch(line -> line.mark() == Mark.SKIP)) {
      problems.add("no selected test could run on " + cpus + " CPUs");
    }
    return new Verdict(expectation, lines, problems);
  }

  private static Line notRun(Selected test, int cpus) {
    if (test.actors() > cpus) {
      return new Line(
          test.name(),
          Mark.SKIP,
          "has " + test.actors() + " actors, more than the " + cpus + " CPUs jcstress may use here");
    }
    return new Line(test.name(), Mark.FAIL, "selected but jcstress reported no result for it");
  }

  private static Line judge(Expectation expectation, TestRun run) {
    if (!run.completed()) {
      return new Line(run.name(), Mark.FAIL, "did not complete: " + run.problem());
    }
    return switch (expectation) {
      case CLEAN ->
          run.sawForbidden()
              ? new Line(run.name(), Mark.FAIL, "observed forbidden outcomes " + describe(run))
              : new Line(run.name(), Mark.PASS, "no forbidden outcome in " + run.samples() + " samples");
      case FORBIDDEN ->
          run.sawForbidden()
              ? new Line(run.name(), Mark.PASS, "defect detected: " + describe(run))
              : new Line(
                  run.name(),
                  Mark.FAIL,
                  "came back clean after "
                      + run.samples()
                      + " samples: the harness did not see the defect this baseline has");
    };
  }

  /** The total of forbidden samples and the most frequent forbidden outcomes. */
  private static String describe(TestRun run) {
    long total = run.forbidden().values().stream().mapToLong(Long::longValue).sum();
    List<String> top =
        run.forbidden().entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(SHOWN_OUTCOMES)
            .map(outcome -> "[" + outcome.getKey() + "] x" + outcome.getValue())
            .toList();
    String more =
        run.forbidden().size() > SHOWN_OUTCOMES
            ? " and " + (run.forbidden().size() - SHOWN_OUTCOMES) + " more"
            : "";
    return total + " of " + run.samples() + " samples: " + String.join(", ", top) + more;
  }

  boolean passed() {
    return runProblems.isEmpty() && lines.stream().noneMatch(line -> line.mark() == Mark.FAIL);
  }

  List<Line> lines() {
    return Collections.unmodifiableList(lines);
  }

  void printOn(PrintStream out) {
    out.println();
    out.println("jcstress verdict, expecting " + expectation + ":");
    for (Line line : lines) {
      out.println("  [" + line.mark() + "] " + line.test() + ": " + line.reason());
    }
    for (String problem : runProblems) {
      out.println("  [FAIL] " + problem);
    }
    out.println(passed() ? "  => as expected" : "  => NOT as expected");
  }
}

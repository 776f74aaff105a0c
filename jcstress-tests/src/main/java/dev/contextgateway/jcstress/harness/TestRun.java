package dev.contextgateway.jcstress.harness;

import java.util.Map;
import java.util.Objects;

/**
 * What one jcstress test did in a run, merged over its forks and JVM configurations.
 *
 * @param name the test's name, as jcstress lists it
 * @param completed whether every fork ran to the end (jcstress status {@code NORMAL}); false when a
 *     fork threw, timed out or crashed, in which case {@code problem} says how
 * @param problem jcstress's status and messages when not {@code completed}, else empty
 * @param samples how many outcomes were observed
 * @param forbidden the forbidden outcomes observed, with their counts; empty if none
 */
record TestRun(
    String name, boolean completed, String problem, long samples, Map<String, Long> forbidden) {

  TestRun {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(problem, "problem");
    forbidden = Map.copyOf(forbidden);
  }

  static TestRun completed(String name, long samples, Map<String, Long> forbidden) {
    return new TestRun(name, true, "", samples, forbidden);
  }

  static TestRun broken(String name, String problem) {
    return new TestRun(name, false, problem, 0, Map.of());
  }

  boolean sawForbidden() {
    return !forbidden.isEmpty();
  }
}

package dev.contextgateway.lincheck;

import static org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt.forClasses;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.StressOptions;

/**
 * The Lincheck options every test here starts from.
 *
 * <p><b>Depth</b> comes from system properties so that CI and the deep profile run the same tests
 * (the module's {@code pom.xml} sets them; README.md lists them); a property that is not set takes
 * the CI value.
 *
 * <p><b>Model-checking scope.</b> Lincheck may switch threads at every shared-memory access it
 * sees. Caffeine's methods are treated as atomic steps: each is linearizable per key (Caffeine
 * runs its own Lincheck tests), the races under test are between the cache's own steps, and the
 * reports stay readable. The statistics' {@code LongAdder}s and HdrHistogram recorders are not
 * analysed. {@code DefaultContextCache.invalidateWorkspace} and {@code workspaceState} (which
 * looks a key's workspace up) are not analysed either: they call {@code Path} methods, which
 * Lincheck's model checker refuses as file-system calls (JetBrains/lincheck#1027), so model
 * checking runs each as one atomic step. {@code invalidateWorkspace} shares its epoch advance and
 * clean-up with {@code invalidateAll}, which is analysed, and stress runs both for real.
 */
final class LincheckOptions {
  static final String MODEL_CHECKING_ITERATIONS = "lincheck.modelChecking.iterations";
  static final String MODEL_CHECKING_INVOCATIONS = "lincheck.modelChecking.invocations";
  static final String STRESS_ITERATIONS = "lincheck.stress.iterations";
  static final String STRESS_INVOCATIONS = "lincheck.stress.invocations";
  static final String SCENARIO_INVOCATIONS = "lincheck.scenario.invocations";

  private LincheckOptions() {}

  /**
   * Model checking of tests whose only subject is the context cache: as {@link #modelChecking()},
   * and {@code ConcurrentHashMap} and the fake ticker are atomic steps too, which lets the same
   * number of interleavings reach deeper. (Not for the baselines: the lock-deleting one creates
   * its locks inside {@code computeIfAbsent}, and locks created in an atomic step are invisible to
   * Lincheck, which then reports a lock wait as a hang.)
   */
  static ModelCheckingOptions modelCheckingContextCache() {
    return modelChecking()
        .addGuarantee(
            forClasses("java.util.concurrent.ConcurrentHashMap", "dev.contextgateway.time.FakeTime")
                .allMethods()
                .treatAsAtomic());
  }

  /** Random scenarios explored by model checking, and interleavings tried per scenario. */
  static ModelCheckingOptions modelChecking() {
    return new ModelCheckingOptions()
        .iterations(positive(MODEL_CHECKING_ITERATIONS, 10))
        .invocationsPerIteration(positive(MODEL_CHECKING_INVOCATIONS, 300))
        .addGuarantee(
            forClasses(name -> name.startsWith("com.github.benmanes.caffeine."))
                .allMethods()
                .treatAsAtomic())
        .addGuarantee(
            forClasses(
                    name ->
                        name.startsWith("org.HdrHistogram.")
                            || name.equals("dev.contextgateway.cache.AgeCounts")
                            || name.equals("java.util.concurrent.atomic.LongAdder")
                            || name.equals("java.util.concurrent.atomic.Striped64"))
                .allMethods()
                .ignore())
        .addGuarantee(
            forClasses("dev.contextgateway.cache.DefaultContextCache")
                .methods("invalidateWorkspace", "workspaceState")
                .ignore());
  }

  /** Random scenarios run on real threads, and runs per scenario. */
  static StressOptions stress() {
    return new StressOptions()
        .iterations(positive(STRESS_ITERATIONS, 10))
        .invocationsPerIteration(positive(STRESS_INVOCATIONS, 500));
  }

  /** Interleavings explored by each imperative scenario ({@code Lincheck.runConcurrentTest}). */
  static int scenarioInvocations() {
    return positive(SCENARIO_INVOCATIONS, 50);
  }

  static int positive(String property, int fallback) {
    String text = System.getProperty(property);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          property + " must be a positive integer, was '" + text + "'", e);
    }
    if (value <= 0) {
      throw new IllegalArgumentException(property + " must be positive, was " + value);
    }
    return value;
  }
}

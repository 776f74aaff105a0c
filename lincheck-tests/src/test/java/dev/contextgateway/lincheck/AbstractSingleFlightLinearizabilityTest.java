package dev.contextgateway.lincheck;

import static dev.contextgateway.lincheck.CustomScenario.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.jspecify.annotations.Nullable;

/**
 * Linearizability of single-flight generation: {@code getOrGenerate} and {@code get} against
 * {@link CacheSpecification}, over keys 1..3 so that operations collide. A generated value names
 * the thread whose call started the generation ({@link Values}), so a double generation is a
 * wrong result that no sequential order explains. {@link AbstractCacheLinearizabilityTest} adds
 * the writes.
 *
 * <p>Lincheck makes a fresh instance, and so a fresh cache, for every run of a scenario. One short
 * subclass per implementation says whether every history must be linearizable (the context cache)
 * or a violation must be found (the seed's baselines: this is how the build proves that the test
 * can see their bugs). Besides its random scenarios, every model-checking run explores fixed ones,
 * the shapes the seed's bugs need, so that detection does not hang on the luck of the draw; here a
 * herd: two concurrent misses of one key. (All parameters are declared here, those of the
 * subclass's operations too: Lincheck resolves a method's parameters while it walks the class
 * hierarchy from the bottom.)
 */
@Param(name = "key", gen = IntGen.class, conf = Keys.MIN + ":" + Keys.MAX)
@Param(name = "thread", gen = ThreadIdGen.class)
@Param(name = "value", gen = IntGen.class, conf = "1:2")
@Param(name = "workspace", gen = IntGen.class, conf = "0:" + (Keys.WORKSPACES - 1))
public abstract class AbstractSingleFlightLinearizabilityTest {
  protected final CacheUnderTest cache;

  protected AbstractSingleFlightLinearizabilityTest(Supplier<CacheUnderTest> factory) {
    this.cache = factory.get();
  }

  @Operation
  public String getOrGenerate(@Param(name = "key") int key, @Param(name = "thread") int thread) {
    return cache.getOrGenerate(key, Values.generated(thread));
  }

  @Operation
  public @Nullable String get(@Param(name = "key") int key) {
    return cache.get(key);
  }

  /**
   * Model checking at the configured depth, with the fixed scenarios. Model checking is the
   * baselines' proof: it explores interleavings systematically, so it finds their bugs every run.
   */
  protected ModelCheckingOptions modelChecking() {
    ModelCheckingOptions options = shape(LincheckOptions.modelChecking());
    for (CustomScenario scenario : fixedScenarios()) {
      options.addCustomScenario(scenario.build());
    }
    return options;
  }

  /** Stress testing at the configured depth: random scenarios on real threads. */
  protected StressOptions stress() {
    return shape(LincheckOptions.stress());
  }

  /** The shape of the random scenarios and the specification; subclasses may widen them. */
  protected <O extends Options<O, ?>> O shape(O options) {
    return options
        .threads(3)
        .actorsPerThread(2)
        .actorsBefore(1)
        .actorsAfter(1)
        .sequentialSpecification(CacheSpecification.class);
  }

  /** The fixed scenarios every model-checking run explores; subclasses may add theirs. */
  protected List<CustomScenario> fixedScenarios() {
    List<CustomScenario> scenarios = new ArrayList<>();
    scenarios.add(herd(getClass()));
    return scenarios;
  }

  /** Two concurrent misses of one key: the naive cache's herd. */
  static CustomScenario herd(Class<?> test) {
    return CustomScenario.on(test)
        .thread(call("getOrGenerate", 1, 1))
        .thread(call("getOrGenerate", 1, 2));
  }

  /** Runs the check on this class; passes if Lincheck finds no non-linearizable history. */
  protected void assertLinearizable(Options<?, ?> options) {
    options.check(getClass());
  }

  /**
   * Runs the check on this class and passes only if Lincheck reports a history that no sequential
   * order explains. Lincheck's report (scenario, results, interleaving) goes to the test output.
   */
  protected void assertViolationFound(Options<?, ?> options) {
    LincheckAssertionError error =
        catchThrowableOfType(LincheckAssertionError.class, () -> options.check(getClass()));
    assertThat(error)
        .as("Lincheck should find a non-linearizable history of %s", getClass().getSimpleName())
        .isNotNull();
    assertThat(error.getMessage()).contains("Invalid execution results");
    System.out.println(getClass().getSimpleName() + ": Lincheck found\n" + error.getMessage());
  }
}

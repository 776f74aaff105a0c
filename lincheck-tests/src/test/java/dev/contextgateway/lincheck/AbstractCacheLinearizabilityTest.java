package dev.contextgateway.lincheck;

import static dev.contextgateway.lincheck.CustomScenario.call;

import java.util.List;
import java.util.function.Supplier;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * The whole write surface on top of {@link AbstractSingleFlightLinearizabilityTest}: {@code put},
 * {@code invalidate}, {@code invalidateWorkspace} (keys 1 and 3 share workspace 1, key 2 is alone
 * in workspace 0) and {@code invalidateAll}, against the same {@link CacheSpecification}, in which
 * a bulk invalidation is one atomic step.
 *
 * <p>Model checking also explores fixed scenarios: the deleted-lock shape the lock-deleting
 * baseline needs (a generation, a waiter for it, an invalidation and a newcomer), and the four
 * races Lincheck found in an earlier design of the context cache (README.md), which stay as
 * regression tests. Random scenarios alone rarely reach those: each needs two
 * or three thread switches at particular points, and the number of interleavings grows fast with
 * the size of a scenario.
 */
public abstract class AbstractCacheLinearizabilityTest
    extends AbstractSingleFlightLinearizabilityTest {

  protected AbstractCacheLinearizabilityTest(Supplier<CacheUnderTest> factory) {
    super(factory);
  }

  @Operation
  public void put(@Param(name = "key") int key, @Param(name = "value") int value) {
    cache.put(key, Values.put(value));
  }

  @Operation
  public void invalidate(@Param(name = "key") int key) {
    cache.invalidate(key);
  }

  @Operation
  public void invalidateWorkspace(@Param(name = "workspace") int workspace) {
    cache.invalidateWorkspace(workspace);
  }

  @Operation
  public void invalidateAll() {
    cache.invalidateAll();
  }

  @Override
  protected List<CustomScenario> fixedScenarios() {
    Class<?> test = getClass();
    List<CustomScenario> scenarios = super.fixedScenarios();
    scenarios.add(deletedLock(test));
    scenarios.add(putRacingAGeneration(test));
    scenarios.add(invalidateRacingTwoGenerations(test));
    scenarios.add(invalidateAllRacingTwoPuts(test));
    scenarios.add(getOrGenerateAfterInvalidate(test));
    return scenarios;
  }

  /**
   * A generation, a waiter for it, an invalidation and a newcomer: the lock-deleting cache's
   * waiter on the deleted lock and the newcomer on its replacement generate at once.
   */
  static CustomScenario deletedLock(Class<?> test) {
    return CustomScenario.on(test)
        .thread(call("getOrGenerate", 1, 1), call("invalidate", 1), call("getOrGenerate", 1, 1))
        .thread(call("getOrGenerate", 1, 2))
        .post(call("get", 1));
  }

  /** A put and a generation of one key, then a look-up. */
  static CustomScenario putRacingAGeneration(Class<?> test) {
    return CustomScenario.on(test)
        .thread(call("put", 1, 1))
        .thread(call("getOrGenerate", 1, 2))
        .post(call("get", 1));
  }

  /** An invalidation and two generations of one key, then a look-up. */
  static CustomScenario invalidateRacingTwoGenerations(Class<?> test) {
    return CustomScenario.on(test)
        .thread(call("invalidate", 1))
        .thread(call("getOrGenerate", 1, 2))
        .thread(call("getOrGenerate", 1, 3))
        .post(call("get", 1));
  }

  /** With key 2 present, an invalidation of all and puts of keys 1 then 3, then look-ups. */
  static CustomScenario invalidateAllRacingTwoPuts(Class<?> test) {
    return CustomScenario.on(test)
        .init(call("put", 2, 1))
        .thread(call("invalidateAll"))
        .thread(call("put", 1, 1), call("put", 3, 1))
        .post(call("get", 1), call("get", 3));
  }

  /** A put, an invalidation and a generation of one key, racing another generation. */
  static CustomScenario getOrGenerateAfterInvalidate(Class<?> test) {
    return CustomScenario.on(test)
        .thread(call("put", 1, 1), call("invalidate", 1), call("getOrGenerate", 1, 1))
        .thread(call("getOrGenerate", 1, 2))
        .post(call("get", 1));
  }
}

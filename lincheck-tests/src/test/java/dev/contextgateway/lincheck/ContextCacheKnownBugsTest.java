package dev.contextgateway.lincheck;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Test;

/**
 * The linearizability violations of {@link dev.contextgateway.cache.ContextCache} that Lincheck
 * found (the last one by stress testing first), each pinned as the fixed scenario that shows it
 * and checked by model checking against {@link CacheSpecification}. Each test passes while its bug
 * is there. When one fails, that bug is fixed (see {@link #only} for the caveat): delete the test;
 * when none is left, enable {@link ContextCacheLinearizabilityTest} and {@link
 * ContextCacheEvictionNoStaleResurrectionTest}. README.md describes each bug and its interleaving.
 */
public class ContextCacheKnownBugsTest extends AbstractCacheLinearizabilityTest {
  private static final int PIN_INVOCATIONS = 10_000;

  public ContextCacheKnownBugsTest() {
    super(ContextCacheSubject::new);
  }

  /**
   * A put that has returned is overwritten by a generation that started before it: the put's
   * supersede step finds no flight, the generation registers and re-checks the store before the put
   * writes, then installs over it.
   */
  @Test
  void put_racingAGeneration_isOverwrittenByIt() {
    assertViolationFound(only(putRacingAGeneration(getClass())));
  }

  /**
   * An invalidation removes a value generated after it began: it supersedes the flight in
   * progress, a new generation starts, installs and returns, and only then does the invalidation
   * remove the stored entry, which is now the new generation's.
   */
  @Test
  void invalidate_racingTwoGenerations_removesTheLaterOne() {
    assertViolationFound(only(invalidateRacingTwoGenerations(getClass())));
  }

  /**
   * A bulk invalidation is not atomic across keys: its weakly consistent iteration of the store
   * passes key 1 before a put of key 1 and reaches key 3 after a later put of key 3, so the later
   * put is removed and the earlier one kept.
   */
  @Test
  void invalidateAll_racingTwoPuts_removesOnlyTheLaterOne() {
    assertViolationFound(only(invalidateAllRacingTwoPuts(getClass())));
  }

  /**
   * A caller that starts after an invalidation returned gets the invalidated value (I2): a
   * generation that found a newer entry on its re-check stays joinable until it completes with
   * that entry, by which time the invalidation has removed it; the later caller joins it.
   */
  @Test
  void getOrGenerate_afterInvalidate_joinsAFlightServingTheRemovedValue() {
    assertViolationFound(only(getOrGenerateAfterInvalidate(getClass())));
  }

  /**
   * Model checking of this one scenario, no random ones, with a fixed budget: a pin must not
   * depend on the CI depth. The exploration is deterministic, so a pin that finds its bug finds it
   * every run, well within the budget. If one stops finding it after a change to the cache, the bug
   * may be fixed or the interleaving may have moved: run {@link ContextCacheLinearizabilityTest}
   * at the deep profile before deleting the pin.
   */
  private static ModelCheckingOptions only(CustomScenario scenario) {
    return LincheckOptions.modelCheckingContextCache()
        .iterations(0)
        .invocationsPerIteration(PIN_INVOCATIONS)
        .addCustomScenario(scenario.build())
        .sequentialSpecification(CacheSpecification.class);
  }
}

package dev.contextgateway.lincheck;

import org.junit.jupiter.api.Test;

/**
 * {@link dev.contextgateway.cache.ContextCache} without eviction, whole write surface: every
 * history is linearizable. Besides random scenarios, model checking replays the four interleavings
 * that once broke it (see {@link AbstractCacheLinearizabilityTest#fixedScenarios()} and README.md).
 */
public class ContextCacheLinearizabilityTest extends AbstractCacheLinearizabilityTest {
  public ContextCacheLinearizabilityTest() {
    super(ContextCacheSubject::new);
  }

  @Test
  void modelChecking_everyHistoryIsLinearizable() {
    assertLinearizable(modelChecking());
  }

  @Test
  void stress_everyHistoryIsLinearizable() {
    assertLinearizable(stress());
  }
}

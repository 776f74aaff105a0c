package dev.contextgateway.lincheck;

import org.junit.jupiter.api.Test;

/**
 * {@link dev.contextgateway.cache.ContextCache}: every history of {@code getOrGenerate} and {@code
 * get} is linearizable.
 */
public class ContextCacheSingleFlightLinearizabilityTest
    extends AbstractSingleFlightLinearizabilityTest {
  public ContextCacheSingleFlightLinearizabilityTest() {
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

package dev.contextgateway.lincheck;

import org.junit.jupiter.api.Test;

/**
 * Detection power: the seed's check-then-act cache fails the test that {@link
 * ContextCacheSingleFlightLinearizabilityTest} passes; two concurrent misses of one key both
 * generate.
 */
public class NaiveCacheSingleFlightLinearizabilityTest
    extends AbstractSingleFlightLinearizabilityTest {
  public NaiveCacheSingleFlightLinearizabilityTest() {
    super(BaselineCacheSubject::naive);
  }

  @Test
  void modelChecking_findsTheDoubleGeneration() {
    assertViolationFound(modelChecking());
  }
}

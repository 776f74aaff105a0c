package dev.contextgateway.lincheck;

import org.junit.jupiter.api.Test;

/** Detection power: the seed's check-then-act cache fails the whole-surface test too. */
public class NaiveCacheLinearizabilityTest extends AbstractCacheLinearizabilityTest {
  public NaiveCacheLinearizabilityTest() {
    super(BaselineCacheSubject::naive);
  }

  @Test
  void modelChecking_findsTheDoubleGeneration() {
    assertViolationFound(modelChecking());
  }
}

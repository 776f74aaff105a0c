package dev.contextgateway.lincheck;

import org.junit.jupiter.api.Test;

/**
 * Detection power: the seed's lock-per-key cache that deletes its locks fails the whole-surface
 * test; after an invalidation, a waiter on the deleted lock and a newcomer on its replacement
 * generate the same key at once. (It passes the single-flight test: without an invalidation, the
 * re-check under the lock always finds the first generation's value.)
 */
public class LockDeletingCacheLinearizabilityTest extends AbstractCacheLinearizabilityTest {
  public LockDeletingCacheLinearizabilityTest() {
    super(BaselineCacheSubject::lockDeleting);
  }

  @Test
  void modelChecking_findsTheDoubleGeneration() {
    assertViolationFound(modelChecking());
  }
}

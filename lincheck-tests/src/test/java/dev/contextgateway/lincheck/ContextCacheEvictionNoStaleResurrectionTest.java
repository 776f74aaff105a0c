package dev.contextgateway.lincheck;

import org.junit.jupiter.api.Test;

/**
 * {@link dev.contextgateway.cache.ContextCache} with eviction: no stale resurrection (I2) in any
 * history, on top of the properties of {@link ContextCacheEvictionPropertiesTest}.
 */
public class ContextCacheEvictionNoStaleResurrectionTest extends AbstractEvictionPropertiesTest {
  public ContextCacheEvictionNoStaleResurrectionTest() {
    super(true);
  }

  @Test
  void modelChecking_propertiesHold() {
    modelChecking().check(getClass());
  }

  @Test
  void stress_propertiesHold() {
    stress().check(getClass());
  }
}

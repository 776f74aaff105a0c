package dev.contextgateway.lincheck;

import org.junit.jupiter.api.Test;

/**
 * {@link dev.contextgateway.cache.ContextCache} with eviction: provenance, bounds and exact
 * statistics hold in every history.
 */
public class ContextCacheEvictionPropertiesTest extends AbstractEvictionPropertiesTest {
  public ContextCacheEvictionPropertiesTest() {
    super(false);
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

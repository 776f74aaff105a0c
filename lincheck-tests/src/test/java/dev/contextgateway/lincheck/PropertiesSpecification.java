package dev.contextgateway.lincheck;

/**
 * The sequential specification of {@link AbstractEvictionPropertiesTest}: every operation returns
 * normally. An operation whose property check failed threw instead, which no sequential order
 * explains, so Lincheck reports it with its interleaving. (With the test class as its own
 * specification, a check that also fails sequentially would match itself and pass unseen.)
 */
public final class PropertiesSpecification {
  public void getOrGenerate(int key) {}

  public void get(int key) {}

  public void put(int key) {}

  public void invalidate(int key) {}

  public void invalidateWorkspace(int workspace) {}
}

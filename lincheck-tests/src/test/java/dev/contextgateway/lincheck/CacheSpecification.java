package dev.contextgateway.lincheck;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The sequential specification of the linearizability tests: a map in which {@code getOrGenerate}
 * of an absent key stores the value its own generator produces. Its methods mirror the
 * {@code @Operation}s of {@link AbstractGenerationLinearizabilityTest} and {@link
 * AbstractCacheLinearizabilityTest} by name and parameters, as Lincheck requires.
 */
public final class CacheSpecification {
  private final Map<Integer, String> entries = new HashMap<>();

  public String getOrGenerate(int key, int thread) {
    return entries.computeIfAbsent(key, k -> Values.generated(thread));
  }

  public @Nullable String get(int key) {
    return entries.get(key);
  }

  public void put(int key, int value) {
    entries.put(key, Values.put(value));
  }

  public void invalidate(int key) {
    entries.remove(key);
  }

  public void invalidateWorkspace(int workspace) {
    entries.keySet().removeIf(key -> Keys.workspaceOf(key) == workspace);
  }

  public void invalidateAll() {
    entries.clear();
  }
}

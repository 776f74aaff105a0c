package dev.contextgateway.lincheck;

import org.jspecify.annotations.Nullable;

/**
 * The operations the linearizability tests drive, over int keys and String values, so that one
 * test runs against {@link dev.contextgateway.cache.ContextCache} and against the seed's
 * baselines. Every call completes before it returns (a generation's result is awaited).
 */
interface CacheUnderTest {

  /**
   * The cached value, else the value of the generation in flight, else the value of a generation
   * this call starts, whose generator produces {@code generated}.
   */
  String getOrGenerate(int key, String generated);

  /** The fresh cached value, or null; never generates. */
  @Nullable String get(int key);

  void put(int key, String value);

  void invalidate(int key);

  /** Invalidates every key of {@code workspace} (see {@link Keys#workspaceOf}). */
  void invalidateWorkspace(int workspace);

  void invalidateAll();
}

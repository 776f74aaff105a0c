package dev.contextgateway.gateway;

import java.nio.file.Path;
import java.util.List;

/**
 * A context as generated: what the cache stores for a {@link ContextKey}, and what a locally ranked
 * (degraded) answer carries. Immutable.
 */
record GeneratedContext(
    String id, Path workspace, List<ContextFile> files, int totalTokens, PreparedContext.Source source) {

  private static final long OVERHEAD_BYTES = 128;
  private static final long FILE_OVERHEAD_BYTES = 96;

  GeneratedContext {
    files = List.copyOf(files);
  }

  /** A rough retained size for the cache's byte bound: two bytes a character plus overheads. */
  long estimatedBytes() {
    long bytes = OVERHEAD_BYTES;
    for (ContextFile file : files) {
      bytes +=
          FILE_OVERHEAD_BYTES
              + 2L * (file.path().toString().length() + file.summary().length() + file.excerpt().length());
    }
    return bytes;
  }
}

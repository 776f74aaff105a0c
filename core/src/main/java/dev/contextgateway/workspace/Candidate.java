package dev.contextgateway.workspace;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file proposed for a query, with its content and rank. Immutable.
 *
 * @param path the file's path relative to the workspace root
 * @param content the file's text, decoded as UTF-8 with malformed bytes replaced
 * @param score the rank: lexical score plus boost; higher is more relevant
 * @param boost the part of {@code score} that the caller's boost supplied
 * @param estimatedTokens {@link FileDiscoverer#estimateTokens(CharSequence)} of {@code content}
 */
public record Candidate(Path path, String content, double score, double boost, int estimatedTokens) {

  /** Validates the components. */
  public Candidate {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    if (path.isAbsolute()) {
      throw new IllegalArgumentException("path must be relative to the workspace root, was " + path);
    }
    if (estimatedTokens < 0) {
      throw new IllegalArgumentException("estimatedTokens must be >= 0, was " + estimatedTokens);
    }
  }

  /** Leaves the content out, which may be large. */
  @Override
  public String toString() {
    return "Candidate{path=" + path + ", score=" + score + ", boost=" + boost
        + ", estimatedTokens=" + estimatedTokens + '}';
  }
}

package dev.contextgateway.gateway;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of a prepared context.
 *
 * @param path the file's path relative to the workspace root
 * @param summary the LLM's summary of the file for the query; empty in a locally ranked context
 * @param excerpt the file's content, cut short where the token budget ends
 * @param tokens the estimated tokens of the summary and excerpt (characters / 4, rounded up)
 * @param truncated whether {@code excerpt} is shorter than the file
 */
public record ContextFile(Path path, String summary, String excerpt, int tokens, boolean truncated) {

  public ContextFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(excerpt, "excerpt");
  }

  @Override
  public String toString() {
    return "ContextFile[path=" + path + ", tokens=" + tokens + ", truncated=" + truncated + "]";
  }
}

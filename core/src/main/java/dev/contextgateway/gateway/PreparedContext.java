package dev.contextgateway.gateway;

import dev.contextgateway.metrics.DegradedReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Context prepared for a query: the files that matter, with summaries, within a token budget, and
 * how it was obtained.
 *
 * @param id identifies this context for {@link ContextGateway#recordUsage}; callers served the
 *     same cached context get the same id
 * @param workspace the workspace folder
 * @param files the selected files, most relevant first
 * @param totalTokens the sum of the files' tokens; never more than the request's budget
 * @param source whether the LLM selected and summarised the files, or they were ranked locally
 * @param stale whether the context is past its time to live (served while it is refreshed, or in
 *     place of a failed regeneration)
 * @param age how long ago the context was generated
 * @param degradedReason why the context is degraded (stale in place of a failure, or ranked
 *     locally), or {@code null} if it is not
 */
public record PreparedContext(
    String id,
    Path workspace,
    List<ContextFile> files,
    int totalTokens,
    Source source,
    boolean stale,
    Duration age,
    @Nullable DegradedReason degradedReason) {

  /** Who chose the files. */
  public enum Source {
    /** The LLM selected and summarised them. */
    LLM,
    /** The local lexical ranking chose them; no LLM was reached. */
    LOCAL
  }

  public PreparedContext {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(age, "age");
    files = List.copyOf(files);
  }

  /** Whether this is not the LLM-prepared context the caller asked for. */
  public boolean degraded() {
    return degradedReason != null;
  }

  /** Why the context is degraded, if it is. */
  public Optional<DegradedReason> degradation() {
    return Optional.ofNullable(degradedReason);
  }

  /** The files' paths relative to the workspace, in order. */
  public List<Path> paths() {
    return files.stream().map(ContextFile::path).toList();
  }
}

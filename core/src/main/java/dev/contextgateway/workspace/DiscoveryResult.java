package dev.contextgateway.workspace;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one {@link FileDiscoverer#discover discovery} found: the best candidates, best first, and
 * what it counted on the way. Immutable.
 */
public final class DiscoveryResult {

  /** How the walk ended. Any value but {@link #COMPLETE} means part of the workspace was not seen. */
  public enum Completion {
    /** Every entry within the depth limit was visited. */
    COMPLETE,
    /** The walk stopped after the configured maximum number of files. */
    FILE_LIMIT,
    /** The walk stopped because the time limit passed. */
    DEADLINE,
    /** The walk stopped because the calling thread was interrupted (its flag is kept set). */
    INTERRUPTED
  }

  private final Path root;
  private final List<Candidate> candidates;
  private final long filesScanned;
  private final Map<SkipReason, Long> skipped;
  private final long boostErrors;
  private final Completion completion;
  private final Duration elapsed;

  DiscoveryResult(
      Path root,
      List<Candidate> candidates,
      long filesScanned,
      Map<SkipReason, Long> skipped,
      long boostErrors,
      Completion completion,
      Duration elapsed) {
    this.root = Objects.requireNonNull(root, "root");
    this.candidates = List.copyOf(candidates);
    this.filesScanned = filesScanned;
    EnumMap<SkipReason, Long> counts = new EnumMap<>(SkipReason.class);
    for (SkipReason reason : SkipReason.values()) {
      counts.put(reason, skipped.getOrDefault(reason, 0L));
    }
    this.skipped = Collections.unmodifiableMap(counts);
    this.boostErrors = boostErrors;
    this.completion = Objects.requireNonNull(completion, "completion");
    this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
  }

  /** The real path of the workspace root that was walked (links resolved). */
  public Path root() {
    return root;
  }

  /** At most the configured number of candidates, best first; ties in path order. */
  public List<Candidate> candidates() {
    return candidates;
  }

  /** Regular files read and scored (the files skipped are not counted here). */
  public long filesScanned() {
    return filesScanned;
  }

  /** How many entries were skipped for each reason; every reason is present. */
  public Map<SkipReason, Long> skipped() {
    return skipped;
  }

  /** How many entries were skipped for {@code reason}. */
  public long skipped(SkipReason reason) {
    return skipped.getOrDefault(reason, 0L);
  }

  /** How many entries were skipped for any reason. */
  public long totalSkipped() {
    long total = 0;
    for (long count : skipped.values()) {
      total += count;
    }
    return total;
  }

  /** How many times the caller's boost threw or gave a non-finite value (taken as 0). */
  public long boostErrors() {
    return boostErrors;
  }

  /** How the walk ended. */
  public Completion completion() {
    return completion;
  }

  /** The time the discovery took, on the discoverer's ticker. */
  public Duration elapsed() {
    return elapsed;
  }

  /** The sum of the candidates' estimated tokens. */
  public long estimatedTokens() {
    long total = 0;
    for (Candidate candidate : candidates) {
      total += candidate.estimatedTokens();
    }
    return total;
  }

  @Override
  public String toString() {
    return "DiscoveryResult{root=" + root + ", candidates=" + candidates.size()
        + ", filesScanned=" + filesScanned + ", skipped=" + skipped + ", boostErrors=" + boostErrors
        + ", completion=" + completion + ", elapsed=" + elapsed + '}';
  }
}

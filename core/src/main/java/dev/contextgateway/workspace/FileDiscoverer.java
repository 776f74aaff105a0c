package dev.contextgateway.workspace;

import dev.contextgateway.internal.Checks;
import dev.contextgateway.time.Ticker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Finds the files of a workspace that best match a query, without calling any LLM: the gateway
 * asks the LLM to choose among these candidates, and serves them as they are when the LLM is
 * unavailable.
 *
 * <h2>What is read</h2>
 *
 * The walk starts at the real path of the root and never follows links into folders. It skips,
 * and counts by {@link SkipReason}: hidden entries (a name starting with {@code .}), folders named
 * in {@link Builder#excludedDirectories} (by default {@link #DEFAULT_EXCLUDED_DIRECTORIES}),
 * folders past {@link Builder#maxDepth}, anything that is not a regular file, links whose real
 * path leaves the real root, files over {@link Builder#maxFileBytes}, binary files (a NUL byte
 * among the first 8 KiB) and entries that cannot be read. No skip is fatal. A file is read through
 * one channel, at most {@code maxFileBytes + 1} bytes, decoded as UTF-8 with malformed bytes
 * replaced, and the channel is closed on every path, also when a read fails or the caller's boost
 * throws. The walk stops early, with a {@link DiscoveryResult.Completion} saying why, after {@link
 * Builder#maxFiles} files, when the time limit passes (measured on the injected {@link Ticker}), or
 * when the calling thread is interrupted.
 *
 * <h2>Ranking</h2>
 *
 * Each file gets an Okapi BM25 score ({@code k1 = 1.2}, {@code b = 0.75}) for the query's terms
 * over its content and its relative path, the path's terms counting three times. Terms are runs
 * of letters and digits, split at camel-case boundaries and lower-cased, at least two characters
 * long. To this lexical score the caller's boost for the file's relative path is added; a boost
 * that throws or is not finite counts as 0 (and is counted in {@link
 * DiscoveryResult#boostErrors()}). The best {@link Builder#maxCandidates} files are returned,
 * highest score first, ties in path order. Files with no matching term score only their boost and
 * may still be returned to fill the list.
 *
 * <h2>Thread safety</h2>
 *
 * Immutable and thread-safe; one instance serves concurrent discoveries, each confined to its
 * calling thread. {@link #discover} blocks on file I/O: call it from a worker thread.
 */
public final class FileDiscoverer {

  /** Build-output and tool folders skipped by default. */
  public static final Set<String> DEFAULT_EXCLUDED_DIRECTORIES =
      Set.of(".git", ".gradle", "build", "dist", "node_modules", "out", "target", "__pycache__", "venv");

  final int maxCandidates;
  final int maxFileBytes;
  final int maxFiles;
  final int maxDepth;
  final Set<String> excludedDirectories;
  final Ticker ticker;
  final ChannelOpener opener;

  private FileDiscoverer(Builder builder) {
    this.maxCandidates = builder.maxCandidates;
    this.maxFileBytes = builder.maxFileBytes;
    this.maxFiles = builder.maxFiles;
    this.maxDepth = builder.maxDepth;
    this.excludedDirectories = builder.excludedDirectories;
    this.ticker = builder.ticker;
    this.opener = builder.opener;
  }

  /** A builder with the defaults listed on its methods. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Estimates the tokens an LLM will count for {@code text}: one token per four characters,
   * rounded up, the usual figure for English text and code in Gemini's documentation. An
   * estimate for budgets and rate limits, not an exact count.
   */
  public static int estimateTokens(CharSequence text) {
    return (int) ((text.length() + 3L) / 4);
  }

  /** As {@link #discover(Path, String, ToDoubleFunction, Duration)} with no boost and no time limit. */
  public DiscoveryResult discover(Path root, String query) {
    return discover(root, query, path -> 0.0, null);
  }

  /**
   * Walks {@code root} and returns the files that best match {@code query}.
   *
   * @param root the workspace folder
   * @param query free text; its terms are matched against paths and contents
   * @param boost added to each file's lexical score, given the file's path relative to the root;
   *     called on this thread, once per scored file
   * @param timeLimit how long the walk may take, or {@code null} for no limit; when it passes the
   *     walk stops and the best files seen so far are returned
   * @throws IllegalArgumentException if {@code root} is not a folder or {@code timeLimit} is
   *     negative
   * @throws UncheckedIOException if {@code root} cannot be resolved or listed
   */
  public DiscoveryResult discover(
      Path root, String query, ToDoubleFunction<Path> boost, @Nullable Duration timeLimit) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(boost, "boost");
    long limitNanos = Long.MAX_VALUE;
    if (timeLimit != null) {
      limitNanos = saturatedNanos(Checks.notNegative("timeLimit", timeLimit));
    }
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("workspace root cannot be resolved: " + root, e);
    }
    if (!Files.isDirectory(realRoot)) {
      throw new IllegalArgumentException("workspace root must be a directory, was " + root);
    }
    try {
      return new DiscoveryWalk(this, realRoot, query, limitNanos).run(boost);
    } catch (IOException e) {
      throw new UncheckedIOException("workspace root cannot be listed: " + root, e);
    }
  }

  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public String toString() {
    return "FileDiscoverer{maxCandidates=" + maxCandidates + ", maxFileBytes=" + maxFileBytes
        + ", maxFiles=" + maxFiles + ", maxDepth=" + maxDepth
        + ", excludedDirectories=" + excludedDirectories + '}';
  }

  /**
   * Configures a {@link FileDiscoverer}. Not thread-safe. Each setting is validated when set, with
   * a message naming the setting and the bad value.
   */
  public static final class Builder {
    private int maxCandidates = 20;
    private int maxFileBytes = 256 * 1024;
    private int maxFiles = 10_000;
    private int maxDepth = 32;
    private Set<String> excludedDirectories = DEFAULT_EXCLUDED_DIRECTORIES;
    private Ticker ticker = Ticker.system();
    private ChannelOpener opener = ChannelOpener.noFollow();

    private Builder() {}

    /** How many candidates a discovery returns at most; default 20. */
    public Builder maxCandidates(int maxCandidates) {
      this.maxCandidates = Checks.positive("maxCandidates", maxCandidates);
      return this;
    }

    /** The largest file read, in bytes, at most 64 MiB; default 256 KiB. */
    public Builder maxFileBytes(int maxFileBytes) {
      if (maxFileBytes <= 0 || maxFileBytes > 64 * 1024 * 1024) {
        throw new IllegalArgumentException(
            "maxFileBytes must be in [1, 67108864], was " + maxFileBytes);
      }
      this.maxFileBytes = maxFileBytes;
      return this;
    }

    /** How many files one discovery reads at most before it stops; default 10,000. */
    public Builder maxFiles(int maxFiles) {
      this.maxFiles = Checks.positive("maxFiles", maxFiles);
      return this;
    }

    /** The deepest level of files read; files directly in the root are at depth 1; default 32. */
    public Builder maxDepth(int maxDepth) {
      this.maxDepth = Checks.positive("maxDepth", maxDepth);
      return this;
    }

    /**
     * Folder names never entered, at any depth; replaces the default {@link
     * #DEFAULT_EXCLUDED_DIRECTORIES}. Hidden folders are skipped in any case.
     */
    public Builder excludedDirectories(Collection<String> names) {
      Objects.requireNonNull(names, "excludedDirectories");
      this.excludedDirectories = PathRules.directoryNames("excludedDirectories", names);
      return this;
    }

    /** The time source of the time limit and of {@link DiscoveryResult#elapsed()}. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** How files are opened; for fault-injection tests. */
    Builder opener(ChannelOpener opener) {
      this.opener = Objects.requireNonNull(opener, "opener");
      return this;
    }

    /** Builds the discoverer. */
    public FileDiscoverer build() {
      return new FileDiscoverer(this);
    }
  }
}

package dev.contextgateway.workspace;

import dev.contextgateway.time.Ticker;
import dev.contextgateway.workspace.DiscoveryResult.Completion;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One discovery: walks the tree once to score every readable file (pass 1), then reads the best
 * files again to return their content (pass 2).
 *
 * <h2>Implementation notes</h2>
 *
 * <p><b>Bounded memory.</b> Pass 1 keeps, per file, only its paths and the frequencies of the
 * query's terms ({@link Bm25}); the content is dropped once counted. Pass 2 reads again only the
 * files it returns, so memory is one read buffer plus the returned candidates, however large the
 * workspace. A file that changed between the passes is returned as it is at the second read, or
 * skipped (and counted) if it has become binary, too large or unreadable; the next best file then
 * takes its place.
 *
 * <p><b>Bounded time.</b> Pass 1 stops at the deadline, on interruption, or after {@code maxFiles}
 * files. Pass 2 ignores the deadline (it reads at most {@code maxCandidates} files of at most
 * {@code maxFileBytes} each, plus any that fail) so that a walk cut short still returns the best
 * of what it saw; it stops on interruption.
 *
 * <p><b>Handles.</b> Every file is read through {@link BoundedReader}, which closes its channel in
 * a try-with-resources; directory streams belong to {@link Files#walkFileTree}, which closes them
 * when the walk ends, also by an exception thrown from this visitor.
 *
 * <p>Not thread-safe: confined to the thread that called {@link FileDiscoverer#discover}.
 */
final class DiscoveryWalk implements FileVisitor<Path> {
  private static final Logger log = LoggerFactory.getLogger(DiscoveryWalk.class);

  private final FileDiscoverer config;
  private final Path root;
  private final Ticker ticker;
  private final long startNanos;
  private final long timeLimitNanos;
  private final BoundedReader reader;
  private final Bm25 bm25;
  private final List<Scanned> scanned = new ArrayList<>();
  private final long[] skipped = new long[SkipReason.values().length];
  private long filesScanned;
  private long boostErrors;
  private Completion completion = Completion.COMPLETE;

  /** A scored file: where it sits relative to the root, and the real file to read. */
  private static final class Scanned {
    final Path relative;
    final Path source;

    Scanned(Path relative, Path source) {
      this.relative = relative;
      this.source = source;
    }
  }

  /** A scored file with its rank. */
  private static final class Ranked {
    final Scanned file;
    final double score;
    final double boost;

    Ranked(Scanned file, double score, double boost) {
      this.file = file;
      this.score = score;
      this.boost = boost;
    }
  }

  DiscoveryWalk(FileDiscoverer config, Path realRoot, String query, long timeLimitNanos) {
    this.config = config;
    this.root = realRoot;
    this.ticker = config.ticker;
    this.startNanos = ticker.read();
    this.timeLimitNanos = timeLimitNanos;
    this.reader = new BoundedReader(config.opener, config.maxFileBytes);
    this.bm25 = new Bm25(query);
  }

  /** Runs both passes. */
  DiscoveryResult run(ToDoubleFunction<Path> boost) throws IOException {
    Files.walkFileTree(root, Set.of(), config.maxDepth, this);
    List<Candidate> candidates = select(boost);
    Map<SkipReason, Long> counts = new EnumMap<>(SkipReason.class);
    for (SkipReason reason : SkipReason.values()) {
      counts.put(reason, skipped[reason.ordinal()]);
    }
    return new DiscoveryResult(
        root,
        candidates,
        filesScanned,
        counts,
        boostErrors,
        completion,
        Duration.ofNanos(Math.max(0, ticker.read() - startNanos)));
  }

  // ------------------------------------------------------------------ pass 1: walk and score

  @Override
  public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
    if (dir.equals(root)) {
      return FileVisitResult.CONTINUE;
    }
    if (shouldStop()) {
      return FileVisitResult.TERMINATE;
    }
    String name = name(dir);
    if (PathRules.isHidden(name)) {
      skip(SkipReason.HIDDEN);
      return FileVisitResult.SKIP_SUBTREE;
    }
    if (config.excludedDirectories.contains(name)) {
      skip(SkipReason.EXCLUDED_DIRECTORY);
      return FileVisitResult.SKIP_SUBTREE;
    }
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
    if (shouldStop()) {
      return FileVisitResult.TERMINATE;
    }
    String name = name(file);
    if (PathRules.isHidden(name)) {
      skip(SkipReason.HIDDEN);
      return FileVisitResult.CONTINUE;
    }
    if (attrs.isDirectory()) {
      // Only folders at the depth limit arrive here; the walk does not enter them.
      skip(config.excludedDirectories.contains(name) ? SkipReason.EXCLUDED_DIRECTORY : SkipReason.TOO_DEEP);
      return FileVisitResult.CONTINUE;
    }
    Path source = file;
    BasicFileAttributes target = attrs;
    if (attrs.isSymbolicLink()) {
      try {
        source = file.toRealPath();
        if (!source.startsWith(root)) {
          skip(SkipReason.OUTSIDE_ROOT);
          return FileVisitResult.CONTINUE;
        }
        target = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        log.debug("Skipping unresolvable link {}: {}", file, e.toString());
        skip(SkipReason.UNREADABLE);
        return FileVisitResult.CONTINUE;
      }
    }
    if (!target.isRegularFile()) {
      skip(SkipReason.NOT_REGULAR);
      return FileVisitResult.CONTINUE;
    }
    if (target.size() > config.maxFileBytes) {
      skip(SkipReason.TOO_LARGE);
      return FileVisitResult.CONTINUE;
    }
    if (filesScanned >= config.maxFiles) {
      completion = Completion.FILE_LIMIT;
      return FileVisitResult.TERMINATE;
    }
    filesScanned++;
    BoundedReader.Read read = read(source);
    if (read == null) {
      return completion == Completion.INTERRUPTED ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
    }
    if (read.skip != null || read.text == null) {
      skip(read.skip != null ? read.skip : SkipReason.UNREADABLE);
      return FileVisitResult.CONTINUE;
    }
    Path relative = root.relativize(file);
    bm25.add(relative.toString(), read.text);
    scanned.add(new Scanned(relative, source));
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
    if (file.equals(root)) {
      throw exc;
    }
    log.debug("Skipping unreadable {}: {}", file, exc.toString());
    skip(SkipReason.UNREADABLE);
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException exc) {
    if (exc != null) {
      // The listing failed part-way; what was listed before the failure was visited.
      log.debug("Listing of {} failed: {}", dir, exc.toString());
      skip(SkipReason.UNREADABLE);
    }
    return FileVisitResult.CONTINUE;
  }

  // ------------------------------------------------------------------ pass 2: rank and read

  private List<Candidate> select(ToDoubleFunction<Path> boost) {
    double[] lexical = bm25.scores();
    Ranked[] ranked = new Ranked[scanned.size()];
    for (int i = 0; i < ranked.length; i++) {
      Scanned file = scanned.get(i);
      double extra = boost(boost, file.relative);
      ranked[i] = new Ranked(file, lexical[i] + extra, extra);
    }
    Arrays.sort(
        ranked,
        Comparator.comparingDouble((Ranked r) -> r.score).reversed()
            .thenComparing(r -> r.file.relative));
    List<Candidate> candidates = new ArrayList<>();
    for (Ranked candidate : ranked) {
      if (candidates.size() >= config.maxCandidates || completion == Completion.INTERRUPTED) {
        break;
      }
      if (Thread.currentThread().isInterrupted()) {
        completion = Completion.INTERRUPTED;
        break;
      }
      BoundedReader.Read read = read(candidate.file.source);
      if (read == null) {
        continue;
      }
      if (read.skip != null || read.text == null) {
        skip(read.skip != null ? read.skip : SkipReason.UNREADABLE);
        continue;
      }
      candidates.add(
          new Candidate(
              candidate.file.relative,
              read.text,
              candidate.score,
              candidate.boost,
              FileDiscoverer.estimateTokens(read.text)));
    }
    return candidates;
  }

  private double boost(ToDoubleFunction<Path> boost, Path relative) {
    double value;
    try {
      value = boost.applyAsDouble(relative);
    } catch (RuntimeException e) {
      if (boostErrors == 0) {
        log.warn("The relevance boost failed for {}; counting it as 0", relative, e);
      }
      boostErrors++;
      return 0;
    }
    if (!Double.isFinite(value)) {
      boostErrors++;
      return 0;
    }
    return value;
  }

  // ------------------------------------------------------------------ shared

  /**
   * Reads a file; on failure counts it as unreadable (or notes the interruption) and returns
   * null.
   */
  private BoundedReader.@Nullable Read read(Path source) {
    try {
      return reader.read(source);
    } catch (ClosedByInterruptException e) {
      // The channel closed itself and the thread keeps its interrupt flag.
      completion = Completion.INTERRUPTED;
      return null;
    } catch (IOException e) {
      log.debug("Skipping unreadable {}: {}", source, e.toString());
      skip(SkipReason.UNREADABLE);
      return null;
    }
  }

  private boolean shouldStop() {
    if (Thread.currentThread().isInterrupted()) {
      completion = Completion.INTERRUPTED;
      return true;
    }
    if (ticker.read() - startNanos >= timeLimitNanos) {
      completion = Completion.DEADLINE;
      return true;
    }
    return false;
  }

  private void skip(SkipReason reason) {
    skipped[reason.ordinal()]++;
  }

  private static String name(Path path) {
    Path name = path.getFileName();
    return name == null ? "" : name.toString();
  }
}

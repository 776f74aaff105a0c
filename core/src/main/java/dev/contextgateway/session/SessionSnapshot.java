package dev.contextgateway.session;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One session's relevance record at one moment. Immutable; safe to share between threads.
 *
 * <p>The tracker stores these and replaces one with the next on every update, so a snapshot never
 * changes after it is obtained. {@link #boost} is evaluated at {@link #asOfNanos()}, the moment
 * the snapshot was taken.
 */
public final class SessionSnapshot {
  private final String sessionId;
  private final Map<Path, FileRelevance> files;
  private final Map<String, ContextUsage> contexts;
  private final long updatedAtNanos;
  private final long asOfNanos;
  private final BoostFormula formula;

  private SessionSnapshot(
      String sessionId,
      Map<Path, FileRelevance> files,
      Map<String, ContextUsage> contexts,
      long updatedAtNanos,
      long asOfNanos,
      BoostFormula formula) {
    this.sessionId = sessionId;
    this.files = files;
    this.contexts = contexts;
    this.updatedAtNanos = updatedAtNanos;
    this.asOfNanos = asOfNanos;
    this.formula = formula;
  }

  static SessionSnapshot empty(String sessionId, long now, BoostFormula formula) {
    return new SessionSnapshot(sessionId, Map.of(), Map.of(), now, now, formula);
  }

  /** The session's id. */
  public String sessionId() {
    return sessionId;
  }

  /** The files the session touched, at most the tracker's per-session cap. */
  public Map<Path, FileRelevance> files() {
    return files;
  }

  /** The session's most recent contexts, by context id, least recently touched first. */
  public Map<String, ContextUsage> contexts() {
    return contexts;
  }

  /** When the session was last updated (a tracker ticker reading). */
  public long updatedAtNanos() {
    return updatedAtNanos;
  }

  /** When this snapshot was taken; boosts are evaluated at this time. */
  public long asOfNanos() {
    return asOfNanos;
  }

  /**
   * The boost of {@code file} (a path relative to the workspace root, as discovery names it);
   * 0 for a file the session never touched. See {@link RelevanceTracker} for the formula.
   */
  public double boost(Path file) {
    FileRelevance relevance = files.get(file.normalize());
    return relevance == null ? 0 : formula.boost(relevance, asOfNanos);
  }

  /** This snapshot evaluated at {@code now}. */
  SessionSnapshot asOf(long now) {
    return new SessionSnapshot(sessionId, files, contexts, updatedAtNanos, now, formula);
  }

  /**
   * The next state after {@code files} were offered (or, with {@code used}, reported used) in
   * context {@code contextId} at {@code now}. A pure function: a file already offered (or used)
   * in that context is not counted again, so repeating a report changes nothing.
   */
  SessionSnapshot record(
      String contextId, Collection<Path> reported, boolean used, long now, Limits limits) {
    ContextUsage usage = contexts.getOrDefault(contextId, ContextUsage.EMPTY);
    Set<Path> already = used ? usage.used() : usage.offered();
    Set<Path> added = new LinkedHashSet<>();
    for (Path file : reported) {
      if (already.size() + added.size() >= limits.maxFiles()) {
        break;
      }
      Path normalized = Objects.requireNonNull(file, "files must not contain null").normalize();
      if (!already.contains(normalized)) {
        added.add(normalized);
      }
    }
    if (added.isEmpty() && contexts.containsKey(contextId)) {
      return this;
    }

    Set<Path> merged = new HashSet<>(already);
    merged.addAll(added);
    LinkedHashMap<String, ContextUsage> nextContexts = new LinkedHashMap<>(contexts);
    nextContexts.remove(contextId);
    nextContexts.put(
        contextId,
        used ? new ContextUsage(usage.offered(), merged) : new ContextUsage(merged, usage.used()));
    Iterator<String> oldest = nextContexts.keySet().iterator();
    while (nextContexts.size() > limits.maxContexts()) {
      oldest.next();
      oldest.remove();
    }

    HashMap<Path, FileRelevance> nextFiles = new HashMap<>(files);
    for (Path file : added) {
      FileRelevance current = nextFiles.getOrDefault(file, FileRelevance.NONE);
      nextFiles.put(file, used ? current.used(now, formula) : current.offered(now, formula));
    }
    while (nextFiles.size() > limits.maxFiles()) {
      nextFiles.remove(leastRelevant(nextFiles, now));
    }

    long updatedAt = now - updatedAtNanos > 0 ? now : updatedAtNanos;
    return new SessionSnapshot(
        sessionId,
        Collections.unmodifiableMap(nextFiles),
        Collections.unmodifiableMap(nextContexts),
        updatedAt,
        updatedAt,
        formula);
  }

  /** The file with the lowest boost at {@code now}; the least recently touched among equals. */
  private Path leastRelevant(Map<Path, FileRelevance> candidates, long now) {
    Path weakest = null;
    double weakestBoost = Double.POSITIVE_INFINITY;
    long weakestTouched = 0;
    for (Map.Entry<Path, FileRelevance> entry : candidates.entrySet()) {
      double boost = formula.boost(entry.getValue(), now);
      long touched = entry.getValue().lastTouchedNanos();
      if (weakest == null
          || boost < weakestBoost
          || (boost == weakestBoost && touched - weakestTouched < 0)) {
        weakest = entry.getKey();
        weakestBoost = boost;
        weakestTouched = touched;
      }
    }
    return Objects.requireNonNull(weakest);
  }

  @Override
  public String toString() {
    return "SessionSnapshot{sessionId=" + sessionId + ", files=" + files.size() + ", contexts="
        + contexts.size() + '}';
  }

  /** The per-session bounds. */
  record Limits(int maxFiles, int maxContexts) {}
}

package dev.contextgateway.jcstress.session;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * <b>A deliberately broken session tracker, kept only to prove that {@link NoLostSessionUpdate}
 * and {@link SessionBound} can see the races they guard against. Never use this design.</b>
 *
 * <p>It is the tracker one writes with a concurrent map but without atomic updates: immutable
 * session states (so each state is consistent), but an update <em>gets</em> the current state,
 * computes the next and <em>puts</em> it. Two updates of one session that overlap both start from
 * the same state, and the second put overwrites the first: an update is lost. And the bound is
 * kept by check-then-evict: a new session that finds the map full evicts the least recently
 * updated one before it puts itself; two new sessions arriving together both find it full, both
 * pick the same victim, and the map ends one over its bound.
 *
 * <p>Core's {@link dev.contextgateway.session.RelevanceTracker} replaces a session's state inside
 * Caffeine's {@code compute} for that session, and leaves the bound to Caffeine's eviction.
 */
final class GetThenPutTracker {
  private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
  private final int maxSessions;

  /** Orders updates, for least-recently-updated eviction. */
  private final AtomicLong updates = new AtomicLong();

  GetThenPutTracker(int maxSessions) {
    this.maxSessions = maxSessions;
  }

  /** Records that context {@code contextId} offered {@code files} to the session. */
  void recordOffered(String sessionId, String contextId, Collection<Path> files) {
    record(sessionId, contextId, files, false);
  }

  /** Records that the session used {@code files} of context {@code contextId}. */
  void recordUsed(String sessionId, String contextId, Collection<Path> files) {
    record(sessionId, contextId, files, true);
  }

  Optional<Session> session(String sessionId) {
    return Optional.ofNullable(sessions.get(sessionId));
  }

  int sessionCount() {
    return sessions.size();
  }

  private void record(String sessionId, String contextId, Collection<Path> files, boolean used) {
    Session current = sessions.get(sessionId); // get ...
    if (current == null && sessions.size() >= maxSessions) {
      evictLeastRecentlyUpdated(); // ... check-then-evict ...
    }
    Session base = current == null ? Session.EMPTY : current;
    Session next = base.record(contextId, files, used, updates.incrementAndGet());
    sessions.put(sessionId, next); // ... put: over whatever another update put meanwhile
  }

  private void evictLeastRecentlyUpdated() {
    String victim = null;
    long oldest = Long.MAX_VALUE;
    for (Map.Entry<String, Session> entry : sessions.entrySet()) {
      if (entry.getValue().updatedAt() < oldest) {
        oldest = entry.getValue().updatedAt();
        victim = entry.getKey();
      }
    }
    if (victim != null) {
      sessions.remove(victim);
    }
  }

  /**
   * One session's state: per file, in how many contexts it was offered and used; the contexts
   * seen; the update that made it. Immutable.
   */
  record Session(
      Map<Path, Integer> offered, Map<Path, Integer> used, Set<String> contexts, long updatedAt) {
    static final Session EMPTY = new Session(Map.of(), Map.of(), Set.of(), 0);

    Session record(String contextId, Collection<Path> files, boolean isUse, long update) {
      Map<Path, Integer> counts = new HashMap<>(isUse ? used : offered);
      for (Path file : files) {
        counts.merge(file.normalize(), 1, Integer::sum);
      }
      Set<String> nextContexts = new HashSet<>(contexts);
      nextContexts.add(contextId);
      return new Session(
          isUse ? offered : Map.copyOf(counts),
          isUse ? Map.copyOf(counts) : used,
          Set.copyOf(nextContexts),
          update);
    }

    int timesOffered(Path file) {
      return offered.getOrDefault(file, 0);
    }

    int timesUsed(Path file) {
      return used.getOrDefault(file, 0);
    }

    /** Whether anything was recorded for {@code file}. */
    boolean knows(Path file) {
      return offered.containsKey(file) || used.containsKey(file);
    }
  }
}

package dev.contextgateway.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.contextgateway.internal.Checks;
import dev.contextgateway.time.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.ToDoubleFunction;

/**
 * Remembers, per session, which files were offered in which served context and which the session
 * reported using, and turns that into a ranking boost for {@link
 * dev.contextgateway.workspace.FileDiscoverer}.
 *
 * <h2>Bounds</h2>
 *
 * At most {@link Builder#maxSessions} sessions are kept (the least valuable go first, as Caffeine
 * chooses); a session untouched (no update and no read) for {@link Builder#idleExpiry} is dropped.
 * Per session, at most {@link Builder#maxFilesPerSession} files are kept (the one with the lowest
 * boost goes first) and the {@link Builder#maxContextsPerSession} most recently touched contexts;
 * one report counts at most {@code maxFilesPerSession} files of its list.
 *
 * <h2>Boost</h2>
 *
 * Each file has two counters, of offers and of uses, each counting a context once however often
 * it is reported, and each halving every {@link Builder#halfLife}. With {@code u} and {@code o}
 * the decayed use and offer counters:
 *
 * <pre>{@code
 * boost = usedWeight * u / (1 + u) + offeredWeight * o / (1 + o)     (defaults 2.0 and 0.25)
 * }</pre>
 *
 * So a file used once just now scores 1.0, used many times approaches 2.0, merely offered stays
 * below 0.25, and all of it fades with time. The boost is added to discovery's BM25 score, where a
 * good match of one query term scores a few points: the boost reorders near ties and brings back
 * used files that match weakly, without drowning a strong match.
 *
 * <h2>Thread safety</h2>
 *
 * Thread-safe; no method blocks beyond a short per-session lock. Each session's state is an
 * immutable {@link SessionSnapshot} replaced atomically by Caffeine's {@code compute} for that
 * session, with the next state computed by a pure function of the previous one: concurrent
 * updates of one session are serialized and none is lost; updates of different sessions do not
 * contend. A snapshot is a consistent state as of one update. Eviction and expiry run on the
 * injected executor.
 *
 * <h2>Implementation notes</h2>
 *
 * The sessions are a Caffeine cache of {@link SessionSnapshot}s. An update reads the ticker and
 * copies the caller's file list first, then runs {@code SessionSnapshot.record} inside {@code
 * asMap().compute} for the session: a pure, bounded function (at most {@code maxFilesPerSession}
 * files and {@code maxContextsPerSession} contexts copied) that runs under the session's entry
 * lock and touches no other entry, so it cannot deadlock and holds the lock briefly. Reads are
 * lock-free: they return the snapshot that was current, re-dated to the time of the read for
 * the boost's decay. Two updates that read the ticker out of order are applied in lock order;
 * decay never runs backwards (the later of the two times is kept).
 */
public final class RelevanceTracker {
  private final Cache<String, SessionSnapshot> sessions;
  private final Ticker ticker;
  private final BoostFormula formula;
  private final SessionSnapshot.Limits limits;

  private RelevanceTracker(Builder builder) {
    this.ticker = builder.ticker;
    this.formula =
        new BoostFormula(builder.usedWeight, builder.offeredWeight, builder.halfLifeNanos);
    this.limits = new SessionSnapshot.Limits(builder.maxFilesPerSession, builder.maxContextsPerSession);
    this.sessions =
        Caffeine.newBuilder()
            .maximumSize(builder.maxSessions)
            .expireAfterAccess(builder.idleExpiry)
            .ticker(builder.ticker::read)
            .executor(builder.executor)
            .build();
  }

  /** A builder with the defaults listed on its methods. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Records that context {@code contextId} offered {@code files} (paths relative to the
   * workspace root) to session {@code sessionId}. Offering a file again in the same context does
   * not count again.
   */
  public void recordOffered(String sessionId, String contextId, Collection<Path> files) {
    record(sessionId, contextId, files, false);
  }

  /**
   * Records that session {@code sessionId} used {@code files} of context {@code contextId}.
   * Reporting a file again for the same context does not count again; a context the tracker does
   * not know (never offered, or forgotten) is recorded anew.
   */
  public void recordUsed(String sessionId, String contextId, Collection<Path> files) {
    record(sessionId, contextId, files, true);
  }

  /**
   * The boost of one file for one session now; 0 for an unknown session or file. To boost many
   * files, use {@link #boostFunction}, which looks the session up once.
   */
  public double boost(String sessionId, Path file) {
    Objects.requireNonNull(file, "file");
    return boostFunction(sessionId).applyAsDouble(file);
  }

  /**
   * The boosts of one session as of now, for {@link
   * dev.contextgateway.workspace.FileDiscoverer#discover}: a pure function over a snapshot, so one
   * discovery sees one consistent state however the session changes meanwhile.
   */
  public ToDoubleFunction<Path> boostFunction(String sessionId) {
    Optional<SessionSnapshot> snapshot = snapshot(sessionId);
    if (snapshot.isEmpty()) {
      return file -> 0.0;
    }
    SessionSnapshot state = snapshot.get();
    return state::boost;
  }

  /** The session's state now, if the tracker holds it. Counts as activity for idle expiry. */
  public Optional<SessionSnapshot> snapshot(String sessionId) {
    checkId("sessionId", sessionId);
    SessionSnapshot state = sessions.getIfPresent(sessionId);
    return state == null ? Optional.empty() : Optional.of(state.asOf(ticker.read()));
  }

  /** Drops what the tracker holds for the session. */
  public void forget(String sessionId) {
    checkId("sessionId", sessionId);
    sessions.invalidate(sessionId);
  }

  /** How many sessions are held; exact after {@link #cleanUp()} at quiescence. */
  public long sessionCount() {
    return sessions.estimatedSize();
  }

  /** Runs pending eviction and expiry on the calling thread. */
  public void cleanUp() {
    sessions.cleanUp();
  }

  private void record(String sessionId, String contextId, Collection<Path> files, boolean used) {
    checkId("sessionId", sessionId);
    checkId("contextId", contextId);
    Objects.requireNonNull(files, "files");
    // Copied outside the per-session lock: no caller code runs inside the compute.
    List<Path> reported = new ArrayList<>(files);
    long now = ticker.read();
    sessions
        .asMap()
        .compute(
            sessionId,
            (id, current) ->
                (current == null ? SessionSnapshot.empty(id, now, formula) : current)
                    .record(contextId, reported, used, now, limits));
  }

  private static void checkId(String name, String id) {
    Objects.requireNonNull(id, name);
    if (id.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }

  /**
   * Configures a {@link RelevanceTracker}. Not thread-safe. Each setting is validated when set,
   * with a message naming the setting and the bad value.
   */
  public static final class Builder {
    private long maxSessions = 10_000;
    private Duration idleExpiry = Duration.ofMinutes(30);
    private int maxFilesPerSession = 256;
    private int maxContextsPerSession = 32;
    private long halfLifeNanos = Duration.ofMinutes(30).toNanos();
    private double usedWeight = 2.0;
    private double offeredWeight = 0.25;
    private Ticker ticker = Ticker.system();
    private Executor executor = ForkJoinPool.commonPool();

    private Builder() {}

    /** How many sessions are kept at most; default 10,000. */
    public Builder maxSessions(long maxSessions) {
      this.maxSessions = Checks.positive("maxSessions", maxSessions);
      return this;
    }

    /** How long an untouched session is kept; default 30 minutes. */
    public Builder idleExpiry(Duration idleExpiry) {
      this.idleExpiry = Checks.positive("idleExpiry", idleExpiry);
      return this;
    }

    /** How many files one session remembers at most; default 256. */
    public Builder maxFilesPerSession(int maxFilesPerSession) {
      this.maxFilesPerSession = Checks.positive("maxFilesPerSession", maxFilesPerSession);
      return this;
    }

    /** How many recent contexts one session remembers at most; default 32. */
    public Builder maxContextsPerSession(int maxContextsPerSession) {
      this.maxContextsPerSession = Checks.positive("maxContextsPerSession", maxContextsPerSession);
      return this;
    }

    /** How fast offers and uses fade: their weight halves every half-life; default 30 minutes. */
    public Builder halfLife(Duration halfLife) {
      Checks.positive("halfLife", halfLife);
      try {
        this.halfLifeNanos = halfLife.toNanos();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(
            "halfLife must fit in a long of nanoseconds, was " + halfLife, e);
      }
      return this;
    }

    /** The most a file's uses can add to its boost; default 2.0. */
    public Builder usedWeight(double usedWeight) {
      this.usedWeight = weight("usedWeight", usedWeight);
      return this;
    }

    /** The most a file's offers can add to its boost; default 0.25. */
    public Builder offeredWeight(double offeredWeight) {
      this.offeredWeight = weight("offeredWeight", offeredWeight);
      return this;
    }

    /** The time source of idle expiry and decay; default {@link Ticker#system()}. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** Where eviction and expiry run; default the common pool; {@code Runnable::run} inline. */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Builds the tracker. */
    public RelevanceTracker build() {
      return new RelevanceTracker(this);
    }

    private static double weight(String setting, double value) {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(setting + " must be finite and >= 0, was " + value);
      }
      return value;
    }
  }
}

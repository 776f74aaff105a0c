package dev.contextgateway.jcstress.session;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.contextgateway.session.FileRelevance;
import dev.contextgateway.session.RelevanceTracker;
import dev.contextgateway.session.SessionSnapshot;
import dev.contextgateway.time.FakeTime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * <b>Property (I10): concurrent updates of one session lose nothing.</b> Two requests of the same
 * session are served at once, each with its own context: each thread records that its context
 * offered a shared file and a file of its own, then that the session used the shared file. The
 * session does not exist yet, so the two also race to create it. Afterwards the session must hold
 * all four updates: the shared file offered twice and used twice, both own files, both contexts.
 *
 * <p>Result: times the shared file was offered; times it was used; own files known (of two);
 * contexts known (of two).
 *
 * <p>Run alone, from {@code jcstress-tests/} once the module is packaged ({@code ./mvnw -B -pl
 * jcstress-tests -am package} at the root):
 *
 * <pre>
 * java -jar target/jcstress.jar -m quick -sc false -jvmArgs -Xmx256m -t 'NoLostSessionUpdate' -r target/jcstress-results/one
 * </pre>
 */
public final class NoLostSessionUpdate {
  static final String SESSION = "session-1";
  static final Path SHARED = Path.of("src/Shared.java");
  static final Path FIRST = Path.of("src/First.java");
  static final Path SECOND = Path.of("src/Second.java");

  private NoLostSessionUpdate() {}

  /**
   * {@link RelevanceTracker}: each update replaces the session's immutable state inside Caffeine's
   * {@code compute} for the session, so concurrent updates of one session are serialized.
   */
  @JCStressTest
  @Description("RelevanceTracker: two threads update one new session at once, each with its own context.")
  @Outcome(id = "2, 2, 2, 2", expect = ACCEPTABLE, desc = "Every update kept: the shared file offered and used in both contexts, both own files and both contexts known.")
  @Outcome(id = "1, .*", expect = FORBIDDEN, desc = "An offer was lost: one update overwrote the other.")
  @Outcome(id = "2, 1, .*", expect = FORBIDDEN, desc = "A use was lost: one update overwrote the other.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: a file or context lost, counted twice, or the session missing.")
  @State
  public static class RelevanceTrackerTest {
    private final RelevanceTracker tracker =
        RelevanceTracker.builder().ticker(new FakeTime()).executor(Runnable::run).build();

    @Actor
    public void first() {
      tracker.recordOffered(SESSION, "context-1", List.of(SHARED, FIRST));
      tracker.recordUsed(SESSION, "context-1", List.of(SHARED));
    }

    @Actor
    public void second() {
      tracker.recordOffered(SESSION, "context-2", List.of(SHARED, SECOND));
      tracker.recordUsed(SESSION, "context-2", List.of(SHARED));
    }

    @Arbiter
    public void check(IIII_Result r) {
      SessionSnapshot session = tracker.snapshot(SESSION).orElse(null);
      if (session == null) {
        return; // all zero: the session itself was lost
      }
      Map<Path, FileRelevance> files = session.files();
      FileRelevance shared = files.get(SHARED);
      r.r1 = shared == null ? 0 : (int) shared.timesOffered();
      r.r2 = shared == null ? 0 : (int) shared.timesUsed();
      r.r3 = (files.containsKey(FIRST) ? 1 : 0) + (files.containsKey(SECOND) ? 1 : 0);
      r.r4 = session.contexts().size();
    }
  }

  /**
   * {@link GetThenPutTracker}, written here on purpose: get the state, compute the next, put it.
   */
  @JCStressTest
  @Description("GetThenPutTracker: the same updates, each a get, then a put of the next state.")
  @Outcome(id = "2, 2, 2, 2", expect = ACCEPTABLE, desc = "Every update kept: the shared file offered and used in both contexts, both own files and both contexts known.")
  @Outcome(id = "1, .*", expect = FORBIDDEN, desc = "An offer was lost: one update overwrote the other.")
  @Outcome(id = "2, 1, .*", expect = FORBIDDEN, desc = "A use was lost: one update overwrote the other.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: a file or context lost, counted twice, or the session missing.")
  @State
  public static class GetThenPutTrackerBaseline {
    private final GetThenPutTracker tracker = new GetThenPutTracker(Integer.MAX_VALUE);

    @Actor
    public void first() {
      tracker.recordOffered(SESSION, "context-1", List.of(SHARED, FIRST));
      tracker.recordUsed(SESSION, "context-1", List.of(SHARED));
    }

    @Actor
    public void second() {
      tracker.recordOffered(SESSION, "context-2", List.of(SHARED, SECOND));
      tracker.recordUsed(SESSION, "context-2", List.of(SHARED));
    }

    @Arbiter
    public void check(IIII_Result r) {
      GetThenPutTracker.Session session = tracker.session(SESSION).orElse(null);
      if (session == null) {
        return; // all zero: the session itself was lost
      }
      r.r1 = session.timesOffered(SHARED);
      r.r2 = session.timesUsed(SHARED);
      r.r3 = (session.knows(FIRST) ? 1 : 0) + (session.knows(SECOND) ? 1 : 0);
      r.r4 = session.contexts().size();
    }
  }
}

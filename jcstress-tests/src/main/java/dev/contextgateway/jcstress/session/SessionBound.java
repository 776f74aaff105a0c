package dev.contextgateway.jcstress.session;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.contextgateway.session.RelevanceTracker;
import dev.contextgateway.time.FakeTime;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * <b>Property (I10): the bound on sessions holds when new sessions arrive together.</b> A tracker
 * bounded to {@value #MAXIMUM} sessions holds {@value #MAXIMUM}; two threads each record an update
 * of a new session at the same time, so both overflow it together. After maintenance the arbiter
 * finds exactly {@value #MAXIMUM} of the four sessions present (no more than the bound, and no
 * more evicted than needed), the tracker's session count equal to the sessions present, and no
 * exception.
 *
 * <p>Result: sessions present (of four); |session count − sessions present|; updates that threw.
 *
 * <p>Run alone, from {@code jcstress-tests/} once the module is packaged ({@code ./mvnw -B -pl
 * jcstress-tests -am package} at the root):
 *
 * <pre>
 * java -jar target/jcstress.jar -m quick -sc false -jvmArgs -Xmx256m -t 'SessionBound' -r target/jcstress-results/one
 * </pre>
 */
public final class SessionBound {
  static final int MAXIMUM = 2;
  static final List<String> SESSIONS = List.of("session-0", "session-1", "session-2", "session-3");
  static final List<Path> FILES = List.of(Path.of("src/Main.java"));

  private SessionBound() {}

  /**
   * {@link RelevanceTracker}: sessions are entries of a Caffeine cache bounded to {@code
   * maxSessions}; checked after {@link RelevanceTracker#cleanUp()}.
   */
  @JCStressTest
  @Description("RelevanceTracker at its session bound: two new sessions recorded at once, then cleanUp().")
  @Outcome(id = "2, 0, 0", expect = ACCEPTABLE, desc = "Bound held, the count equals the sessions present, no exception.")
  @Outcome(id = "[3-9], .*", expect = FORBIDDEN, desc = "More sessions present than the bound after maintenance.")
  @Outcome(id = "[0-9], [1-9], .*", expect = FORBIDDEN, desc = "The session count drifted from the sessions present.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: more sessions evicted than needed, or an update threw.")
  @State
  public static class RelevanceTrackerTest {
    private final RelevanceTracker tracker =
        RelevanceTracker.builder()
            .maxSessions(MAXIMUM)
            .ticker(new FakeTime())
            .executor(Runnable::run)
            .build();
    private final AtomicInteger thrown = new AtomicInteger();

    public RelevanceTrackerTest() {
      tracker.recordUsed(SESSIONS.get(0), "context", FILES);
      tracker.recordUsed(SESSIONS.get(1), "context", FILES);
      tracker.cleanUp();
    }

    @Actor
    public void first() {
      record(SESSIONS.get(2));
    }

    @Actor
    public void second() {
      record(SESSIONS.get(3));
    }

    private void record(String session) {
      try {
        tracker.recordUsed(session, "context", FILES);
      } catch (RuntimeException e) {
        thrown.incrementAndGet();
      }
    }

    @Arbiter
    public void check(III_Result r) {
      tracker.cleanUp();
      int present = 0;
      for (String session : SESSIONS) {
        if (tracker.snapshot(session).isPresent()) {
          present++;
        }
      }
      r.r1 = present;
      r.r2 = (int) Math.abs(tracker.sessionCount() - present);
      r.r3 = thrown.get();
    }
  }

  /**
   * {@link GetThenPutTracker}, written here on purpose: a new session finding the map full evicts
   * the least recently updated one, then puts itself; both new sessions evict the same victim.
   */
  @JCStressTest
  @Description("GetThenPutTracker at its session bound: two new sessions recorded at once; both evict the same one.")
  @Outcome(id = "2, 0, 0", expect = ACCEPTABLE, desc = "Bound held, the count equals the sessions present, no exception.")
  @Outcome(id = "[3-9], .*", expect = FORBIDDEN, desc = "More sessions present than the bound: both new sessions evicted the same victim.")
  @Outcome(id = "[0-9], [1-9], .*", expect = FORBIDDEN, desc = "The session count drifted from the sessions present.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: more sessions evicted than needed, or an update threw.")
  @State
  public static class GetThenPutTrackerBaseline {
    private final GetThenPutTracker tracker = new GetThenPutTracker(MAXIMUM);
    private final AtomicInteger thrown = new AtomicInteger();

    public GetThenPutTrackerBaseline() {
      tracker.recordUsed(SESSIONS.get(0), "context", FILES);
      tracker.recordUsed(SESSIONS.get(1), "context", FILES);
    }

    @Actor
    public void first() {
      record(SESSIONS.get(2));
    }

    @Actor
    public void second() {
      record(SESSIONS.get(3));
    }

    private void record(String session) {
      try {
        tracker.recordUsed(session, "context", FILES);
      } catch (RuntimeException e) {
        thrown.incrementAndGet();
      }
    }

    @Arbiter
    public void check(III_Result r) {
      int present = 0;
      for (String session : SESSIONS) {
        if (tracker.session(session).isPresent()) {
          present++;
        }
      }
      r.r1 = present;
      r.r2 = Math.abs(tracker.sessionCount() - present);
      r.r3 = thrown.get();
    }
  }
}

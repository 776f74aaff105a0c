package dev.contextgateway.jcstress.cache;

import static dev.contextgateway.jcstress.cache.Fixtures.CONTEXT;
import static dev.contextgateway.jcstress.cache.Fixtures.SUMMARY;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.contextgateway.baseline.RacyTypeStats;
import dev.contextgateway.baseline.TypeCounters;
import dev.contextgateway.cache.CacheStats;
import dev.contextgateway.cache.ContextCache;
import dev.contextgateway.time.FakeTime;
import java.util.List;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJJJ_Result;

/**
 * <b>Property (I3): per-type statistics are exact under concurrent hits and misses.</b> Two
 * threads each count a context hit and a context miss at the same time (so each context counter
 * is bumped by both at once), and one summary hit or miss (so a type's count cannot leak into
 * another's). At quiescence every event is counted exactly once, under its own type.
 *
 * <p>Result: context hits, context misses, summary hits, summary misses.
 *
 * <p>Run alone, from {@code jcstress-tests/} once the module is packaged ({@code ./mvnw -B -pl
 * jcstress-tests -am package} at the root):
 *
 * <pre>
 * java -jar target/jcstress.jar -m quick -sc false -jvmArgs -Xmx256m -t 'ExactTypeStats' -r target/jcstress-results/one
 * </pre>
 */
public final class ExactTypeStats {
  private ExactTypeStats() {}

  /** {@link ContextCache} counts with {@code LongAdder}s, per type: exact without a lock. */
  @JCStressTest
  @Description("ContextCache: concurrent hits and misses of two types are counted exactly.")
  @Outcome(id = "2, 2, 1, 1", expect = ACCEPTABLE, desc = "Exact: every hit and miss counted once, under its own type.")
  @Outcome(id = "1, .*", expect = FORBIDDEN, desc = "A context hit was lost.")
  @Outcome(id = "2, 1, .*", expect = FORBIDDEN, desc = "A context miss was lost.")
  @Outcome(expect = FORBIDDEN, desc = "Any other count: an event lost, counted twice or under the wrong type.")
  @State
  public static class ContextCacheTest {
    private static final int CONTEXT_ENTRY = 0;
    private static final int SUMMARY_ENTRY = 1;
    private static final int ABSENT = 2;

    private final ContextCache<Integer, Integer> cache = Fixtures.cache(new FakeTime());

    public ContextCacheTest() {
      cache.put(CONTEXT_ENTRY, CONTEXT, 10);
      cache.put(SUMMARY_ENTRY, SUMMARY, 11);
    }

    @Actor
    public void first() {
      cache.get(CONTEXT_ENTRY, CONTEXT, false);
      cache.get(ABSENT, CONTEXT, false);
      cache.get(SUMMARY_ENTRY, SUMMARY, false);
    }

    @Actor
    public void second() {
      cache.get(CONTEXT_ENTRY, CONTEXT, false);
      cache.get(ABSENT, CONTEXT, false);
      cache.get(ABSENT, SUMMARY, false);
    }

    @Arbiter
    public void count(JJJJ_Result r) {
      CacheStats stats = cache.stats();
      r.r1 = stats.of(CONTEXT).hits();
      r.r2 = stats.of(CONTEXT).misses();
      r.r3 = stats.of(SUMMARY).hits();
      r.r4 = stats.of(SUMMARY).misses();
    }
  }

  /** The seed's counters: plain fields with read-modify-write; concurrent bumps are lost. */
  @JCStressTest
  @Description("RacyTypeStats: the same events, counted with unsynchronized read-modify-write.")
  @Outcome(id = "2, 2, 1, 1", expect = ACCEPTABLE, desc = "Exact: every hit and miss counted once, under its own type.")
  @Outcome(id = "1, .*", expect = FORBIDDEN, desc = "A context hit was lost: both threads read the same count.")
  @Outcome(id = "2, 1, .*", expect = FORBIDDEN, desc = "A context miss was lost: both threads read the same count.")
  @Outcome(expect = FORBIDDEN, desc = "Any other count: an event lost, counted twice or under the wrong type.")
  @State
  public static class RacyTypeStatsBaseline {
    private final TypeCounters stats = new RacyTypeStats(List.of("context", "summary"));

    @Actor
    public void first() {
      stats.recordHit("context");
      stats.recordMiss("context");
      stats.recordHit("summary");
    }

    @Actor
    public void second() {
      stats.recordHit("context");
      stats.recordMiss("context");
      stats.recordMiss("summary");
    }

    @Arbiter
    public void count(JJJJ_Result r) {
      r.r1 = stats.hits("context");
      r.r2 = stats.misses("context");
      r.r3 = stats.hits("summary");
      r.r4 = stats.misses("summary");
    }
  }
}

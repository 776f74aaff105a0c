package dev.contextgateway.jcstress.cache;

import static dev.contextgateway.jcstress.cache.Fixtures.CONTEXT;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.contextgateway.baseline.NaiveCache;
import dev.contextgateway.cache.ContextCache;
import dev.contextgateway.cache.Generator;
import dev.contextgateway.time.FakeTime;
import java.util.concurrent.CompletableFuture;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * <b>Property (I2): an invalidation racing a generation leaves no pre-invalidation value
 * cached.</b> One thread generates the key (a file was read); the other invalidates it (the file
 * changed) while the generation runs. The generator notes whether the invalidation had begun when
 * it started: if not, its value is {@value #BEFORE}, a value of the old files, else {@value
 * #AFTER}. {@link Timing} lines the threads up so that the generation completes just as the
 * invalidation runs, the moment at which a real generation, seconds long, is exposed to it.
 * Afterwards the arbiter calls {@code getOrGenerate} (a new generation would give {@value
 * #LATER}): it must never get {@value #BEFORE}.
 *
 * <p>The generating caller itself may receive {@value #BEFORE}: its call began before the
 * invalidation.
 *
 * <p>Result: the generating caller's value; the value a call after the race gets.
 *
 * <p>Run alone, from {@code jcstress-tests/} once the module is packaged ({@code ./mvnw -B -pl
 * jcstress-tests -am package} at the root):
 *
 * <pre>
 * java -jar target/jcstress.jar -m quick -sc false -jvmArgs -Xmx256m -t 'NoStaleResurrection' -r target/jcstress-results/one
 * </pre>
 */
public final class NoStaleResurrection {
  static final int KEY = 7;

  /** The value of a generation that started before the invalidation began. */
  static final int BEFORE = 1;

  /** The value of a generation that started once the invalidation had begun. */
  static final int AFTER = 2;

  /** The value of a generation started after the race. */
  static final int LATER = 3;

  private NoStaleResurrection() {}

  /** {@link ContextCache#invalidate}: the flight is superseded before the entry is removed. */
  @JCStressTest
  @Description("ContextCache: invalidate(key) races a generation of the key.")
  @Outcome(id = "1, 3", expect = ACCEPTABLE, desc = "The generation began first: its caller got its value; it was not kept.")
  @Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "The generation began once the invalidation had begun: its value may stay.")
  @Outcome(id = "2, 3", expect = ACCEPTABLE, desc = "The generation began once the invalidation had begun, and was removed by it.")
  @Outcome(id = "1, 1", expect = FORBIDDEN, desc = "Stale resurrection: the value generated before the invalidation stayed cached.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: a caller left without a value.")
  @State
  public static class InvalidateContextCacheTest {
    private final Race race = new Race();

    @Actor
    public void generates() {
      race.generate();
    }

    @Actor
    public void invalidates() {
      race.timing.beginInvalidation();
      race.cache.invalidate(KEY);
    }

    @Arbiter
    public void check(II_Result r) {
      race.check(r);
    }
  }

  /** {@link ContextCache#invalidateWorkspace}: the same race, invalidating the key's workspace. */
  @JCStressTest
  @Description("ContextCache: invalidateWorkspace(ws) races a generation of a key in ws.")
  @Outcome(id = "1, 3", expect = ACCEPTABLE, desc = "The generation began first: its caller got its value; it was not kept.")
  @Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "The generation began once the invalidation had begun: its value may stay.")
  @Outcome(id = "2, 3", expect = ACCEPTABLE, desc = "The generation began once the invalidation had begun, and was removed by it.")
  @Outcome(id = "1, 1", expect = FORBIDDEN, desc = "Stale resurrection: the value generated before the invalidation stayed cached.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: a caller left without a value.")
  @State
  public static class InvalidateWorkspaceContextCacheTest {
    private final Race race = new Race();

    @Actor
    public void generates() {
      race.generate();
    }

    @Actor
    public void invalidates() {
      race.timing.beginInvalidation();
      race.cache.invalidateWorkspace(Fixtures.workspaceOf(KEY));
    }

    @Arbiter
    public void check(II_Result r) {
      race.check(r);
    }
  }

  /** The seed's cache: the generation stores its value whatever happened meanwhile. */
  @JCStressTest
  @Description("NaiveCache: invalidate(key) races a generation of the key.")
  @Outcome(id = "1, 3", expect = ACCEPTABLE, desc = "The generation began first: its caller got its value; it was not kept.")
  @Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "The generation began once the invalidation had begun: its value may stay.")
  @Outcome(id = "2, 3", expect = ACCEPTABLE, desc = "The generation began once the invalidation had begun, and was removed by it.")
  @Outcome(id = "1, 1", expect = FORBIDDEN, desc = "Stale resurrection: the generation stored its old value after the invalidation.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: a caller left without a value.")
  @State
  public static class InvalidateNaiveCacheBaseline {
    private final NaiveCache<Integer, Integer> cache =
        new NaiveCache<>(new FakeTime(), CONTEXT.timeToLive());
    private final Timing timing = new Timing();
    private int generated;

    @Actor
    public void generates() {
      generated = cache.getOrGenerate(KEY, key -> timing.generate());
    }

    @Actor
    public void invalidates() {
      timing.beginInvalidation();
      cache.invalidate(KEY);
    }

    @Arbiter
    public void check(II_Result r) {
      r.r1 = generated;
      r.r2 = cache.getOrGenerate(KEY, key -> LATER);
    }
  }

  /**
   * Lines the two threads up: the invalidation begins once the generation has started (or after a
   * bounded wait), and the generation completes once the invalidation has begun (likewise), so
   * that the generation's completion races the invalidation in most samples.
   */
  static final class Timing {
    private volatile boolean generating;
    private volatile boolean invalidating;

    /** The generation: {@link #BEFORE} if it started before the invalidation began, else {@link #AFTER}. */
    int generate() {
      int value = invalidating ? AFTER : BEFORE;
      generating = true;
      Generations.holdUntil(() -> invalidating);
      return value;
    }

    /** Called by the invalidating thread just before it invalidates. */
    void beginInvalidation() {
      Generations.holdUntil(() -> generating);
      invalidating = true;
    }
  }

  /** A {@link ContextCache} and the generation that races its invalidation. */
  static final class Race {
    final ContextCache<Integer, Integer> cache = Fixtures.cache(new FakeTime());
    final Timing timing = new Timing();
    private final Generator<Integer, Integer> generator =
        key -> CompletableFuture.completedFuture(timing.generate());
    private CompletableFuture<Integer> generated = new CompletableFuture<>();

    void generate() {
      generated = cache.getOrGenerate(KEY, CONTEXT, generator);
    }

    void check(II_Result r) {
      r.r1 = Fixtures.valueOf(generated);
      r.r2 =
          Fixtures.valueOf(
              cache.getOrGenerate(KEY, CONTEXT, key -> CompletableFuture.completedFuture(LATER)));
    }
  }
}

package dev.contextgateway.jcstress.cache;

import static dev.contextgateway.jcstress.cache.Fixtures.CONTEXT;
import static dev.contextgateway.jcstress.cache.Fixtures.PAST_EXPIRY;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.contextgateway.baseline.NaiveCache;
import dev.contextgateway.cache.ContextCache;
import dev.contextgateway.cache.Generator;
import dev.contextgateway.time.FakeTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * <b>Property (I1): concurrent callers of one expired key cause one generation, and all get its
 * value.</b> The key's entry has expired (fake time moved past it) and two, or three, threads ask
 * for it at once. The generator returns its call number, so the values tell which generation each
 * caller got.
 *
 * <p>Three actors need three CPUs: jcstress does not schedule a test on fewer CPUs than it has
 * actors, so on a two-CPU machine the build reports the three-caller tests as skipped and the
 * two-caller tests carry the property.
 *
 * <p>Result: each caller's value, then generator calls.
 *
 * <p>Run alone, from {@code jcstress-tests/} once the module is packaged ({@code ./mvnw -B -pl
 * jcstress-tests -am package} at the root):
 *
 * <pre>
 * java -jar target/jcstress.jar -m quick -sc false -jvmArgs -Xmx256m -t 'SingleFlightOnExpiredKey' -r target/jcstress-results/one
 * </pre>
 */
public final class SingleFlightOnExpiredKey {
  static final int KEY = 7;

  private SingleFlightOnExpiredKey() {}

  /**
   * {@link ContextCache}, two callers: the second joins the first one's flight, or finds its value.
   * The arbiter reads the futures, so no actor blocks.
   */
  @JCStressTest
  @Description("ContextCache: two concurrent getOrGenerate calls on an expired key.")
  @Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "One generation; both callers got its value.")
  @Outcome(id = {"1, 2, 2", "2, 1, 2"}, expect = FORBIDDEN, desc = "Both callers generated: the second missed before the first had stored.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: an extra generation, the expired value served, or a caller left without a value.")
  @State
  public static class TwoCallersContextCacheTest {
    private final Callers callers = new Callers();
    private CompletableFuture<Integer> firstCall;
    private CompletableFuture<Integer> secondCall;

    @Actor
    public void first() {
      firstCall = callers.call();
    }

    @Actor
    public void second() {
      secondCall = callers.call();
    }

    @Arbiter
    public void check(III_Result r) {
      r.r1 = Fixtures.valueOf(firstCall);
      r.r2 = Fixtures.valueOf(secondCall);
      r.r3 = callers.calls.get();
    }
  }

  /** The seed's cache, two callers: look up, and on a miss generate and store. Both misses generate. */
  @JCStressTest
  @Description("NaiveCache: two concurrent getOrGenerate calls on an expired key.")
  @Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "One generation; both callers got its value.")
  @Outcome(id = {"1, 2, 2", "2, 1, 2"}, expect = FORBIDDEN, desc = "Both callers generated: the second missed before the first had stored.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: an extra generation, the expired value served, or a caller left without a value.")
  @State
  public static class TwoCallersNaiveCacheBaseline {
    private final NaiveCallers callers = new NaiveCallers();

    @Actor
    public void first(III_Result r) {
      r.r1 = callers.call();
    }

    @Actor
    public void second(III_Result r) {
      r.r2 = callers.call();
    }

    @Arbiter
    public void check(III_Result r) {
      r.r3 = callers.calls.get();
    }
  }

  /** {@link ContextCache}, three callers: each joins the first one's flight, or finds its value. */
  @JCStressTest
  @Description("ContextCache: three concurrent getOrGenerate calls on an expired key.")
  @Outcome(id = "1, 1, 1, 1", expect = ACCEPTABLE, desc = "One generation; every caller got its value.")
  @Outcome(id = ".*, [23]", expect = FORBIDDEN, desc = "More than one generation: a caller missed before another had stored.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: the expired value served, or a caller left without a value.")
  @State
  public static class ThreeCallersContextCacheTest {
    private final Callers callers = new Callers();
    private CompletableFuture<Integer> firstCall;
    private CompletableFuture<Integer> secondCall;
    private CompletableFuture<Integer> thirdCall;

    @Actor
    public void first() {
      firstCall = callers.call();
    }

    @Actor
    public void second() {
      secondCall = callers.call();
    }

    @Actor
    public void third() {
      thirdCall = callers.call();
    }

    @Arbiter
    public void check(IIII_Result r) {
      r.r1 = Fixtures.valueOf(firstCall);
      r.r2 = Fixtures.valueOf(secondCall);
      r.r3 = Fixtures.valueOf(thirdCall);
      r.r4 = callers.calls.get();
    }
  }

  /** The seed's cache, three callers: every caller that misses before another has stored generates. */
  @JCStressTest
  @Description("NaiveCache: three concurrent getOrGenerate calls on an expired key.")
  @Outcome(id = "1, 1, 1, 1", expect = ACCEPTABLE, desc = "One generation; every caller got its value.")
  @Outcome(id = ".*, [23]", expect = FORBIDDEN, desc = "More than one generation: a caller missed before another had stored.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: the expired value served, or a caller left without a value.")
  @State
  public static class ThreeCallersNaiveCacheBaseline {
    private final NaiveCallers callers = new NaiveCallers();

    @Actor
    public void first(IIII_Result r) {
      r.r1 = callers.call();
    }

    @Actor
    public void second(IIII_Result r) {
      r.r2 = callers.call();
    }

    @Actor
    public void third(IIII_Result r) {
      r.r3 = callers.call();
    }

    @Arbiter
    public void check(IIII_Result r) {
      r.r4 = callers.calls.get();
    }
  }

  /** A {@link ContextCache} whose one entry has expired, and a generator that counts its calls. */
  static final class Callers {
    final AtomicInteger calls = new AtomicInteger();
    private final FakeTime time = new FakeTime();
    private final ContextCache<Integer, Integer> cache = Fixtures.cache(time);
    private final Generator<Integer, Integer> generator =
        key -> CompletableFuture.completedFuture(calls.incrementAndGet());

    Callers() {
      cache.put(KEY, CONTEXT, 0);
      time.advance(PAST_EXPIRY);
    }

    CompletableFuture<Integer> call() {
      return cache.getOrGenerate(KEY, CONTEXT, generator);
    }
  }

  /** The same on {@link NaiveCache}. */
  static final class NaiveCallers {
    final AtomicInteger calls = new AtomicInteger();
    private final FakeTime time = new FakeTime();
    private final NaiveCache<Integer, Integer> cache = new NaiveCache<>(time, CONTEXT.timeToLive());

    NaiveCallers() {
      cache.put(KEY, 0);
      time.advance(PAST_EXPIRY);
    }

    int call() {
      return cache.getOrGenerate(KEY, key -> calls.incrementAndGet());
    }
  }
}

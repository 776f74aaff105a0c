package dev.contextgateway.jcstress.cache;

import static dev.contextgateway.jcstress.cache.Fixtures.CONTEXT;
import static dev.contextgateway.jcstress.cache.Fixtures.PAST_EXPIRY;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.contextgateway.baseline.LockDeletingCache;
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
 * <b>Property (I1): after a failed generation, callers of the key never have two generations in
 * flight at once.</b> A generation of an expired key fails; another caller asked meanwhile, and
 * one more asks once the failure is known. Whoever generates next, there is one generation at a
 * time.
 *
 * <p>This is the interleaving that breaks the lock-per-key design whose locks are deleted after
 * use: the second caller waits on the first one's lock; the failure deletes that lock; the later
 * caller makes a new lock and generates, and the waiter, woken on the deleted lock, finds nothing
 * cached and generates too. In the two-thread form the later caller is the failed one retrying at
 * once; the three-thread form gives it its own thread (and needs three CPUs: on two, the build
 * reports it as skipped).
 *
 * <p>Why a failure and not an invalidation: an invalidation lets the superseded generation finish
 * for its own callers while a new one starts for later callers (no stale resurrection, I2), so on
 * {@link ContextCache} two generations of a key can then be in flight by design.
 *
 * <p>Generations hold while another could still overlap them ({@link Generations}), so that
 * overlapping ones are seen to overlap.
 *
 * <p>Result: the most generations in flight at once; generator calls (the failed one included).
 *
 * <p>Run alone, from {@code jcstress-tests/} once the module is packaged ({@code ./mvnw -B -pl
 * jcstress-tests -am package} at the root):
 *
 * <pre>
 * java -jar target/jcstress.jar -m quick -sc false -jvmArgs -Xmx256m -t 'SingleFlightAfterFailure' -r target/jcstress-results/one
 * </pre>
 */
public final class SingleFlightAfterFailure {
  static final int KEY = 7;

  private static final Generations.Failure FAILURE = new Generations.Failure();

  private SingleFlightAfterFailure() {}

  /**
   * {@link ContextCache}, two threads: a failed flight leaves the key at once and fails the
   * callers that joined it; the next caller starts one new flight and the others join it.
   */
  @JCStressTest
  @Description("ContextCache: a generation fails and is retried while another caller asks for the key.")
  @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "The other caller generated first; the failing generator never ran.")
  @Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "The failed generation, then one generation at a time.")
  @Outcome(id = "2, .*", expect = FORBIDDEN, desc = "Two generations of the key in flight at once.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: a generation although a fresh value was already cached.")
  @State
  public static class RetryContextCacheTest {
    private final Callers callers = new Callers(2);

    @Actor
    public void failsThenRetries() {
      callers.callFailing();
      callers.call();
      callers.generations.actorDone();
    }

    @Actor
    public void asksMeanwhile() {
      callers.call();
      callers.generations.actorDone();
    }

    @Arbiter
    public void check(II_Result r) {
      r.r1 = callers.generations.mostInFlight();
      r.r2 = callers.generations.calls();
    }
  }

  /** The seed's fix for the herd, two threads: the waiter on the deleted lock and the retry both generate. */
  @JCStressTest
  @Description("LockDeletingCache: a generation fails and is retried while another caller waits on the deleted lock.")
  @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "The other caller generated first; the failing generator never ran.")
  @Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "The failed generation, then one generation at a time.")
  @Outcome(id = "2, .*", expect = FORBIDDEN, desc = "Two generations in flight at once: the waiter on the deleted lock and the retry on a new one.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: a generation although a fresh value was already cached.")
  @State
  public static class RetryLockDeletingCacheBaseline {
    private final LockDeletingCallers callers = new LockDeletingCallers(2);

    @Actor
    public void failsThenRetries() {
      callers.callFailing();
      callers.call();
      callers.generations.actorDone();
    }

    @Actor
    public void asksMeanwhile() {
      callers.call();
      callers.generations.actorDone();
    }

    @Arbiter
    public void check(II_Result r) {
      r.r1 = callers.generations.mostInFlight();
      r.r2 = callers.generations.calls();
    }
  }

  /** {@link ContextCache}, three threads: the later caller has its own thread. */
  @JCStressTest
  @Description("ContextCache: a generation fails; one caller asked meanwhile, another asks after the failure.")
  @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Another caller generated first; the failing generator never ran.")
  @Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "The failed generation, then one generation at a time.")
  @Outcome(id = "2, .*", expect = FORBIDDEN, desc = "Two generations of the key in flight at once.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: a generation although a fresh value was already cached.")
  @State
  public static class ThreeCallersContextCacheTest {
    private final Callers callers = new Callers(3);
    private volatile boolean failureReturned;

    @Actor
    public void fails() {
      callers.callFailing();
      failureReturned = true;
      callers.generations.actorDone();
    }

    @Actor
    public void asksMeanwhile() {
      callers.call();
      callers.generations.actorDone();
    }

    @Actor
    public void asksAfterTheFailure() {
      Generations.holdUntil(() -> failureReturned);
      callers.call();
      callers.generations.actorDone();
    }

    @Arbiter
    public void check(II_Result r) {
      r.r1 = callers.generations.mostInFlight();
      r.r2 = callers.generations.calls();
    }
  }

  /** The seed's fix for the herd, three threads: the waiter on the deleted lock and the later caller both generate. */
  @JCStressTest
  @Description("LockDeletingCache: a generation fails; one caller waits on the deleted lock, another asks after the failure.")
  @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Another caller generated first; the failing generator never ran.")
  @Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "The failed generation, then one generation at a time.")
  @Outcome(id = "2, .*", expect = FORBIDDEN, desc = "Two generations in flight at once: the waiter on the deleted lock and the later caller on a new one.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: a generation although a fresh value was already cached.")
  @State
  public static class ThreeCallersLockDeletingCacheBaseline {
    private final LockDeletingCallers callers = new LockDeletingCallers(3);
    private volatile boolean failureReturned;

    @Actor
    public void fails() {
      callers.callFailing();
      failureReturned = true;
      callers.generations.actorDone();
    }

    @Actor
    public void asksMeanwhile() {
      callers.call();
      callers.generations.actorDone();
    }

    @Actor
    public void asksAfterTheFailure() {
      Generations.holdUntil(() -> failureReturned);
      callers.call();
      callers.generations.actorDone();
    }

    @Arbiter
    public void check(II_Result r) {
      r.r1 = callers.generations.mostInFlight();
      r.r2 = callers.generations.calls();
    }
  }

  /** A {@link ContextCache} whose one entry has expired, with a failing and a succeeding generator. */
  static final class Callers {
    final Generations generations;
    private final FakeTime time = new FakeTime();
    private final ContextCache<Integer, Integer> cache = Fixtures.cache(time);
    private final Generator<Integer, Integer> failing;
    private final Generator<Integer, Integer> succeeding;

    Callers(int actors) {
      Generations counted = new Generations(actors);
      this.generations = counted;
      this.failing =
          key -> {
            counted.generate();
            throw FAILURE;
          };
      this.succeeding = key -> CompletableFuture.completedFuture(counted.generate());
      cache.put(KEY, CONTEXT, 0);
      time.advance(PAST_EXPIRY);
    }

    /** A call whose generation, if it starts one, fails; the future fails without blocking. */
    void callFailing() {
      cache.getOrGenerate(KEY, CONTEXT, failing);
    }

    void call() {
      cache.getOrGenerate(KEY, CONTEXT, succeeding);
    }
  }

  /** The same on {@link LockDeletingCache}, whose calls block and throw the generator's failure. */
  static final class LockDeletingCallers {
    final Generations generations;
    private final FakeTime time = new FakeTime();
    private final LockDeletingCache<Integer, Integer> cache =
        new LockDeletingCache<>(time, CONTEXT.timeToLive());

    LockDeletingCallers(int actors) {
      this.generations = new Generations(actors);
      cache.put(KEY, 0);
      time.advance(PAST_EXPIRY);
    }

    void callFailing() {
      try {
        cache.getOrGenerate(
            KEY,
            key -> {
              generations.generate();
              throw FAILURE;
            });
      } catch (Generations.Failure expected) {
        // the failed generation, as its caller sees it
      }
    }

    void call() {
      cache.getOrGenerate(KEY, key -> generations.generate());
    }
  }
}

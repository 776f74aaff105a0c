package dev.contextgateway.jcstress.cache;

import static dev.contextgateway.jcstress.cache.Fixtures.CONTEXT;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.contextgateway.cache.CacheResult;
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

/**
 * <b>Property (I6): one caller cancelling its future never cancels the generation another caller
 * waits for.</b> One thread asks for the key and cancels its future at once (it gave up); the
 * other asks for the same key. Whichever starts the generation, the other joins it. The generation
 * is a future the arbiter completes with {@value #VALUE} afterwards: the second caller must get
 * that value, and it must be cached.
 *
 * <p>Result: the joining caller's value; the cancelling caller's value ({@value
 * Fixtures#CANCELLED} when cancelled); generator calls; the value cached afterwards (0 if none).
 *
 * <p>Run alone, from {@code jcstress-tests/} once the module is packaged ({@code ./mvnw -B -pl
 * jcstress-tests -am package} at the root):
 *
 * <pre>
 * java -jar target/jcstress.jar -m quick -sc false -jvmArgs -Xmx256m -t 'WaiterIsolation' -r target/jcstress-results/one
 * </pre>
 */
public final class WaiterIsolation {
  static final int KEY = 7;
  static final int VALUE = 42;

  private WaiterIsolation() {}

  /** {@link ContextCache}: each caller gets its own dependent future of the shared flight. */
  @JCStressTest
  @Description("ContextCache: one caller cancels its future while another joins the same generation.")
  @Outcome(id = "42, -3, 1, 42", expect = ACCEPTABLE, desc = "Only the cancelling caller's future was cancelled; the generation completed for the other and was cached.")
  @Outcome(id = "-3, -3, .*", expect = FORBIDDEN, desc = "The cancel reached the shared generation: the other caller's future was cancelled too.")
  @Outcome(id = "-[12], .*", expect = FORBIDDEN, desc = "The other caller's future failed or never completed.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: a second generation, the cancel not applied, or the value not cached.")
  @State
  public static class ContextCacheTest {
    private final ContextCache<Integer, Integer> cache = Fixtures.cache(new FakeTime());
    private final CompletableFuture<Integer> generation = new CompletableFuture<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final Generator<Integer, Integer> generator =
        key -> {
          calls.incrementAndGet();
          return generation;
        };
    private CompletableFuture<Integer> cancelled;
    private CompletableFuture<Integer> joined;

    @Actor
    public void cancels() {
      cancelled = cache.getOrGenerate(KEY, CONTEXT, generator);
      cancelled.cancel(true);
    }

    @Actor
    public void joins() {
      joined = cache.getOrGenerate(KEY, CONTEXT, generator);
    }

    @Arbiter
    public void check(IIII_Result r) {
      generation.complete(VALUE);
      r.r1 = Fixtures.valueOf(joined);
      r.r2 = Fixtures.valueOf(cancelled);
      r.r3 = calls.get();
      r.r4 = cache.get(KEY, CONTEXT, false).map(CacheResult::value).orElse(0);
    }
  }

  /**
   * Not one of the seed's designs but the common shortcut this property guards against: Caffeine's
   * {@link AsyncCache} used directly as a single-flight map hands every caller the one shared
   * future, so a caller's cancel cancels it for all.
   */
  @JCStressTest
  @Description("AsyncCache used directly: one caller cancels the shared future while another joins it.")
  @Outcome(id = "42, -3, 1, 42", expect = ACCEPTABLE, desc = "Only the cancelling caller's future was cancelled; the generation completed for the other and was cached.")
  @Outcome(id = "-3, -3, .*", expect = FORBIDDEN, desc = "The cancel reached the shared generation: the other caller's future was cancelled too.")
  @Outcome(id = "-[12], .*", expect = FORBIDDEN, desc = "The other caller's future failed or never completed.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: a second generation, the cancel not applied, or the value not cached.")
  @State
  public static class SharedFutureBaseline {
    private final AsyncCache<Integer, Integer> cache =
        Caffeine.newBuilder().executor(Runnable::run).buildAsync();
    private final CompletableFuture<Integer> generation = new CompletableFuture<>();
    private final AtomicInteger calls = new AtomicInteger();
    private CompletableFuture<Integer> cancelled;
    private CompletableFuture<Integer> joined;

    @Actor
    public void cancels() {
      cancelled = cache.get(KEY, (key, executor) -> generate());
      cancelled.cancel(true);
    }

    @Actor
    public void joins() {
      joined = cache.get(KEY, (key, executor) -> generate());
    }

    private CompletableFuture<Integer> generate() {
      calls.incrementAndGet();
      return generation;
    }

    @Arbiter
    public void check(IIII_Result r) {
      generation.complete(VALUE);
      r.r1 = Fixtures.valueOf(joined);
      r.r2 = Fixtures.valueOf(cancelled);
      r.r3 = calls.get();
      CompletableFuture<Integer> cached = cache.getIfPresent(KEY);
      r.r4 = cached == null ? 0 : Math.max(0, Fixtures.valueOf(cached));
    }
  }
}

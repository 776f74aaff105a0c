package dev.contextgateway.lincheck;

import dev.contextgateway.cache.CacheResult;
import dev.contextgateway.cache.CacheType;
import dev.contextgateway.cache.ContextCache;
import dev.contextgateway.cache.TypeStats;
import dev.contextgateway.time.FakeTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.Validate;

/**
 * With eviction on, per-key linearizability does not hold (an entry may vanish at any time; this
 * is Caffeine's own caveat), but these weaker properties must, and each operation asserts them:
 *
 * <ul>
 *   <li><b>Provenance:</b> a value served for a key was generated or put for that key.
 *   <li><b>No stale resurrection (I2)</b>, when the subclass asks for it: a look-up that starts
 *       after an invalidation, a workspace invalidation or a put of its key returned never gets a
 *       value written before that operation started. A generated value counts as written when its
 *       generator was called (its generation started no later); a put value when its put
 *       returned.
 *   <li><b>Bounds and exact statistics at quiescence</b> (the {@code @Validate} method): after
 *       maintenance, at most {@value #MAXIMUM_ENTRIES} entries, the entry count equals the keys
 *       present, look-ups counted equal look-ups made, generations counted equal generator calls.
 * </ul>
 *
 * <p>Operations return nothing, so any history is linearizable against {@link
 * PropertiesSpecification} and only a failed check (an exception where the specification has
 * none) or a failed validation makes Lincheck report.
 * Workspaces hold several keys here (1 and 3 share one), since per-key properties hold for a bulk
 * invalidation even though it is not atomic across keys.
 */
@Param(name = "key", gen = IntGen.class, conf = Keys.MIN + ":" + Keys.MAX)
@Param(name = "workspace", gen = IntGen.class, conf = "0:" + (Keys.WORKSPACES - 1))
public abstract class AbstractEvictionPropertiesTest {
  static final int MAXIMUM_ENTRIES = 2;
  private static final CacheType TYPE = ContextCacheSubject.TYPE;

  private final ContextCache<Integer, String> cache =
      ContextCacheSubject.builder(new FakeTime()).maximumEntries(MAXIMUM_ENTRIES).build();

  /** Logical time: orders writes, invalidations and look-ups. */
  private final AtomicLong clock = new AtomicLong();
  private final AtomicInteger ids = new AtomicInteger();
  /** Every value written, to the logical time it counts as written (0 while its put runs). */
  private final ConcurrentHashMap<String, Long> written = new ConcurrentHashMap<>();
  /** Per key, the start time of the latest invalidating operation that has returned. */
  private final AtomicLongArray invalidatedBefore = new AtomicLongArray(Keys.MAX + 1);
  private final AtomicLong generatorCalls = new AtomicLong();
  private final AtomicLong lookups = new AtomicLong();
  private final boolean checkStaleResurrection;

  protected AbstractEvictionPropertiesTest(boolean checkStaleResurrection) {
    this.checkStaleResurrection = checkStaleResurrection;
  }

  @Operation
  public void getOrGenerate(@Param(name = "key") int key) {
    long floor = invalidatedBefore.get(key);
    lookups.incrementAndGet();
    String value =
        cache
            .getOrGenerate(
                key,
                TYPE,
                k -> {
                  generatorCalls.incrementAndGet();
                  String generated = "k" + k + ":gen" + ids.incrementAndGet();
                  written.put(generated, clock.incrementAndGet());
                  return CompletableFuture.completedFuture(generated);
                })
            .join();
    checkServed(key, value, floor);
  }

  @Operation
  public void get(@Param(name = "key") int key) {
    long floor = invalidatedBefore.get(key);
    lookups.incrementAndGet();
    cache.get(key, TYPE, false).map(CacheResult::value).ifPresent(v -> checkServed(key, v, floor));
  }

  @Operation
  public void put(@Param(name = "key") int key) {
    String value = "k" + key + ":put" + ids.incrementAndGet();
    written.put(value, 0L);
    long start = clock.incrementAndGet();
    cache.put(key, TYPE, value);
    written.put(value, clock.incrementAndGet());
    invalidatedBefore.accumulateAndGet(key, start, Math::max);
  }

  @Operation
  public void invalidate(@Param(name = "key") int key) {
    long start = clock.incrementAndGet();
    cache.invalidate(key);
    invalidatedBefore.accumulateAndGet(key, start, Math::max);
  }

  @Operation
  public void invalidateWorkspace(@Param(name = "workspace") int workspace) {
    long start = clock.incrementAndGet();
    cache.invalidateWorkspace(Keys.workspacePath(workspace));
    for (int key = Keys.MIN; key <= Keys.MAX; key++) {
      if (Keys.workspaceOf(key) == workspace) {
        invalidatedBefore.accumulateAndGet(key, start, Math::max);
      }
    }
  }

  private void checkServed(int key, String value, long floor) {
    Expect.that(value.startsWith("k" + key + ":"), "key %s was served %s", key, value);
    Long writtenAt = written.get(value);
    Expect.that(writtenAt != null, "key %s was served %s, which was never written", key, value);
    if (checkStaleResurrection && writtenAt != null && writtenAt != 0) {
      Expect.that(
          writtenAt > floor,
          "key %s was served %s, written before an invalidation that returned before the call",
          key,
          value);
    }
  }

  @Validate
  public void boundsAndStatisticsHoldAtQuiescence() {
    cache.cleanUp();
    TypeStats stats = cache.stats().of(TYPE);
    Expect.that(
        stats.entries() <= MAXIMUM_ENTRIES, "%s entries after maintenance", stats.entries());
    Expect.that(
        stats.lookups() == lookups.get(),
        "%s look-ups counted, %s made",
        stats.lookups(),
        lookups.get());
    Expect.that(
        stats.generations() == generatorCalls.get(),
        "%s generations counted, %s generator calls",
        stats.generations(),
        generatorCalls.get());
    long present = 0;
    for (int key = Keys.MIN; key <= Keys.MAX; key++) {
      if (cache.get(key, TYPE, false).isPresent()) {
        present++;
      }
    }
    Expect.that(
        stats.entries() == present,
        "%s entries counted, %s keys present",
        stats.entries(),
        present);
  }

  /** Model checking at the configured depth: two threads of three operations. */
  protected ModelCheckingOptions modelChecking() {
    return shape(LincheckOptions.modelCheckingContextCache());
  }

  /** Stress testing at the configured depth, same shape. */
  protected StressOptions stress() {
    return shape(LincheckOptions.stress());
  }

  private static <O extends Options<O, ?>> O shape(O options) {
    return options
        .threads(2)
        .actorsPerThread(3)
        .actorsBefore(1)
        .actorsAfter(1)
        .sequentialSpecification(PropertiesSpecification.class);
  }
}

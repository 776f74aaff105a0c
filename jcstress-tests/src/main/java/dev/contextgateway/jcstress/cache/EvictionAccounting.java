package dev.contextgateway.jcstress.cache;

import static dev.contextgateway.jcstress.cache.Fixtures.CONTEXT;
import static dev.contextgateway.jcstress.cache.Fixtures.SUMMARY;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.contextgateway.baseline.ScanLruCache;
import dev.contextgateway.cache.CacheResult;
import dev.contextgateway.cache.CacheStats;
import dev.contextgateway.cache.CacheType;
import dev.contextgateway.cache.ContextCache;
import dev.contextgateway.time.FakeTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJJJ_Result;

/**
 * <b>Property (I4): at capacity, concurrent puts keep the bound and the accounting exact.</b> A
 * cache bounded to {@value #MAXIMUM} entries holds {@value #MAXIMUM}; two threads put a new entry
 * each at the same time, so both overflow it together. After maintenance the arbiter finds: no
 * more than {@value #MAXIMUM} entries present (exactly {@value #MAXIMUM}, since four went in), the
 * entry and byte counts equal to the sums over the entries really present, and no exception.
 *
 * <p>Entries weigh 1, 2, 4 and 8 bytes, so any double-counted or lost entry moves the byte count.
 *
 * <p>Result: entries present; entry-count drift (|counted − present|, summed over the types);
 * byte drift (likewise); puts that threw.
 *
 * <p>Run alone, from {@code jcstress-tests/} once the module is packaged ({@code ./mvnw -B -pl
 * jcstress-tests -am package} at the root):
 *
 * <pre>
 * java -jar target/jcstress.jar -m quick -sc false -jvmArgs -Xmx256m -t 'EvictionAccounting' -r target/jcstress-results/one
 * </pre>
 */
public final class EvictionAccounting {
  static final int MAXIMUM = 2;

  private EvictionAccounting() {}

  /**
   * {@link ContextCache} on Caffeine: entries are counted in and out inside Caffeine's atomic
   * operations; checked after {@link ContextCache#cleanUp()}.
   */
  @JCStressTest
  @Description("ContextCache at capacity: two concurrent puts, then cleanUp(); bound and accounting hold.")
  @Outcome(id = "2, 0, 0, 0", expect = ACCEPTABLE, desc = "Bound held, counts equal the entries present, no exception.")
  @Outcome(id = "[3-9], .*", expect = FORBIDDEN, desc = "More entries present than the bound after maintenance.")
  @Outcome(id = "[0-9], [1-9].*", expect = FORBIDDEN, desc = "The entry count drifted from the entries present.")
  @Outcome(id = "[0-9], 0, [1-9].*", expect = FORBIDDEN, desc = "The byte count drifted from the bytes present.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: too few entries kept, or a put threw.")
  @State
  public static class ContextCacheTest {
    private final ContextCache<Integer, Integer> cache =
        Fixtures.builder(new FakeTime())
            .maximumEntries(MAXIMUM)
            .weigher((Integer key, Integer value) -> (long) value)
            .build();
    private final AtomicInteger thrown = new AtomicInteger();

    public ContextCacheTest() {
      cache.put(0, typeOf(0), 1);
      cache.put(1, typeOf(1), 2);
      cache.cleanUp();
    }

    @Actor
    public void first() {
      put(2, 4);
    }

    @Actor
    public void second() {
      put(3, 8);
    }

    private void put(int key, int bytes) {
      try {
        cache.put(key, typeOf(key), bytes);
      } catch (RuntimeException e) {
        thrown.incrementAndGet();
      }
    }

    @Arbiter
    public void check(JJJJ_Result r) {
      cache.cleanUp();
      CacheStats stats = cache.stats();
      long present = 0;
      long entryDrift = 0;
      long byteDrift = 0;
      for (CacheType type : new CacheType[] {CONTEXT, SUMMARY}) {
        long entries = 0;
        long bytes = 0;
        for (int key = 0; key < 4; key++) {
          if (typeOf(key) != type) {
            continue;
          }
          Optional<CacheResult<Integer>> found = cache.get(key, type, true);
          if (found.isPresent()) {
            entries++;
            bytes += found.get().value();
          }
        }
        present += entries;
        entryDrift += Math.abs(stats.of(type).entries() - entries);
        byteDrift += Math.abs(stats.of(type).bytes() - bytes);
      }
      r.r1 = present;
      r.r2 = entryDrift;
      r.r3 = byteDrift;
      r.r4 = thrown.get();
    }

    /** Even keys are context entries, odd keys summaries: the bytes are kept per type. */
    private static CacheType typeOf(int key) {
      return key % 2 == 0 ? CONTEXT : SUMMARY;
    }
  }

  /**
   * The seed's LRU: puts over the bound scan for the oldest entry and remove it without a lock,
   * with plain running totals. Two overflowing puts pick the same victim and both subtract it.
   */
  @JCStressTest
  @Description("ScanLruCache at capacity: two concurrent puts; the scans pick the same victim.")
  @Outcome(id = "2, 0, 0, 0", expect = ACCEPTABLE, desc = "Bound held, counts equal the entries present, no exception.")
  @Outcome(id = "[3-9], .*", expect = FORBIDDEN, desc = "More entries present than the bound: both puts evicted the same entry.")
  @Outcome(id = "[0-9], [1-9].*", expect = FORBIDDEN, desc = "The entry count drifted: a double eviction or a lost update.")
  @Outcome(id = "[0-9], 0, [1-9].*", expect = FORBIDDEN, desc = "The byte count drifted: a double eviction or a lost update.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: too few entries kept, or a put threw.")
  @State
  public static class ScanLruCacheBaseline {
    private final ScanLruCache<Integer, Integer> cache =
        new ScanLruCache<>(MAXIMUM, Long.MAX_VALUE, (Integer key, Integer value) -> value);
    private final AtomicInteger thrown = new AtomicInteger();

    public ScanLruCacheBaseline() {
      cache.put(0, 1);
      cache.put(1, 2);
    }

    @Actor
    public void first() {
      put(2, 4);
    }

    @Actor
    public void second() {
      put(3, 8);
    }

    private void put(int key, int bytes) {
      try {
        cache.put(key, bytes);
      } catch (RuntimeException e) {
        thrown.incrementAndGet();
      }
    }

    @Arbiter
    public void check(JJJJ_Result r) {
      r.r1 = cache.presentEntries();
      r.r2 = Math.abs(cache.entries() - cache.presentEntries());
      r.r3 = Math.abs(cache.bytes() - cache.presentBytes());
      r.r4 = thrown.get();
    }
  }
}

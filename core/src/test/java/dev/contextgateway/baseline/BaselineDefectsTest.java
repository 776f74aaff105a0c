package dev.contextgateway.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each baseline's defect, shown deterministically: latches and the baselines' pause points force
 * the losing interleaving, so these tests pass exactly because the defect is there.
 */
class BaselineDefectsTest {
  private static final long WAIT_SECONDS = 30;

  private final FakeTime time = new FakeTime();
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    pool.shutdownNow();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("latch not released in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void naiveCache_concurrentMisses_eachGenerate() throws Exception {
    NaiveCache<String, String> cache = new NaiveCache<>(time, Duration.ofMinutes(1));
    CountDownLatch bothGenerating = new CountDownLatch(2);
    AtomicInteger calls = new AtomicInteger();

    List<Future<String>> callers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      callers.add(
          pool.submit(
              () ->
                  cache.getOrGenerate(
                      "key",
                      k -> {
                        int call = calls.incrementAndGet();
                        bothGenerating.countDown();
                        await(bothGenerating); // neither stores before both have missed
                        return "v" + call;
                      })));
    }
    for (Future<String> caller : callers) {
      caller.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    assertThat(calls.get()).isEqualTo(2);
  }

  /**
   * A holds the key's lock and generates; B fetches the same lock and is held at the pause point;
   * A finishes and deletes the lock; the entry is invalidated (a file changed); B locks the
   * deleted lock while C creates a new one: both pass the re-check and generate at the same time.
   */
  @Test
  void lockDeletingCache_waiterOnDeletedLockAndNewcomer_generateAtTheSameTime() throws Exception {
    CountDownLatch bFetchedLock = new CountDownLatch(1);
    CountDownLatch aDoneAndInvalidated = new CountDownLatch(1);
    Set<Thread> heldAtPause = ConcurrentHashMap.newKeySet();
    LockDeletingCache<String, String> cache =
        new LockDeletingCache<>(
            time,
            Duration.ofMinutes(1),
            () -> {
              if (heldAtPause.contains(Thread.currentThread())) {
                bFetchedLock.countDown();
                await(aDoneAndInvalidated);
              }
            });
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    CountDownLatch twoGenerating = new CountDownLatch(2);
    CountDownLatch releaseA = new CountDownLatch(1);

    Future<String> a =
        pool.submit(
            () ->
                cache.getOrGenerate(
                    "key",
                    k -> {
                      inFlight.incrementAndGet();
                      await(releaseA);
                      inFlight.decrementAndGet();
                      return "a";
                    }));
    Future<String> b =
        pool.submit(
            () -> {
              heldAtPause.add(Thread.currentThread());
              return cache.getOrGenerate("key", k -> overlapping(inFlight, maxInFlight, twoGenerating, "b"));
            });
    await(bFetchedLock); // B holds a reference to A's lock
    releaseA.countDown();
    assertThat(a.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("a"); // A deleted the lock
    cache.invalidate("key");
    aDoneAndInvalidated.countDown();
    Future<String> c =
        pool.submit(() -> cache.getOrGenerate("key", k -> overlapping(inFlight, maxInFlight, twoGenerating, "c")));

    assertThat(b.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("b");
    assertThat(c.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("c");
    assertThat(maxInFlight.get()).as("generations of one key in flight at once").isEqualTo(2);
  }

  /** A generator that returns only once two generations are in flight together. */
  private static String overlapping(
      AtomicInteger inFlight, AtomicInteger maxInFlight, CountDownLatch twoGenerating, String value) {
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    twoGenerating.countDown();
    await(twoGenerating);
    inFlight.decrementAndGet();
    return value;
  }

  @Test
  void racyTypeStats_concurrentHits_loseAnUpdate() throws Exception {
    CyclicBarrier bothRead = new CyclicBarrier(2);
    RacyTypeStats stats =
        new RacyTypeStats(
            List.of("context"),
            () -> {
              try {
                bothRead.await(WAIT_SECONDS, TimeUnit.SECONDS);
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });

    Future<?> first = pool.submit(() -> stats.recordHit("context"));
    Future<?> second = pool.submit(() -> stats.recordHit("context"));
    first.get(WAIT_SECONDS, TimeUnit.SECONDS);
    second.get(WAIT_SECONDS, TimeUnit.SECONDS);

    assertThat(stats.hits("context")).as("two hits recorded").isEqualTo(1);
  }

  @Test
  void lockedTypeStats_concurrentHits_areExact() throws Exception {
    LockedTypeStats stats = new LockedTypeStats(List.of("context", "summary"));
    CyclicBarrier start = new CyclicBarrier(4);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      workers.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < 50_000; i++) {
                  stats.recordHit("context");
                  stats.recordMiss("summary");
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    assertThat(stats.hits("context")).isEqualTo(200_000);
    assertThat(stats.misses("summary")).isEqualTo(200_000);
  }

  /**
   * Two puts overflow a full cache together; both scans pick the same least recently used entry
   * before either removes it: it is evicted twice, only one entry leaves, and the counts drift.
   */
  @Test
  void scanLruCache_concurrentOverflow_evictsTheSameEntryTwice() throws Exception {
    CountDownLatch bothScanned = new CountDownLatch(2);
    Set<Thread> paused = ConcurrentHashMap.newKeySet();
    ScanLruCache<String, String> cache =
        new ScanLruCache<>(
            2,
            Long.MAX_VALUE,
            (k, v) -> v.length(),
            () -> {
              if (paused.add(Thread.currentThread())) { // each thread pauses once
                bothScanned.countDown();
                await(bothScanned);
              }
            });
    cache.put("k1", "a");
    cache.put("k2", "bb");
    CyclicBarrier start = new CyclicBarrier(2);

    Future<?> third = pool.submit(() -> { start.await(); cache.put("k3", "ccc"); return null; });
    Future<?> fourth = pool.submit(() -> { start.await(); cache.put("k4", "dddd"); return null; });
    third.get(WAIT_SECONDS, TimeUnit.SECONDS);
    fourth.get(WAIT_SECONDS, TimeUnit.SECONDS);

    assertThat(cache.get("k1")).isNull();
    assertThat(cache.evictions()).as("evictions counted").isGreaterThanOrEqualTo(2);
    assertThat(cache.entries()).as("entries believed").isNotEqualTo(cache.presentEntries());
    assertThat(cache.bytes()).as("bytes believed").isNotEqualTo(cache.presentBytes());
  }

  @Test
  void globalLockLruCache_concurrentPuts_keepExactAccountingAndBounds() throws Exception {
    GlobalLockLruCache<String, String> cache = new GlobalLockLruCache<>(50, 2_000, (k, v) -> v.length());
    CyclicBarrier start = new CyclicBarrier(4);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      workers.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < 20_000; i++) {
                  cache.put("k" + ((i * 7 + thread) % 200), "x".repeat(1 + (i % 90)));
                  cache.get("k" + (i % 200));
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    assertThat(cache.bytes()).isEqualTo(cache.presentBytes()).isLessThanOrEqualTo(2_000);
    assertThat(cache.entries()).isLessThanOrEqualTo(50);
  }
}

package dev.contextgateway.benchmarks.jmh;

import dev.contextgateway.benchmarks.subject.BenchmarkCache;
import dev.contextgateway.benchmarks.subject.CacheSpec;
import dev.contextgateway.benchmarks.subject.Impl;
import dev.contextgateway.benchmarks.subject.SimulatedGenerator;
import dev.contextgateway.benchmarks.subject.Value;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The hit path: every key is cached and fresh, keys are drawn from a Zipf distribution, and the
 * threads call get-or-generate ({@code readOnly}, 4 threads) or, in the {@code readWrite} group,
 * 3 threads get while 1 thread puts (replacing entries, as regenerations do). Measures what
 * every request pays when nothing needs generating: look-up, freshness check, statistics, and
 * the contention of writers with readers. The implementations that can expire entries all get the
 * same time to live of a day (never reached), so each pays for its freshness check.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar HitPathBenchmark -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HitPathBenchmark {
  private static final int SEQUENCE_LENGTH = 1 << 20;

  /** The implementation under test. */
  @Param({
    "naive",
    "lock-deleting",
    "global-lock-lru",
    "caffeine",
    "chm",
    "context-cache",
    "context-cache-swr"
  })
  public String impl = "";

  /** How many distinct keys are cached. */
  @Param("16384")
  public int keys;

  private ZipfKeys sequence;
  private Value[] values;
  private SimulatedGenerator generator;
  private BenchmarkCache cache;

  @Setup(Level.Trial)
  public void setUp() {
    Impl implementation = Impl.named(impl);
    generator = SimulatedGenerator.builder().build();
    // The caches that can expire all get the same (long) time to live, so that each pays for
    // its freshness check as in production; the context cache keeps its default early refresh.
    CacheSpec spec =
        implementation.expires()
            ? CacheSpec.expiringAfter(Duration.ofDays(1)).withEarlyRefresh(true)
            : CacheSpec.neverExpiring();
    cache = implementation.create(spec, generator);
    values = new Value[keys];
    for (int key = 0; key < keys; key++) {
      values[key] = cache.getOrGenerate(key);
    }
    sequence = new ZipfKeys(keys, SEQUENCE_LENGTH, 42);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    cache.close();
  }

  /** Where a thread is in the key sequence; threads start at random places. */
  @State(Scope.Thread)
  public static class Cursor {
    int index = ThreadLocalRandom.current().nextInt();
  }

  @Benchmark
  @Threads(4)
  public Value readOnly(Cursor cursor) {
    return cache.getOrGenerate(sequence.at(cursor.index++));
  }

  @Benchmark
  @Group("readWrite")
  @GroupThreads(3)
  public Value get(Cursor cursor) {
    return cache.getOrGenerate(sequence.at(cursor.index++));
  }

  @Benchmark
  @Group("readWrite")
  @GroupThreads(1)
  public void put(Cursor cursor) {
    Integer key = sequence.at(cursor.index++);
    cache.put(key, values[key]);
  }
}

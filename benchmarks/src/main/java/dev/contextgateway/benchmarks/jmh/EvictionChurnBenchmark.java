package dev.contextgateway.benchmarks.jmh;

import dev.contextgateway.benchmarks.subject.BenchmarkCache;
import dev.contextgateway.benchmarks.subject.CacheSpec;
import dev.contextgateway.benchmarks.subject.Impl;
import dev.contextgateway.benchmarks.subject.SimulatedGenerator;
import dev.contextgateway.benchmarks.subject.Value;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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
 * Eviction churn at capacity: the cache is bounded in bytes by a weigher (values of 0.5 to 8 KiB),
 * filled to its bound, and 4 threads keep putting keys drawn uniformly from a space four times
 * larger than what fits, so that nearly every put evicts. Measures the cost of keeping the byte
 * bound exactly. {@code scan-lru} is the seed's unlocked scan (its accounting drifts under
 * concurrency, see its class); {@code global-lock-lru} the corrected design behind one lock.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar EvictionChurnBenchmark -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(4)
public class EvictionChurnBenchmark {
  private static final int MEAN_WEIGHT = 4352;

  /** The implementation under test; only the bounded ones. */
  @Param({"global-lock-lru", "scan-lru", "caffeine", "context-cache"})
  public String impl = "";

  /** About how many entries fit in the bound. */
  @Param("1024")
  public int capacity;

  private int keySpace;
  private Value[] values;
  private SimulatedGenerator generator;
  private BenchmarkCache cache;

  @Setup(Level.Trial)
  public void setUp() {
    keySpace = capacity * 4;
    generator = SimulatedGenerator.builder().weightOfKey(EvictionChurnBenchmark::weightOf).build();
    cache =
        Impl.named(impl)
            .create(CacheSpec.neverExpiring().withMaximumWeight((long) capacity * MEAN_WEIGHT), generator);
    values = new Value[keySpace];
    for (int key = 0; key < keySpace; key++) {
      values[key] = generator.valueOf(key);
      cache.put(key, values[key]);
    }
  }

  /** 512 to 8191 bytes, spread over the keys by a multiplicative hash. */
  static int weightOf(int key) {
    return 512 + ((key * 0x9E3779B1) >>> 8) % 7680;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    cache.close();
  }

  @Benchmark
  public void put() {
    int key = ThreadLocalRandom.current().nextInt(keySpace);
    cache.put(key, values[key]);
  }
}

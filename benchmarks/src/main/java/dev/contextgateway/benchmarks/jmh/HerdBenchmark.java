package dev.contextgateway.benchmarks.jmh;

import dev.contextgateway.benchmarks.subject.BenchmarkCache;
import dev.contextgateway.benchmarks.subject.CacheSpec;
import dev.contextgateway.benchmarks.subject.Impl;
import dev.contextgateway.benchmarks.subject.SimulatedGenerator;
import dev.contextgateway.benchmarks.subject.Value;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * The thundering herd: every thread calls get-or-generate on one key that expires every {@code
 * timeToLiveMillis}, and regenerating it takes {@code generatorLatencyMillis} (real time). Run it
 * with 1, 2, 8 and 64 threads ({@code -t}).
 *
 * <p>Besides throughput it reports two {@code @AuxCounters}: {@code generatorCalls} and {@code
 * expiries}, counted by the {@link SimulatedGenerator} the same way for every implementation;
 * their quotient is what each expiry cost in generations (each thread reports the values it got
 * with {@link SimulatedGenerator#served}, the same small cost for every implementation). A single-flight cache makes 1; the
 * naive design makes about as many as there are threads. The context cache's probabilistic early
 * refresh is off here: it exists to avoid the expiry this benchmark is about.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar HerdBenchmark -t 64 -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(64)
public class HerdBenchmark {
  private static final Integer KEY = 1;

  /** The implementation under test. */
  @Param({"naive", "lock-deleting", "caffeine", "context-cache", "context-cache-swr"})
  public String impl = "";

  /** How long one generation takes. */
  @Param("20")
  public int generatorLatencyMillis;

  /** How long a value stays fresh. */
  @Param("100")
  public int timeToLiveMillis;

  private SimulatedGenerator generator;
  private BenchmarkCache cache;
  private Claim calls;
  private Claim expiries;

  @Setup(Level.Trial)
  public void setUp() {
    Duration ttl = Duration.ofMillis(timeToLiveMillis);
    generator =
        SimulatedGenerator.builder()
            .latency(Duration.ofMillis(generatorLatencyMillis))
            .timeToLive(ttl)
            .build();
    cache = Impl.named(impl).create(CacheSpec.expiringAfter(ttl), generator);
    generator.served(KEY, cache.getOrGenerate(KEY));
    calls = new Claim(generator::calls);
    expiries = new Claim(generator::expiries);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    cache.close();
  }

  @Benchmark
  public Value getOrGenerate(Counters counters) {
    Value value = cache.getOrGenerate(KEY);
    generator.served(KEY, value);
    return value;
  }

  /** Generator calls and expiries of an iteration, claimed by the threads as it ends. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Counters {
    /** Generations started. */
    public long generatorCalls;

    /** Expiries of the key's newest value that needed a generation. */
    public long expiries;

    @TearDown(Level.Iteration)
    public void claim(HerdBenchmark herd) {
      generatorCalls = herd.calls.take();
      expiries = herd.expiries.take();
    }
  }
}

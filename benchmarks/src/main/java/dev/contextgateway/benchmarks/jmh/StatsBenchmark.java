package dev.contextgateway.benchmarks.jmh;

import dev.contextgateway.baseline.LockedTypeStats;
import dev.contextgateway.baseline.RacyTypeStats;
import dev.contextgateway.baseline.TypeCounters;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;

/**
 * Statistics counting under contention: 4 threads record hits and misses across 4 cache types.
 * {@code long-adder} is the context cache's design (per-type {@code LongAdder}s), {@code locked}
 * the seed's corrected design (one lock), {@code racy} the seed's original (plain fields,
 * unsynchronized: fast because it loses updates, shown as the cost floor, not as a candidate).
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar StatsBenchmark -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(4)
public class StatsBenchmark {
  private static final List<String> TYPES = List.of("prepared-context", "summary", "ranking", "file");

  /** The counters under test: {@code long-adder}, {@code locked} or {@code racy}. */
  @Param({"long-adder", "locked", "racy"})
  public String impl = "";

  private TypeCounters counters;

  @Setup(Level.Trial)
  public void setUp() {
    counters =
        switch (impl) {
          case "long-adder" -> new LongAdderTypeStats(TYPES);
          case "locked" -> new LockedTypeStats(TYPES);
          case "racy" -> new RacyTypeStats(TYPES);
          default ->
              throw new IllegalArgumentException(
                  "impl must be long-adder, locked or racy, was '" + impl + "'");
        };
  }

  /** Where a thread is in its walk over the types and outcomes. */
  @State(Scope.Thread)
  public static class Cursor {
    int index = ThreadLocalRandom.current().nextInt();
  }

  /** Records a hit, or every eighth time a miss, for the next type. */
  @Benchmark
  public void record(Cursor cursor) {
    int i = cursor.index++;
    String type = TYPES.get(i & 3);
    if ((i & 7) == 7) {
      counters.recordMiss(type);
    } else {
      counters.recordHit(type);
    }
  }
}

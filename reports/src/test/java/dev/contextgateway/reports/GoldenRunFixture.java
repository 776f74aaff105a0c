package dev.contextgateway.reports;

import dev.contextgateway.reports.run.LatencyLogWriter;
import dev.contextgateway.reports.run.MachineInfo;
import dev.contextgateway.reports.run.RunDirectory;
import dev.contextgateway.reports.run.RunInfo;
import dev.contextgateway.reports.run.ScenarioInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Writes the golden fixture run ({@code src/test/resources/golden/run}): its {@code run.json} and
 * {@code .hlog} files, through the writer API the benchmarks use. The JMH files beside them are
 * JMH output with chosen scores. Values come from a seeded generator, so the fixture is
 * reproducible; the tests read the checked-in files and never call this.
 *
 * <p>Regenerate with {@code java -cp <test classpath> dev.contextgateway.reports.GoldenRunFixture
 * reports/src/test/resources/golden/run}, then the expected outputs with {@code -Dgolden.update=true}.
 */
final class GoldenRunFixture {

  private static final long START = 1_748_779_200_000L; // 2025-06-01T12:00:00Z
  private static final long MS = 1_000_000L;
  private static final long US = 1_000L;

  private GoldenRunFixture() {}

  public static void main(String[] args) throws IOException {
    write(RunDirectory.create(Path.of(args[0])));
  }

  static void write(RunDirectory run) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    herd(run, "naive", random, 0.03, () -> 50 * MS + random.nextLong(8 * MS));
    herd(run, "lock-deleting", random, 0.025, () -> random.nextLong(52 * MS));
    herd(run, "caffeine", random, 0.02, () -> random.nextLong(50 * MS + 300 * US));
    herd(run, "context-cache", random, 0.02, () -> random.nextLong(50 * MS + 400 * US));
    log(run, "herd-expiry-swr", "caffeine", 10, i -> fast(random, 1000, 20 * US, 130 * US));
    log(run, "herd-expiry-swr", "context-cache-swr", 10, i -> fast(random, 1000, 15 * US, 92 * US));
    log(
        run,
        "gateway-quota",
        "gateway",
        10,
        i -> spread(random, 300, 150 * MS, 250 * MS));
    log(
        run,
        "gateway-outage-recovery",
        "gateway",
        12,
        i -> i >= 4 && i <= 6
            ? spread(random, 100, 1_900 * MS, 100 * MS)
            : spread(random, 100, 100 * MS, 60 * MS));

    run.writeRunInfo(
        RunInfo.builder(
                new MachineInfo(
                    2,
                    "Debian",
                    "17.0.15+6-Debian-1deb12u1",
                    "OpenJDK 64-Bit Server VM",
                    "Linux 6.1.0 amd64",
                    "2025-06-01T12:00:00Z"))
            .mode("short")
            .setting("jmh.forks", "1")
            .setting("jmh.iterations", "2 x 1 s")
            .setting("jvmArgs", "-Xmx1g")
            .scenario(
                ScenarioInfo.builder("herd-expiry")
                    .description("64 callers of one key at a constant rate; the key expires every second and regenerates.")
                    .parameter(ScenarioInfo.ARRIVAL_RATE_PER_SECOND, 1000)
                    .parameter(ScenarioInfo.DURATION_SECONDS, 10)
                    .parameter(ScenarioInfo.GENERATOR_LATENCY_MILLIS, 50)
                    .counter("naive", ScenarioInfo.REQUESTS, 10_000)
                    .counter("naive", ScenarioInfo.GENERATOR_CALLS, 640)
                    .counter("caffeine", ScenarioInfo.REQUESTS, 10_000)
                    .counter("caffeine", ScenarioInfo.GENERATOR_CALLS, 10)
                    .counter("context-cache", ScenarioInfo.REQUESTS, 10_000)
                    .counter("context-cache", ScenarioInfo.GENERATOR_CALLS, 10)
                    .build())
            .scenario(
                ScenarioInfo.builder("gateway-quota")
                    .description("The gateway against a simulator allowing 60 requests a minute.")
                    .parameter(ScenarioInfo.ARRIVAL_RATE_PER_SECOND, 300)
                    .parameter(ScenarioInfo.DURATION_SECONDS, 10)
                    .counter("gateway", ScenarioInfo.REQUESTS, 3000)
                    .counter("gateway", ScenarioInfo.ERRORS, 12)
                    .counter("gateway", ScenarioInfo.UPSTREAM_CALLS, 600)
                    .counter("gateway", ScenarioInfo.STATUS_429, 9)
                    .counter("gateway", ScenarioInfo.QUOTA_LIMIT, 600)
                    .counter("gateway", ScenarioInfo.QUOTA_USED, 591)
                    .build())
            .scenario(
                ScenarioInfo.builder("gateway-slow")
                    .description("The gateway against a simulator answering in 2 s.")
                    .parameter(ScenarioInfo.ARRIVAL_RATE_PER_SECOND, 50)
                    .counter("gateway", ScenarioInfo.REQUESTS, 500)
                    .build())
            .scenario(
                ScenarioInfo.builder("gateway-outage-recovery")
                    .description("The simulator fails every call from second 4 to second 7, then recovers.")
                    .parameter(ScenarioInfo.ARRIVAL_RATE_PER_SECOND, 100)
                    .parameter(ScenarioInfo.DURATION_SECONDS, 12)
                    .build())
            .note("A fixture run: the figures are chosen, not measured.")
            .targetNote("hit-path-vs-caffeine", "Fixture note shown beside the target.")
            .build());
  }

  private static void herd(
      RunDirectory run, String impl, SplittableRandom random, double waiting, LongSupplier wait)
      throws IOException {
    log(
        run,
        "herd-expiry",
        impl,
        10,
        i -> {
          Histogram h = fast(random, 1000, 12 * US, 40 * US);
          for (int n = 0; n < 1000 * waiting; n++) {
            h.recordValue(wait.getAsLong());
          }
          return h;
        });
  }

  private interface Interval {
    Histogram values(int index);
  }

  private static void log(RunDirectory run, String scenario, String impl, int intervals, Interval values)
      throws IOException {
    try (LatencyLogWriter log = run.openLatencyLog(scenario, impl, START)) {
      for (int i = 0; i < intervals; i++) {
        Histogram h = values.values(i);
        h.setStartTimeStamp(START + i * 1000L);
        h.setEndTimeStamp(START + (i + 1) * 1000L);
        log.write(h);
      }
    }
  }

  private static Histogram fast(SplittableRandom random, int count, long low, long high) {
    Histogram h = new Histogram(3);
    for (int n = 0; n < count; n++) {
      // skewed towards low: the square of a uniform number
      double u = random.nextDouble();
      h.recordValue(low + (long) ((high - low) * u * u));
    }
    return h;
  }

  private static Histogram spread(SplittableRandom random, int count, long base, long width) {
    Histogram h = new Histogram(3);
    for (int n = 0; n < count; n++) {
      h.recordValue(base + random.nextLong(width));
    }
    return h;
  }
}

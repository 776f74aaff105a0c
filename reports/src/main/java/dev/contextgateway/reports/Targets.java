package dev.contextgateway.reports;

import static dev.contextgateway.reports.Measure.constant;
import static dev.contextgateway.reports.Measure.quotient;

import dev.contextgateway.reports.Measure.Counter;
import dev.contextgateway.reports.Measure.JmhScore;
import dev.contextgateway.reports.Measure.Linear;
import dev.contextgateway.reports.Measure.Parameter;
import dev.contextgateway.reports.Measure.Percentile;
import dev.contextgateway.reports.Target.Check;
import dev.contextgateway.reports.Target.JmhScope;
import dev.contextgateway.reports.Target.Unit;
import dev.contextgateway.reports.run.ScenarioInfo;
import java.util.List;
import java.util.Map;

/**
 * The project's performance targets: the one place they are defined. Each names where its figures
 * come from (the benchmark names, scenario names, metrics and counters of the run-directory
 * contract, see the module's README).
 */
final class Targets {

  /** The herd benchmark: a full name matching this, run with 64 threads. */
  static final String HERD_BENCHMARK = ".*Herd[A-Za-z]*\\.[A-Za-z]+";

  /** The hit-path benchmark's read-only method or group. */
  static final String HIT_PATH_READ_ONLY = ".*HitPath[A-Za-z]*\\.readOnly";

  /** The hit-path benchmark's read/write {@code @Group}. */
  static final String HIT_PATH_READ_WRITE = ".*HitPath[A-Za-z]*\\.readWrite";

  /** The {@code @AuxCounters(EVENTS)} the herd benchmark reports. */
  static final String GENERATOR_CALLS = "generatorCalls";

  static final String EXPIRIES = "expiries";

  private static final Measure CALLS_PER_EXPIRY_CONTEXT_CACHE =
      quotient(
          new JmhScore("context-cache", GENERATOR_CALLS), new JmhScore("context-cache", EXPIRIES));

  private static final Measure CALLS_PER_EXPIRY_NAIVE =
      quotient(new JmhScore("naive", GENERATOR_CALLS), new JmhScore("naive", EXPIRIES));

  static final List<Target> ALL =
      List.of(
          new Target(
              "herd-single-flight",
              "Herd, 64 threads: context-cache generator calls per expiry",
              "exactly 1",
              new JmhScope(HERD_BENCHMARK, Map.of(JmhResult.THREADS, "64")),
              CALLS_PER_EXPIRY_CONTEXT_CACHE,
              Check.equalWithin(1e-9),
              constant(1),
              Unit.NUMBER),
          new Target(
              "herd-naive-thundering",
              "Herd, 64 threads: naive generator calls per expiry (the harness sees the herd)",
              "about 64 (within 25 %)",
              new JmhScope(HERD_BENCHMARK, Map.of(JmhResult.THREADS, "64")),
              CALLS_PER_EXPIRY_NAIVE,
              Check.near(0.25),
              constant(64),
              Unit.NUMBER),
          new Target(
              "herd-expiry-p99",
              "Callers during a regeneration: context-cache p99",
              "p99 ≤ generator latency + 1 ms",
              null,
              new Percentile("herd-expiry", "context-cache", 99),
              Check.atMost(),
              new Linear(
                  new Parameter("herd-expiry", ScenarioInfo.GENERATOR_LATENCY_MILLIS), 1, 1),
              Unit.MILLIS),
          new Target(
              "herd-expiry-swr-p999",
              "Callers during a regeneration with stale-while-revalidate: context-cache-swr p99.9",
              "p99.9 ≤ 100 µs",
              null,
              new Percentile("herd-expiry-swr", "context-cache-swr", 99.9),
              Check.atMost(),
              constant(0.1),
              Unit.MILLIS),
          new Target(
              "hit-path-vs-caffeine",
              "Hit path, read-only: context-cache throughput ÷ caffeine",
              "≥ 0.75 × caffeine",
              new JmhScope(HIT_PATH_READ_ONLY, Map.of()),
              quotient(
                  new JmhScore("context-cache", JmhResult.PRIMARY),
                  new JmhScore("caffeine", JmhResult.PRIMARY)),
              Check.atLeast(),
              constant(0.75),
              Unit.RATIO),
          new Target(
              "hit-path-vs-global-lock",
              "Hit path, read/write mix: context-cache throughput ÷ global-lock-lru",
              "≥ 20 × global-lock-lru",
              new JmhScope(HIT_PATH_READ_WRITE, Map.of()),
              quotient(
                  new JmhScore("context-cache", JmhResult.PRIMARY),
                  new JmhScore("global-lock-lru", JmhResult.PRIMARY)),
              Check.atLeast(),
              constant(20),
              Unit.RATIO),
          new Target(
              "gateway-quota-used",
              "Gateway vs the quota-limited simulator: share of the quota used",
              "≥ 95 % of the quota",
              null,
              quotient(
                  new Counter("gateway-quota", "gateway", ScenarioInfo.QUOTA_USED),
                  new Counter("gateway-quota", "gateway", ScenarioInfo.QUOTA_LIMIT)),
              Check.atLeast(),
              constant(0.95),
              Unit.PERCENT),
          new Target(
              "gateway-quota-429",
              "Gateway vs the quota-limited simulator: upstream calls answered 429",
              "≤ 1 % of upstream calls",
              null,
              quotient(
                  new Counter("gateway-quota", "gateway", ScenarioInfo.STATUS_429),
                  new Counter("gateway-quota", "gateway", ScenarioInfo.UPSTREAM_CALLS)),
              Check.atMost(),
              constant(0.01),
              Unit.PERCENT));

  private Targets() {}
}

package dev.contextgateway.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.reports.JmhResult.JmhMetric;
import dev.contextgateway.reports.Measure.Counter;
import dev.contextgateway.reports.Measure.JmhScore;
import dev.contextgateway.reports.Measure.Linear;
import dev.contextgateway.reports.Measure.Parameter;
import dev.contextgateway.reports.Measure.Percentile;
import dev.contextgateway.reports.Target.Check;
import dev.contextgateway.reports.Target.JmhScope;
import dev.contextgateway.reports.Target.Unit;
import dev.contextgateway.reports.TargetResult.Status;
import dev.contextgateway.reports.run.MachineInfo;
import dev.contextgateway.reports.run.RunInfo;
import dev.contextgateway.reports.run.ScenarioInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class TargetEvaluatorTest {

  private static final MachineInfo MACHINE =
      new MachineInfo(2, "v", "17", "vm", "Linux", "2025-06-01T12:00:00Z");

  private static final Target RATIO_TO_CAFFEINE =
      new Target(
          "ratio",
          "ratio to caffeine",
          "≥ 0.75 × caffeine",
          new JmhScope(".*HitPath.*\\.readOnly", Map.of()),
          Measure.quotient(
              new JmhScore("context-cache", JmhResult.PRIMARY),
              new JmhScore("caffeine", JmhResult.PRIMARY)),
          Check.atLeast(),
          Measure.constant(0.75),
          Unit.RATIO);

  private static final Target CALLS_AT_64 =
      new Target(
          "calls",
          "calls per expiry",
          "exactly 1",
          new JmhScope(".*Herd.*", Map.of("threads", "64")),
          Measure.quotient(
              new JmhScore("context-cache", "generatorCalls"),
              new JmhScore("context-cache", "expiries")),
          Check.equalWithin(1e-9),
          Measure.constant(1),
          Unit.NUMBER);

  private static final Target P99_UNDER_GENERATOR =
      new Target(
          "p99",
          "p99",
          "p99 ≤ generator latency + 1 ms",
          null,
          new Percentile("herd-expiry", "context-cache", 99),
          Check.atMost(),
          new Linear(new Parameter("herd-expiry", ScenarioInfo.GENERATOR_LATENCY_MILLIS), 1, 1),
          Unit.MILLIS);

  private static final Target QUOTA =
      new Target(
          "quota",
          "quota used",
          "≥ 95 %",
          null,
          Measure.quotient(
              new Counter("gateway-quota", "gateway", ScenarioInfo.QUOTA_USED),
              new Counter("gateway-quota", "gateway", ScenarioInfo.QUOTA_LIMIT)),
          Check.atLeast(),
          Measure.constant(0.95),
          Unit.PERCENT);

  private static JmhResult jmh(
      String benchmark, int threads, String impl, double score, Map<String, Double> secondary) {
    TreeMap<String, JmhMetric> metrics = new TreeMap<>();
    secondary.forEach((name, value) -> metrics.put(name, new JmhMetric(value, Double.NaN, "#")));
    return new JmhResult(
        benchmark,
        "thrpt",
        threads,
        new TreeMap<>(Map.of("impl", impl)),
        new JmhMetric(score, 1, "ops/s"),
        metrics);
  }

  private static LatencySeries series(String scenario, String impl, long... nanos) {
    Histogram h = new Histogram(3);
    for (long value : nanos) {
      h.recordValue(value);
    }
    return new LatencySeries(scenario, impl, h, List.of());
  }

  private static RunData data(
      List<ScenarioInfo> scenarios, List<JmhResult> jmh, List<LatencySeries> latency) {
    RunInfo.Builder run = RunInfo.builder(MACHINE).targetNote("quota", "simulator quota was low");
    scenarios.forEach(run::scenario);
    return new RunData(run.build(), jmh, latency);
  }

  @Test
  void ratioTarget_belowBound_isMissedByTheDifference() {
    RunData data =
        data(
            List.of(),
            List.of(
                jmh("p.HitPathBenchmark.readOnly", 4, "caffeine", 100, Map.of()),
                jmh("p.HitPathBenchmark.readOnly", 4, "context-cache", 70, Map.of())),
            List.of());

    List<TargetResult> results = TargetEvaluator.evaluate(List.of(RATIO_TO_CAFFEINE), data);

    assertThat(results).hasSize(1);
    TargetResult r = results.get(0);
    assertThat(r.status()).isEqualTo(Status.MISSED);
    assertThat(r.measured()).isEqualTo("0.70×");
    assertThat(r.margin()).isEqualTo("missed by 0.05× (6.7 %)");
    assertThat(r.scope()).isEqualTo("HitPathBenchmark.readOnly (threads=4)");
  }

  @Test
  void ratioTarget_withoutTheReferenceImplementation_isNotMeasuredSayingWhich() {
    RunData data =
        data(
            List.of(),
            List.of(jmh("p.HitPathBenchmark.readOnly", 4, "context-cache", 70, Map.of())),
            List.of());

    TargetResult r = TargetEvaluator.evaluate(List.of(RATIO_TO_CAFFEINE), data).get(0);

    assertThat(r.status()).isEqualTo(Status.NOT_MEASURED);
    assertThat(r.measured()).isEqualTo("–");
    assertThat(r.margin()).isEqualTo("no caffeine result in this group");
  }

  @Test
  void jmhTarget_isEvaluatedOnlyOnGroupsMatchingWhere_oncePerGroup() {
    List<JmhResult> jmh = new ArrayList<>();
    for (int threads : new int[] {8, 64}) {
      jmh.add(
          jmh("p.HerdBenchmark.herd", threads, "context-cache", 5,
              Map.of("generatorCalls", threads == 64 ? 120.0 : 130.0, "expiries", 120.0)));
      jmh.add(
          jmh("p.HerdBenchmark.herdLongGenerator", threads, "context-cache", 5,
              Map.of("generatorCalls", 121.0, "expiries", 120.0)));
    }

    List<TargetResult> results = TargetEvaluator.evaluate(List.of(CALLS_AT_64), data(List.of(), jmh, List.of()));

    assertThat(results)
        .extracting(TargetResult::scope, TargetResult::status, TargetResult::measured)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("HerdBenchmark.herd (threads=64)", Status.MET, "1"),
            org.assertj.core.groups.Tuple.tuple(
                "HerdBenchmark.herdLongGenerator (threads=64)", Status.MISSED, "1.008"));
    assertThat(results.get(0).margin()).isEqualTo("met exactly");
  }

  @Test
  void jmhTarget_withNoMatchingResult_isOneNotMeasuredRowNamingTheSelection() {
    TargetResult r =
        TargetEvaluator.evaluate(List.of(CALLS_AT_64), data(List.of(), List.of(), List.of())).get(0);

    assertThat(r.status()).isEqualTo(Status.NOT_MEASURED);
    assertThat(r.margin()).isEqualTo("no JMH result matching .*Herd.* with threads=64");
  }

  @Test
  void latencyTarget_boundFromScenarioParameter_isShownWithItsValue() {
    ScenarioInfo herd =
        ScenarioInfo.builder("herd-expiry").parameter(ScenarioInfo.GENERATOR_LATENCY_MILLIS, 50).build();
    long[] values = new long[100];
    java.util.Arrays.fill(values, 1_000_000L);
    values[99] = 52_000_000L;
    values[98] = 52_000_000L;
    RunData data = data(List.of(herd), List.of(), List.of(series("herd-expiry", "context-cache", values)));

    TargetResult r = TargetEvaluator.evaluate(List.of(P99_UNDER_GENERATOR), data).get(0);

    assertThat(r.status()).isEqualTo(Status.MISSED);
    assertThat(r.requirement()).isEqualTo("p99 ≤ generator latency + 1 ms, here ≤ 51.000 ms");
    assertThat(r.measured()).isEqualTo("52.003 ms");
    assertThat(r.margin()).isEqualTo("missed by 1.003 ms (2.0 %)");
    assertThat(r.scope()).isEqualTo("herd-expiry / context-cache");
  }

  @Test
  void latencyTarget_withoutLog_isNotMeasuredNamingTheFile() {
    ScenarioInfo herd =
        ScenarioInfo.builder("herd-expiry").parameter(ScenarioInfo.GENERATOR_LATENCY_MILLIS, 50).build();

    TargetResult r =
        TargetEvaluator.evaluate(List.of(P99_UNDER_GENERATOR), data(List.of(herd), List.of(), List.of()))
            .get(0);

    assertThat(r.status()).isEqualTo(Status.NOT_MEASURED);
    assertThat(r.margin()).isEqualTo("no latency log herd-expiry/context-cache.hlog");
  }

  @Test
  void latencyTarget_withoutGeneratorLatencyParameter_isNotMeasured() {
    RunData data =
        data(List.of(), List.of(), List.of(series("herd-expiry", "context-cache", 1_000_000L)));

    TargetResult r = TargetEvaluator.evaluate(List.of(P99_UNDER_GENERATOR), data).get(0);

    assertThat(r.status()).isEqualTo(Status.NOT_MEASURED);
    assertThat(r.margin())
        .isEqualTo("no parameter generatorLatencyMillis of scenario herd-expiry in run.json");
    assertThat(r.requirement()).isEqualTo("p99 ≤ generator latency + 1 ms");
  }

  @Test
  void counterTarget_metInPercentagePoints_withTheRunsNote() {
    ScenarioInfo quota =
        ScenarioInfo.builder("gateway-quota")
            .counter("gateway", ScenarioInfo.QUOTA_USED, 591)
            .counter("gateway", ScenarioInfo.QUOTA_LIMIT, 600)
            .build();

    TargetResult r = TargetEvaluator.evaluate(List.of(QUOTA), data(List.of(quota), List.of(), List.of())).get(0);

    assertThat(r.status()).isEqualTo(Status.MET);
    assertThat(r.measured()).isEqualTo("98.50 %");
    assertThat(r.margin()).isEqualTo("met by 3.50 percentage points");
    assertThat(r.note()).isEqualTo("simulator quota was low");
  }

  @Test
  void counterTarget_zeroDenominator_isNotMeasuredRatherThanInfinite() {
    ScenarioInfo quota =
        ScenarioInfo.builder("gateway-quota")
            .counter("gateway", ScenarioInfo.QUOTA_USED, 0)
            .counter("gateway", ScenarioInfo.QUOTA_LIMIT, 0)
            .build();

    TargetResult r = TargetEvaluator.evaluate(List.of(QUOTA), data(List.of(quota), List.of(), List.of())).get(0);

    assertThat(r.status()).isEqualTo(Status.NOT_MEASURED);
    assertThat(r.margin()).isEqualTo("cannot divide by zero: counter quotaLimit is 0");
  }

  @Test
  void nearCheck_reportsDistanceAndAllowance() {
    Target near =
        new Target("near", "naive calls", "about 64", null, Measure.constant(40), Check.near(0.25),
            Measure.constant(64), Unit.NUMBER);

    TargetResult r = TargetEvaluator.evaluate(List.of(near), data(List.of(), List.of(), List.of())).get(0);

    assertThat(r.status()).isEqualTo(Status.MISSED);
    assertThat(r.margin()).isEqualTo("missed, off by 24 (37.5 %); allowed ±25 %");
  }

  @Test
  void projectTargets_onAnEmptyRun_areAllNotMeasured() {
    List<TargetResult> results =
        TargetEvaluator.evaluate(Targets.ALL, data(List.of(), List.of(), List.of()));

    assertThat(results).hasSize(Targets.ALL.size());
    assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.NOT_MEASURED));
    assertThat(results).extracting(r -> r.target().id()).doesNotHaveDuplicates();
  }
}

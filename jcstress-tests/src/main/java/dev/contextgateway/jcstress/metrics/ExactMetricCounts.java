package dev.contextgateway.jcstress.metrics;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.contextgateway.metrics.GatewayMetrics;
import dev.contextgateway.metrics.Latency;
import dev.contextgateway.metrics.LlmErrorKind;
import dev.contextgateway.metrics.MetricsSnapshot;
import dev.contextgateway.time.FakeTime;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJJJJJ_Result;

/**
 * <b>Property: the gateway's counters and latency counts are exact under concurrent
 * recording.</b> Two requests finish at the same time: each thread records a request, its
 * success with a latency, and an LLM call with a latency, which for one of them failed with a
 * timeout (so the call counter and the call latencies are bumped by both at once, and the timeout
 * slot by one). At quiescence the cumulative snapshot counts every event exactly once, under its
 * own figure.
 *
 * <p>Result: requests; requests succeeded; gateway latencies recorded; LLM calls; LLM call
 * latencies recorded; LLM timeouts.
 *
 * <p>Run alone, from {@code jcstress-tests/} once the module is packaged ({@code ./mvnw -B -pl
 * jcstress-tests -am package} at the root):
 *
 * <pre>
 * java -jar target/jcstress.jar -m quick -sc false -jvmArgs -Xmx256m -t 'ExactMetricCounts' -r target/jcstress-results/one
 * </pre>
 */
public final class ExactMetricCounts {
  private ExactMetricCounts() {}

  /** {@link GatewayMetrics}: {@code LongAdder} counters, latencies in HdrHistogram recorders. */
  @JCStressTest
  @Description("GatewayMetrics: two threads record the same kinds of events at once.")
  @Outcome(id = "2, 2, 2, 2, 2, 1", expect = ACCEPTABLE, desc = "Exact: every event counted once, under its own figure.")
  @Outcome(id = "1, .*", expect = FORBIDDEN, desc = "A request was lost: both threads read the same count.")
  @Outcome(id = "2, 1, .*", expect = FORBIDDEN, desc = "A success was lost: both threads read the same count.")
  @Outcome(id = "2, 2, 1, .*", expect = FORBIDDEN, desc = "A gateway latency was lost.")
  @Outcome(id = "2, 2, 2, 1, .*", expect = FORBIDDEN, desc = "An LLM call was lost: both threads read the same count.")
  @Outcome(expect = FORBIDDEN, desc = "Any other count: an event lost, counted twice or under the wrong figure.")
  @State
  public static class GatewayMetricsTest {
    private final GatewayMetrics metrics = GatewayMetrics.builder().ticker(new FakeTime()).build();

    @Actor
    public void first() {
      metrics.recordRequest();
      metrics.recordRequestSucceeded(1_000);
      metrics.recordLlmCall(800);
    }

    @Actor
    public void second() {
      metrics.recordRequest();
      metrics.recordRequestSucceeded(2_000);
      metrics.recordLlmError(LlmErrorKind.TIMEOUT, 1_500);
    }

    @Arbiter
    public void count(JJJJJJ_Result r) {
      MetricsSnapshot snapshot = metrics.snapshot();
      r.r1 = snapshot.requests();
      r.r2 = snapshot.requestsSucceeded();
      r.r3 = snapshot.latency(Latency.GATEWAY).count();
      r.r4 = snapshot.llmCalls();
      r.r5 = snapshot.latency(Latency.LLM_CALL).count();
      r.r6 = snapshot.llmErrors(LlmErrorKind.TIMEOUT);
    }
  }

  /** {@link PlainCounters}, written here on purpose: {@code long} fields bumped with {@code ++}. */
  @JCStressTest
  @Description("PlainCounters: the same events, counted with unsynchronized read-modify-write.")
  @Outcome(id = "2, 2, 2, 2, 2, 1", expect = ACCEPTABLE, desc = "Exact: every event counted once, under its own figure.")
  @Outcome(id = "1, .*", expect = FORBIDDEN, desc = "A request was lost: both threads read the same count.")
  @Outcome(id = "2, 1, .*", expect = FORBIDDEN, desc = "A success was lost: both threads read the same count.")
  @Outcome(id = "2, 2, 1, .*", expect = FORBIDDEN, desc = "A gateway latency was lost.")
  @Outcome(id = "2, 2, 2, 1, .*", expect = FORBIDDEN, desc = "An LLM call was lost: both threads read the same count.")
  @Outcome(expect = FORBIDDEN, desc = "Any other count: an event lost, counted twice or under the wrong figure.")
  @State
  public static class PlainCountersBaseline {
    private final PlainCounters metrics = new PlainCounters();

    @Actor
    public void first() {
      metrics.recordRequest();
      metrics.recordRequestSucceeded();
      metrics.recordLlmCall();
    }

    @Actor
    public void second() {
      metrics.recordRequest();
      metrics.recordRequestSucceeded();
      metrics.recordLlmTimeout();
    }

    @Arbiter
    public void count(JJJJJJ_Result r) {
      r.r1 = metrics.requests();
      r.r2 = metrics.requestsSucceeded();
      r.r3 = metrics.gatewayLatencies();
      r.r4 = metrics.llmCalls();
      r.r5 = metrics.llmLatencies();
      r.r6 = metrics.timeouts();
    }
  }
}

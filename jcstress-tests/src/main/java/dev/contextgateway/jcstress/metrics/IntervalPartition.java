package dev.contextgateway.jcstress.metrics;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.contextgateway.metrics.GatewayMetrics;
import dev.contextgateway.metrics.Latency;
import dev.contextgateway.metrics.MetricsSnapshot;
import dev.contextgateway.time.FakeTime;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJJJ_Result;

/**
 * <b>Property: interval snapshots taken while others record partition the events.</b> Two threads
 * each record a successful request (a count and a latency), take an interval snapshot, and record
 * another; so each snapshot races the other thread's recording and possibly its snapshot. The
 * arbiter takes a last interval snapshot. Every event must be in exactly one of the three
 * intervals, for the count and for the latencies alike, no interval may count less than nothing,
 * and the cumulative snapshot must hold all four events.
 *
 * <p>An interval may hold a request's count but not yet its latency (the figures are read one
 * after another); the next interval then holds the latency. Only the sums are fixed.
 *
 * <p>Result: successes summed over the intervals; gateway latencies summed over the intervals;
 * interval figures below zero; successes in the cumulative snapshot.
 *
 * <p>Run alone, from {@code jcstress-tests/} once the module is packaged ({@code ./mvnw -B -pl
 * jcstress-tests -am package} at the root):
 *
 * <pre>
 * java -jar target/jcstress.jar -m quick -sc false -jvmArgs -Xmx256m -t 'IntervalPartition' -r target/jcstress-results/one
 * </pre>
 */
public final class IntervalPartition {
  private IntervalPartition() {}

  /**
   * {@link GatewayMetrics#intervalSnapshot()}: counts are differences from the previous interval's
   * reading under a lock; latencies are swapped out of the recorders.
   */
  @JCStressTest
  @Description("GatewayMetrics: two threads record and take interval snapshots at once; the arbiter takes the last.")
  @Outcome(id = "4, 4, 0, 4", expect = ACCEPTABLE, desc = "Every event in exactly one interval, counts and latencies alike; all in the cumulative snapshot.")
  @Outcome(id = "[0-3], .*", expect = FORBIDDEN, desc = "A success fell between two intervals: it is in none.")
  @Outcome(id = "([5-9]|[1-9][0-9]+), .*", expect = FORBIDDEN, desc = "A success is in two intervals.")
  @Outcome(id = "4, [0-3], .*", expect = FORBIDDEN, desc = "A latency fell between two intervals: it is in none.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: a latency in two intervals, an interval below zero, or the cumulative count wrong.")
  @State
  public static class GatewayMetricsTest {
    private final GatewayMetrics metrics = GatewayMetrics.builder().ticker(new FakeTime()).build();
    private MetricsSnapshot firstInterval;
    private MetricsSnapshot secondInterval;

    @Actor
    public void first() {
      metrics.recordRequestSucceeded(1_000);
      firstInterval = metrics.intervalSnapshot();
      metrics.recordRequestSucceeded(1_000);
    }

    @Actor
    public void second() {
      metrics.recordRequestSucceeded(2_000);
      secondInterval = metrics.intervalSnapshot();
      metrics.recordRequestSucceeded(2_000);
    }

    @Arbiter
    public void check(JJJJ_Result r) {
      MetricsSnapshot lastInterval = metrics.intervalSnapshot();
      long negative = 0;
      for (MetricsSnapshot interval :
          new MetricsSnapshot[] {firstInterval, secondInterval, lastInterval}) {
        r.r1 += interval.requestsSucceeded();
        r.r2 += interval.latency(Latency.GATEWAY).count();
        negative += interval.requestsSucceeded() < 0 ? 1 : 0;
        negative += interval.latency(Latency.GATEWAY).count() < 0 ? 1 : 0;
      }
      r.r3 = negative;
      r.r4 = metrics.snapshot().requestsSucceeded();
    }
  }

  /**
   * {@link ReadThenResetCounters}, written here on purpose: read every counter, then reset them.
   */
  @JCStressTest
  @Description("ReadThenResetCounters: the same recording and snapshots, each interval read and then reset.")
  @Outcome(id = "4, 4, 0, 4", expect = ACCEPTABLE, desc = "Every event in exactly one interval, counts and latencies alike; all in the cumulative snapshot.")
  @Outcome(id = "[0-3], .*", expect = FORBIDDEN, desc = "A success fell between two intervals: recorded between a read and its reset, it is in none.")
  @Outcome(id = "([5-9]|[1-9][0-9]+), .*", expect = FORBIDDEN, desc = "A success is in two intervals: both snapshots read it before either reset.")
  @Outcome(id = "4, [0-3], .*", expect = FORBIDDEN, desc = "A latency fell between two intervals: it is in none.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: a latency in two intervals, an interval below zero, or the cumulative count wrong.")
  @State
  public static class ReadThenResetCountersBaseline {
    private final ReadThenResetCounters metrics = new ReadThenResetCounters();
    private ReadThenResetCounters.Interval firstInterval;
    private ReadThenResetCounters.Interval secondInterval;

    @Actor
    public void first() {
      metrics.recordRequestSucceeded();
      firstInterval = metrics.intervalSnapshot();
      metrics.recordRequestSucceeded();
    }

    @Actor
    public void second() {
      metrics.recordRequestSucceeded();
      secondInterval = metrics.intervalSnapshot();
      metrics.recordRequestSucceeded();
    }

    @Arbiter
    public void check(JJJJ_Result r) {
      ReadThenResetCounters.Interval lastInterval = metrics.intervalSnapshot();
      long negative = 0;
      for (ReadThenResetCounters.Interval interval :
          new ReadThenResetCounters.Interval[] {firstInterval, secondInterval, lastInterval}) {
        r.r1 += interval.succeeded();
        r.r2 += interval.latencies();
        negative += interval.succeeded() < 0 ? 1 : 0;
        negative += interval.latencies() < 0 ? 1 : 0;
      }
      r.r3 = negative;
      r.r4 = metrics.totalSucceeded();
    }
  }
}

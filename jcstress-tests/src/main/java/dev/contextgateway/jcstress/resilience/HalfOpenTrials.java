package dev.contextgateway.jcstress.resilience;

import static dev.contextgateway.jcstress.resilience.OpenedPolicy.OPEN_WAIT;
import static dev.contextgateway.jcstress.resilience.OpenedPolicy.PERMITTED;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.contextgateway.llm.LlmResponse;
import dev.contextgateway.resilience.CircuitState;
import dev.contextgateway.resilience.ResiliencePolicy;
import dev.contextgateway.time.FakeTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * <b>Property (I7): in half-open, concurrent calls never get more than the permitted trial calls
 * through, and the breaker moves only along legal transitions.</b> The breaker is open and its
 * open wait is over; it permits {@value OpenedPolicy#PERMITTED} trial calls. Two threads make two
 * calls each at once, so both race to move the breaker to half-open and then for the permits. The
 * trials are held in flight (a real trial takes seconds), so no permit comes back during the race:
 * exactly {@value OpenedPolicy#PERMITTED} calls may go out and the other two must be refused.
 * Afterwards the arbiter answers the trials successfully: the breaker must close, and the
 * transitions it reported must form a legal path (closed, open, half-open once, closed).
 *
 * <p>Result: trial calls sent; calls refused because the circuit was open; transitions into
 * half-open; illegal transitions reported; 1 if the breaker is closed after the trials succeeded,
 * else 0.
 *
 * <p>Run alone, from {@code jcstress-tests/} once the module is packaged ({@code ./mvnw -B -pl
 * jcstress-tests -am package} at the root):
 *
 * <pre>
 * java -jar target/jcstress.jar -m quick -sc false -jvmArgs -Xmx256m -t 'HalfOpenTrials' -r target/jcstress-results/one
 * </pre>
 */
public final class HalfOpenTrials {
  private HalfOpenTrials() {}

  /**
   * {@link ResiliencePolicy} decorating a client whose calls stay in flight ({@link OpenedPolicy}):
   * the policy's breaker (Resilience4j's) moves to half-open once, under its lock, and counts
   * permits atomically.
   */
  @JCStressTest
  @Description("ResiliencePolicy: four concurrent calls reach a breaker whose open wait is over; two trials are permitted.")
  @Outcome(id = "2, 2, 1, 0, 1", expect = ACCEPTABLE, desc = "Exactly the permitted trials went out and the other calls were refused; one move to half-open; closed after the trials succeeded; every transition legal.")
  @Outcome(id = "[3-9], .*", expect = FORBIDDEN, desc = "More trial calls went out than the breaker permits in half-open.")
  @Outcome(id = "[0-9], [0-9], [2-9], .*", expect = FORBIDDEN, desc = "The breaker moved to half-open more than once: two callers both moved it.")
  @Outcome(id = "[0-9], [0-9], [0-9], [1-9], .*", expect = FORBIDDEN, desc = "The breaker reported an illegal transition.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: fewer trials than permitted, a call neither sent nor refused, or the breaker not closed after its trials succeeded.")
  @State
  public static class ResiliencePolicyTest {
    private final OpenedPolicy opened = new OpenedPolicy();
    private CompletableFuture<LlmResponse> first1;
    private CompletableFuture<LlmResponse> first2;
    private CompletableFuture<LlmResponse> second1;
    private CompletableFuture<LlmResponse> second2;

    @Actor
    public void first() {
      first1 = opened.call();
      first2 = opened.call();
    }

    @Actor
    public void second() {
      second1 = opened.call();
      second2 = opened.call();
    }

    @Arbiter
    public void check(IIIII_Result r) {
      r.r1 = opened.provider.inFlight();
      r.r2 =
          OpenedPolicy.refused(first1)
              + OpenedPolicy.refused(first2)
              + OpenedPolicy.refused(second1)
              + OpenedPolicy.refused(second2);
      opened.provider.answerAll();
      r.r3 = opened.transitions.into(CircuitState.HALF_OPEN);
      r.r4 = opened.transitions.illegal(CircuitState.CLOSED);
      r.r5 = opened.policy.circuitState() == CircuitState.CLOSED ? 1 : 0;
    }
  }

  /**
   * {@link CheckThenActBreaker}, written here on purpose: both callers can move the breaker to
   * half-open, and both can pass {@code trials < permitted} before either increments it.
   */
  @JCStressTest
  @Description("CheckThenActBreaker: the same four calls on a check-then-act half-open breaker.")
  @Outcome(id = "2, 2, 1, 0, 1", expect = ACCEPTABLE, desc = "Exactly the permitted trials went out and the other calls were refused; one move to half-open; closed after the trials succeeded; every transition legal.")
  @Outcome(id = "[3-9], .*", expect = FORBIDDEN, desc = "More trial calls went out than the breaker permits in half-open.")
  @Outcome(id = "[0-9], [0-9], [2-9], .*", expect = FORBIDDEN, desc = "The breaker moved to half-open more than once: two callers both moved it.")
  @Outcome(id = "[0-9], [0-9], [0-9], [1-9], .*", expect = FORBIDDEN, desc = "The breaker reported an illegal transition.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: fewer trials than permitted, a call neither sent nor refused, or the breaker not closed after its trials succeeded.")
  @State
  public static class CheckThenActBreakerBaseline {
    private final FakeTime time = new FakeTime();
    private final Transitions transitions = new Transitions();
    private final CheckThenActBreaker breaker =
        new CheckThenActBreaker(time, time.read() + OPEN_WAIT.toNanos(), PERMITTED, transitions);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    public CheckThenActBreakerBaseline() {
      transitions.onStateTransition(CircuitState.CLOSED, CircuitState.OPEN);
      time.advance(OPEN_WAIT.plusSeconds(1));
    }

    @Actor
    public void first() {
      call();
      call();
    }

    @Actor
    public void second() {
      call();
      call();
    }

    private void call() {
      if (breaker.tryAcquirePermission()) {
        sent.incrementAndGet();
      } else {
        refused.incrementAndGet();
      }
    }

    @Arbiter
    public void check(IIIII_Result r) {
      r.r1 = sent.get();
      r.r2 = refused.get();
      for (int trial = 0; trial < sent.get(); trial++) {
        breaker.onSuccess();
      }
      r.r3 = transitions.into(CircuitState.HALF_OPEN);
      r.r4 = transitions.illegal(CircuitState.CLOSED);
      r.r5 = breaker.state() == CircuitState.CLOSED ? 1 : 0;
    }
  }
}

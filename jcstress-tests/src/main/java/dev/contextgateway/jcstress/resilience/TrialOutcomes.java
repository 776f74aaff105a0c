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
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * <b>Property (I7): trial outcomes reported together end half-open exactly once, along a legal
 * transition.</b> The breaker is half-open with both of its {@value OpenedPolicy#PERMITTED}
 * permitted trial calls in flight. The two trials end at the same time, one answered and one failed
 * (so half of them failed, which reaches the failure threshold): each thread completes one, and the
 * policy judges it on that thread. Whichever outcome is judged last, the breaker must leave
 * half-open exactly once, to open, and every transition it reported must be legal; and each caller
 * must get its own trial's outcome.
 *
 * <p>Result: transitions out of half-open; illegal transitions reported; 1 if the breaker is open
 * afterwards, else 0; callers that got their trial's outcome (of two).
 *
 * <p>Run alone, from {@code jcstress-tests/} once the module is packaged ({@code ./mvnw -B -pl
 * jcstress-tests -am package} at the root):
 *
 * <pre>
 * java -jar target/jcstress.jar -m quick -sc false -jvmArgs -Xmx256m -t 'TrialOutcomes' -r target/jcstress-results/one
 * </pre>
 */
public final class TrialOutcomes {
  private TrialOutcomes() {}

  /**
   * {@link ResiliencePolicy} ({@link OpenedPolicy}): Resilience4j records trial outcomes in a
   * sliding window under a lock and leaves half-open through a compare-and-set.
   */
  @JCStressTest
  @Description("ResiliencePolicy half-open with two trials in flight: one is answered and the other fails at the same time.")
  @Outcome(id = "1, 0, 1, 2", expect = ACCEPTABLE, desc = "Half-open ended once, to open (half the trials failed); every transition legal; each caller got its outcome.")
  @Outcome(id = "[2-9], .*", expect = FORBIDDEN, desc = "Half-open ended twice: both outcomes took the decision.")
  @Outcome(id = "0, .*", expect = FORBIDDEN, desc = "Half-open never ended: an outcome was lost and neither took the decision.")
  @Outcome(id = "[0-9], [1-9], .*", expect = FORBIDDEN, desc = "The breaker reported an illegal transition.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: the breaker closed though half the trials failed, or a caller did not get its outcome.")
  @State
  public static class ResiliencePolicyTest {
    private final OpenedPolicy opened = new OpenedPolicy();
    private final CompletableFuture<LlmResponse> answeredCall;
    private final CompletableFuture<LlmResponse> failedCall;
    private final CompletableFuture<LlmResponse> answeredTrial;
    private final CompletableFuture<LlmResponse> failedTrial;

    public ResiliencePolicyTest() {
      answeredCall = opened.call();
      failedCall = opened.call();
      answeredTrial = opened.provider.take();
      failedTrial = opened.provider.take();
      if (answeredTrial == null
          || failedTrial == null
          || opened.policy.circuitState() != CircuitState.HALF_OPEN) {
        throw new IllegalStateException(
            "two trials are not in flight: " + opened.policy.circuitState());
      }
    }

    @Actor
    public void answers() {
      answeredTrial.complete(HeldClient.ANSWER);
    }

    @Actor
    public void fails() {
      failedTrial.completeExceptionally(OpenedPolicy.unavailable());
    }

    @Arbiter
    public void check(IIII_Result r) {
      r.r1 = opened.transitions.outOf(CircuitState.HALF_OPEN);
      r.r2 = opened.transitions.illegal(CircuitState.CLOSED);
      r.r3 = opened.policy.circuitState() == CircuitState.OPEN ? 1 : 0;
      r.r4 =
          (answeredCall.getNow(null) == HeldClient.ANSWER ? 1 : 0)
              + (failedCall.isCompletedExceptionally() ? 1 : 0);
    }
  }

  /**
   * {@link CheckThenActBreaker}, written here on purpose: each outcome bumps a plain count, then
   * reads it again to see whether it was the last.
   */
  @JCStressTest
  @Description("CheckThenActBreaker half-open with two trials in flight: one succeeds and the other fails at the same time.")
  @Outcome(id = "1, 0, 1, 2", expect = ACCEPTABLE, desc = "Half-open ended once, to open (half the trials failed); every transition legal; each caller got its outcome.")
  @Outcome(id = "[2-9], .*", expect = FORBIDDEN, desc = "Half-open ended twice: both outcomes took the decision.")
  @Outcome(id = "0, .*", expect = FORBIDDEN, desc = "Half-open never ended: an outcome was lost and neither took the decision.")
  @Outcome(id = "[0-9], [1-9], .*", expect = FORBIDDEN, desc = "The breaker reported an illegal transition.")
  @Outcome(expect = FORBIDDEN, desc = "Any other: the breaker closed though half the trials failed, or a caller did not get its outcome.")
  @State
  public static class CheckThenActBreakerBaseline {
    private final Transitions transitions = new Transitions();
    private final CheckThenActBreaker breaker;

    public CheckThenActBreakerBaseline() {
      FakeTime time = new FakeTime();
      breaker =
          new CheckThenActBreaker(time, time.read() + OPEN_WAIT.toNanos(), PERMITTED, transitions);
      transitions.onStateTransition(CircuitState.CLOSED, CircuitState.OPEN);
      time.advance(OPEN_WAIT.plusSeconds(1));
      if (!breaker.tryAcquirePermission() || !breaker.tryAcquirePermission()) {
        throw new IllegalStateException("two trials are not in flight: " + breaker.state());
      }
    }

    @Actor
    public void answers() {
      breaker.onSuccess();
    }

    @Actor
    public void fails() {
      breaker.onFailure();
    }

    @Arbiter
    public void check(IIII_Result r) {
      r.r1 = transitions.outOf(CircuitState.HALF_OPEN);
      r.r2 = transitions.illegal(CircuitState.CLOSED);
      r.r3 = breaker.state() == CircuitState.OPEN ? 1 : 0;
      r.r4 = 2; // the callers hold their outcomes themselves here; nothing can lose them
    }
  }
}

package dev.contextgateway.simulator.faultmatrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.gateway.ContextGateway;
import dev.contextgateway.gateway.ContextRequest;
import dev.contextgateway.gateway.PreparedContext;
import dev.contextgateway.metrics.DegradedReason;
import dev.contextgateway.resilience.CircuitBreakerSettings;
import dev.contextgateway.resilience.CircuitState;
import dev.contextgateway.simulator.GeminiSimulator;
import dev.contextgateway.simulator.JournalEntry;
import dev.contextgateway.simulator.Outcome;
import dev.contextgateway.simulator.profile.FaultKind;
import dev.contextgateway.simulator.profile.FaultProfile;
import dev.contextgateway.simulator.profile.Profiles;
import dev.contextgateway.simulator.profile.Timeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fault-matrix row "errors and hangs": the circuit breaker opens after its configured failures,
 * then fails calls fast without reaching the simulator, lets exactly its permitted trial calls
 * through when half-open, and closes once the model has recovered. The simulator plays a timeline:
 * an outage (every request 503, or every request hanging), then recovery.
 *
 * <p>Run alone: {@code ./mvnw -B -pl simulator -am verify -Dit.test=BreakerIT -Dtest=None
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class BreakerIT extends FaultMatrixScenario {
  private static final int FAILURES_TO_OPEN = 4;
  private static final int TRIAL_CALLS = 2;
  private static final Duration OPEN_WAIT = Duration.ofMillis(1500);
  private static final Duration OUTAGE = Duration.ofSeconds(4);
  private static final Duration CALLER_TIMEOUT = Duration.ofSeconds(3);

  @Test
  void outageOf503s_opensTheBreaker_failsFast_probesHalfOpen_andClosesAfterRecovery() throws Exception {
    cycle(Profiles.OUTAGE, Outcome.UNAVAILABLE, DegradedReason.LLM_UNAVAILABLE);
  }

  @Test
  void outageOfHangs_opensTheBreakerOnTimeouts_failsFast_probesHalfOpen_andClosesAfterRecovery()
      throws Exception {
    cycle(FaultProfile.builder("hanging").fault(1.0, FaultKind.HANG).build(), Outcome.HANG, DegradedReason.DEADLINE);
  }

  private void cycle(FaultProfile failing, Outcome failure, DegradedReason failureReason) throws Exception {
    Timeline timeline =
        Timeline.builder("outage-then-recovery").phase(OUTAGE, failing).then(Profiles.HEALTHY.toBuilder().build());
    GeminiSimulator gemini =
        simulator(GeminiSimulator.builder().profile(timeline).hangTimeout(Duration.ofSeconds(10)));
    ContextGateway gateway =
        start(
            gatewayFor(gemini)
                .llmTimeout(Duration.ofMillis(250))
                .circuitBreaker(
                    CircuitBreakerSettings.builder()
                        .slidingWindowSize(FAILURES_TO_OPEN)
                        .minimumNumberOfCalls(FAILURES_TO_OPEN)
                        .failureRateThreshold(50)
                        .waitInOpenState(OPEN_WAIT)
                        .permittedCallsInHalfOpenState(TRIAL_CALLS)
                        .build()));
    Path workspace = workspace();
    List<ContextRequest> requests = distinctRequests(workspace, 200, CALLER_TIMEOUT);
    gemini.reset(); // the outage starts now
    long outageEnd = System.nanoTime() + OUTAGE.toNanos();

    // Closed: each failure is a call that reached the model; the configured number opens it.
    for (int i = 0; i < FAILURES_TO_OPEN; i++) {
      assertThat(gateway.circuitState()).as("after %d failures", i).isEqualTo(CircuitState.CLOSED);
      Call call = Callers.run(gateway, requests.subList(i, i + 1), 1).get(0);
      assertThat(call.served().source()).isEqualTo(PreparedContext.Source.LOCAL);
      assertThat(call.reason()).isEqualTo(failureReason);
    }
    assertThat(gateway.circuitState()).isEqualTo(CircuitState.OPEN);
    long openedBy = System.nanoTime();
    assertThat(gemini.journal().total()).isEqualTo(FAILURES_TO_OPEN);

    // Open: many concurrent callers fail fast, none reaches the model.
    List<Call> rejected = Callers.run(gateway, requests.subList(4, 34), 8);
    assertThat(System.nanoTime() - openedBy).as("premise: the burst ended inside the open wait").isLessThan(OPEN_WAIT.toNanos());
    assertThat(gemini.journal().total()).as("requests that reached the simulator").isEqualTo(FAILURES_TO_OPEN);
    assertThat(rejected).allSatisfy(call -> assertThat(call.reason()).as("%s", call).isEqualTo(DegradedReason.BREAKER_OPEN));
    assertThat(gateway.metrics().snapshot().breakerRejections()).isEqualTo(30);

    // Half-open during the outage: exactly the permitted trials reach the model, fail, and reopen it.
    Waits.untilNanoTime(openedBy + OPEN_WAIT.toNanos(), "the breaker's open wait has passed");
    List<Call> duringOutage = Callers.run(gateway, requests.subList(34, 54), 8);
    assertThat(gemini.journal().total()).isEqualTo(FAILURES_TO_OPEN + TRIAL_CALLS);
    assertThat(duringOutage.stream().filter(call -> call.reason() == failureReason)).hasSize(TRIAL_CALLS);
    assertThat(duringOutage.stream().filter(call -> call.reason() == DegradedReason.BREAKER_OPEN)).hasSize(20 - TRIAL_CALLS);
    assertThat(gateway.circuitState()).isEqualTo(CircuitState.OPEN);
    long reopenedBy = System.nanoTime();

    // Half-open after recovery: the trials, one after the other, succeed and close it.
    Waits.untilNanoTime(Math.max(outageEnd, reopenedBy + OPEN_WAIT.toNanos()), "recovery, and the open wait again");
    for (int i = 0; i < TRIAL_CALLS; i++) {
      assertThat(gateway.circuitState()).isNotEqualTo(CircuitState.CLOSED);
      Call trial = Callers.run(gateway, requests.subList(54 + i, 55 + i), 1).get(0);
      assertThat(trial.served().source()).as("%s", trial).isEqualTo(PreparedContext.Source.LLM);
      assertThat(trial.served().degraded()).isFalse();
    }
    assertThat(gateway.circuitState()).isEqualTo(CircuitState.CLOSED);

    // Closed again: everyone reaches the model and gets its answer.
    List<Call> recovered = Callers.run(gateway, requests.subList(56, 76), 8);
    assertThat(recovered).allSatisfy(call -> {
      assertThat(call.served().source()).as("%s", call).isEqualTo(PreparedContext.Source.LLM);
      assertThat(call.served().degraded()).as("%s", call).isFalse();
    });

    List<JournalEntry> journal = gemini.journal().entries();
    assertThat(journal).hasSize(FAILURES_TO_OPEN + TRIAL_CALLS + TRIAL_CALLS + 20);
    assertThat(journal.subList(0, FAILURES_TO_OPEN + TRIAL_CALLS))
        .allSatisfy(entry -> {
          assertThat(entry.phase()).isEqualTo(failing.name());
          assertThat(entry.outcome()).isEqualTo(failure);
        });
    assertThat(journal.subList(FAILURES_TO_OPEN + TRIAL_CALLS, journal.size()))
        .allSatisfy(entry -> assertThat(entry.outcome()).isEqualTo(Outcome.OK));
    assertThat(gateway.metrics().snapshot().breakerRejections()).isEqualTo(30 + 20 - TRIAL_CALLS);
  }
}

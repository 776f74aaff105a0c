package dev.contextgateway.simulator.faultmatrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.gateway.ContextGateway;
import dev.contextgateway.gateway.ContextRequest;
import dev.contextgateway.gateway.PreparedContext;
import dev.contextgateway.metrics.DegradedReason;
import dev.contextgateway.metrics.LlmErrorKind;
import dev.contextgateway.metrics.MetricsSnapshot;
import dev.contextgateway.resilience.CircuitBreakerSettings;
import dev.contextgateway.resilience.RetrySettings;
import dev.contextgateway.simulator.GeminiSimulator;
import dev.contextgateway.simulator.Outcome;
import dev.contextgateway.simulator.profile.FaultKind;
import dev.contextgateway.simulator.profile.FaultProfile;
import dev.contextgateway.simulator.profile.Profiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fault-matrix row "5xx, reset, empty, malformed, truncated": while every answer is broken the
 * gateway retries within its retry budget and no more, reports each broken answer as the typed
 * error it is (metrics' LLM error kinds, callers' degraded reasons), and caches nothing from it:
 * once the model answers again, every context is generated afresh.
 *
 * <p>The typed errors: a 5xx, a reset, a connection closed without an answer, and a body cut short
 * of its {@code Content-Length} (the HTTP client sees the connection end early) are {@code
 * UNAVAILABLE} attempts and degrade with {@code LLM_UNAVAILABLE}; a complete 200 whose JSON is
 * broken is a {@code BAD_RESPONSE} attempt and degrades with {@code LLM_BAD_RESPONSE}.
 *
 * <p>Run alone: {@code ./mvnw -B -pl simulator -am verify -Dit.test=BadResponsesIT
 * -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class BadResponsesIT extends FaultMatrixScenario {
  private static final int CALLS = 20;
  private static final int MINIMUM_RETRIES = 5;
  private static final double RETRY_RATIO = 0.1;

  /** Up to three attempts a call, but at most 5 + 10 % of the calls retried in all. */
  private static final RetrySettings BUDGETED =
      RetrySettings.builder()
          .maxAttempts(3)
          .initialBackoff(Duration.ofMillis(20))
          .maxBackoff(Duration.ofMillis(100))
          .budgetRatio(RETRY_RATIO)
          .budgetMinimumRetries(MINIMUM_RETRIES)
          .budgetWindow(Duration.ofMinutes(1))
          .build();

  /** The breaker has its own row; here it must not stop the calls whose retries are counted. */
  private static final CircuitBreakerSettings NEVER_OPENS =
      CircuitBreakerSettings.builder().slidingWindowSize(1_000).failureRateThreshold(100).build();

  @ParameterizedTest
  @EnumSource(
      value = FaultKind.class,
      names = {"INTERNAL", "UNAVAILABLE", "DEADLINE_EXCEEDED", "CONNECTION_RESET", "EMPTY_RESPONSE", "MALFORMED_JSON", "TRUNCATED_BODY"})
  void brokenAnswers_areRetriedWithinTheBudget_reportedAsTypedErrors_andNeverCached(FaultKind kind) throws Exception {
    boolean badBody = kind == FaultKind.MALFORMED_JSON;
    LlmErrorKind errorKind = badBody ? LlmErrorKind.BAD_RESPONSE : LlmErrorKind.UNAVAILABLE;
    DegradedReason reason = badBody ? DegradedReason.LLM_BAD_RESPONSE : DegradedReason.LLM_UNAVAILABLE;
    GeminiSimulator gemini = simulator(FaultProfile.builder("always-" + kind.id()).fault(1.0, kind).build());
    ContextGateway gateway =
        start(
            gatewayFor(gemini)
                .retry(BUDGETED)
                .circuitBreaker(NEVER_OPENS)
                .llmTimeout(Duration.ofSeconds(3)));
    Path workspace = workspace();
    List<ContextRequest> requests = distinctRequests(workspace, CALLS, Duration.ofSeconds(5));

    List<Call> broken = Callers.run(gateway, requests, 8);

    long sent = gemini.journal().total();
    long retries = sent - CALLS;
    assertThat(gemini.journal().count(Outcome.of(kind))).isEqualTo(sent);
    assertThat(retries)
        .as("retries: at least the budget's minimum, at most its minimum + 10 %% of %d calls", CALLS)
        .isBetween((long) MINIMUM_RETRIES, (long) (MINIMUM_RETRIES + RETRY_RATIO * CALLS));
    assertThat(gateway.cacheStats().total().entries()).as("contexts cached").isZero();
    MetricsSnapshot metrics = gateway.metrics().snapshot();
    assertThat(metrics.retries()).isEqualTo(retries);
    assertThat(metrics.llmErrors(errorKind)).as("attempts failed as %s", errorKind).isEqualTo(sent);
    assertThat(metrics.llmErrors()).isEqualTo(sent);
    assertThat(broken).allSatisfy(call -> {
      assertThat(call.served().source()).as("%s", call).isEqualTo(PreparedContext.Source.LOCAL);
      assertThat(call.reason()).as("%s", call).isEqualTo(reason);
    });

    gemini.setProfile(Profiles.HEALTHY);
    List<Call> healed = Callers.run(gateway, requests, 8);

    assertThat(gemini.journal().total()).as("every context generated again").isEqualTo(sent + CALLS);
    assertThat(healed).allSatisfy(call -> {
      assertThat(call.served().source()).as("%s", call).isEqualTo(PreparedContext.Source.LLM);
      assertThat(call.served().degraded()).as("%s", call).isFalse();
    });
  }
}

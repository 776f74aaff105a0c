package dev.contextgateway.simulator.faultmatrix;

import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.gateway.ContextGateway;
import dev.contextgateway.gateway.PreparedContext;
import dev.contextgateway.metrics.DegradedReason;
import dev.contextgateway.metrics.LlmErrorKind;
import dev.contextgateway.metrics.MetricsSnapshot;
import dev.contextgateway.resilience.RateLimitSettings;
import dev.contextgateway.resilience.RetrySettings;
import dev.contextgateway.simulator.GeminiSimulator;
import dev.contextgateway.simulator.JournalEntry;
import dev.contextgateway.simulator.Outcome;
import dev.contextgateway.simulator.profile.Fault;
import dev.contextgateway.simulator.profile.FaultProfile;
import dev.contextgateway.simulator.profile.Quota;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fault-matrix row "429 and quota emulation": with the gateway's rate limits set to the
 * simulator's quota, at most 1 % of the requests that reach it are refused with a 429; after a
 * 429 a call is not sent again before the retry delay the 429 announced (journal timestamps); a
 * per-day 429 is not retried.
 *
 * <p>Run alone: {@code ./mvnw -B -pl simulator -am verify -Dit.test=RateLimitIT -Dtest=None
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RateLimitIT extends FaultMatrixScenario {
  private static final long REQUESTS_PER_MINUTE = 100;
  private static final long TOKENS_PER_MINUTE = 50_000;

  /** Retries that the budget never refuses here: what is checked is when they are sent. */
  private static final RetrySettings EAGER_RETRIES =
      RetrySettings.builder()
          .maxAttempts(4)
          .initialBackoff(Duration.ofMillis(10))
          .maxBackoff(Duration.ofMillis(50))
          .budgetRatio(1.0)
          .budgetMinimumRetries(1_000)
          .build();

  @Test
  void limitsMatchingTheQuota_keep429sWithinOnePercent_whileTheCallersAskForMore() throws Exception {
    GeminiSimulator gemini =
        simulator(
            FaultProfile.builder("quota")
                .quota(Quota.perMinute(REQUESTS_PER_MINUTE, TOKENS_PER_MINUTE))
                .build());
    ContextGateway gateway =
        start(
            gatewayFor(gemini)
                .llmTimeout(Duration.ofSeconds(2))
                .rateLimit(
                    RateLimitSettings.builder()
                        .requestsPerMinute(REQUESTS_PER_MINUTE)
                        .inputTokensPerMinute(TOKENS_PER_MINUTE)
                        .build()));
    Path workspace = workspace();

    List<Call> calls = Callers.run(gateway, distinctRequests(workspace, 160, Duration.ofSeconds(2)), 8);

    long reached = gemini.journal().total();
    MetricsSnapshot metrics = gateway.metrics().snapshot();
    assertThat(gemini.journal().rateLimited()).as("429s of %d requests", reached).isLessThanOrEqualTo(reached / 100);
    assertThat(metrics.limiterRejections()).as("callers the gateway's limiter held back").isPositive();
    assertThat(calls).allSatisfy(call -> {
      assertThat(call.overrun()).as("%s", call).isLessThanOrEqualTo(TIMEOUT_MARGIN);
      assertThat(call.reason()).as("%s", call).isIn(null, DegradedReason.RATE_LIMITED);
    });
    assertThat(calls.stream().filter(call -> call.served().source() == PreparedContext.Source.LLM).count())
        .as("callers served the model's answer")
        .isEqualTo(gemini.journal().count(Outcome.OK));
  }

  @Test
  void after429_noCallIsSentAgainBeforeTheAnnouncedRetryDelay() throws Exception {
    Duration retryDelay = Duration.ofMillis(400);
    GeminiSimulator gemini =
        simulator(FaultProfile.builder("half-429").fault(0.5, Fault.rateLimited(retryDelay)).build());
    ContextGateway gateway = start(gatewayFor(gemini).retry(EAGER_RETRIES).llmTimeout(Duration.ofSeconds(4)));
    Path workspace = workspace();

    List<Call> calls = Callers.run(gateway, requestsOfDistinctSizes(workspace, 20, Duration.ofSeconds(5)), 8);

    List<JournalEntry> journal = gemini.journal().entries();
    Map<Long, List<JournalEntry>> byCall = journal.stream().collect(groupingBy(JournalEntry::promptTokens));
    assertThat(byCall).as("one prompt size per call").hasSize(20);
    int checked = 0;
    for (List<JournalEntry> attempts : byCall.values()) {
      attempts.sort(Comparator.comparingLong(JournalEntry::receivedAtNanos));
      for (int i = 0; i + 1 < attempts.size(); i++) {
        JournalEntry refused = attempts.get(i);
        JournalEntry next = attempts.get(i + 1);
        assertThat(refused.outcome()).as("only a 429 is followed by a retry here").isEqualTo(Outcome.RATE_LIMITED);
        assertThat(Duration.ofNanos(next.receivedAtNanos() - refused.receivedAtNanos()))
            .as("from the 429 (request %d) to the retry (request %d)", refused.sequence(), next.sequence())
            .isGreaterThanOrEqualTo(retryDelay);
        checked++;
      }
    }
    assertThat(checked).as("premise: some calls were refused and retried").isPositive();
    assertThat(gateway.metrics().snapshot().retries()).isEqualTo(checked);
    assertThat(calls).allSatisfy(call -> assertThat(call.overrun()).as("%s", call).isLessThanOrEqualTo(TIMEOUT_MARGIN));
  }

  @Test
  void perDay429_isNotRetried_evenWithTimeLeftForItsRetryDelay() throws Exception {
    GeminiSimulator gemini =
        simulator(
            FaultProfile.builder("daily-quota-exhausted")
                .fault(1.0, Fault.rateLimitedPerDay(Duration.ofMillis(200)))
                .build());
    ContextGateway gateway = start(gatewayFor(gemini).retry(EAGER_RETRIES).llmTimeout(Duration.ofSeconds(2)));
    Path workspace = workspace();

    List<Call> calls = Callers.run(gateway, requestsOfDistinctSizes(workspace, 20, Duration.ofSeconds(3)), 8);

    List<JournalEntry> journal = gemini.journal().entries();
    assertThat(journal).allSatisfy(entry -> assertThat(entry.outcome()).isEqualTo(Outcome.RATE_LIMITED_PER_DAY));
    assertThat(journal.stream().collect(groupingBy(JournalEntry::promptTokens)))
        .as("requests per call")
        .allSatisfy((tokens, attempts) -> assertThat(attempts).hasSize(1));
    MetricsSnapshot metrics = gateway.metrics().snapshot();
    assertThat(metrics.retries()).isZero();
    assertThat(metrics.llmErrors(LlmErrorKind.QUOTA_EXHAUSTED)).isEqualTo(journal.size());
    assertThat(calls.stream().filter(call -> call.reason() == DegradedReason.QUOTA_EXHAUSTED).count())
        .isEqualTo(journal.size());
    assertThat(calls).allSatisfy(call -> {
      assertThat(call.served().source()).isEqualTo(PreparedContext.Source.LOCAL);
      assertThat(call.reason()).as("%s", call).isIn(DegradedReason.QUOTA_EXHAUSTED, DegradedReason.RATE_LIMITED);
    });
  }
}

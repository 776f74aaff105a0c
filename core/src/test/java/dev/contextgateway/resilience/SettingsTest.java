package dev.contextgateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contextgateway.llm.LlmRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings are validated when set, with messages naming the setting and the bad value. */
class SettingsTest {

  @Test
  void retrySettings_invalidValues_failNamingSettingAndValue() {
    RetrySettings.Builder builder = RetrySettings.builder();
    assertThatThrownBy(() -> builder.maxAttempts(0))
        .hasMessage("maxAttempts must be at least 1, was 0");
    assertThatThrownBy(() -> builder.initialBackoff(Duration.ZERO))
        .hasMessage("initialBackoff must be positive, was PT0S");
    assertThatThrownBy(() -> builder.maxBackoff(Duration.ofSeconds(-1)))
        .hasMessage("maxBackoff must be positive, was PT-1S");
    assertThatThrownBy(() -> builder.multiplier(0.5))
        .hasMessage("multiplier must be finite and >= 1, was 0.5");
    assertThatThrownBy(() -> builder.multiplier(Double.NaN))
        .hasMessage("multiplier must be finite and >= 1, was NaN");
    assertThatThrownBy(() -> builder.attemptTimeout(Duration.ZERO))
        .hasMessage("attemptTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> builder.budgetRatio(1.5))
        .hasMessage("budgetRatio must be in [0, 1], was 1.5");
    assertThatThrownBy(() -> builder.budgetMinimumRetries(-1))
        .hasMessage("budgetMinimumRetries must be >= 0, was -1");
    assertThatThrownBy(() -> builder.budgetWindow(Duration.ofMillis(5)))
        .hasMessage("budgetWindow must be at least 10ms, was PT0.005S");
    assertThatThrownBy(
            () ->
                RetrySettings.builder()
                    .initialBackoff(Duration.ofSeconds(10))
                    .maxBackoff(Duration.ofSeconds(1))
                    .build())
        .hasMessage("maxBackoff must be >= initialBackoff, was PT1S < PT10S");
  }

  @Test
  void rateLimitSettings_invalidValues_failNamingSettingAndValue() {
    RateLimitSettings.Builder builder = RateLimitSettings.builder();
    assertThatThrownBy(() -> builder.requestsPerMinute(0))
        .hasMessage("requestsPerMinute must be positive, was 0");
    assertThatThrownBy(() -> builder.requestBurst(-3))
        .hasMessage("requestBurst must be positive, was -3");
    assertThatThrownBy(() -> builder.inputTokensPerMinute(-1))
        .hasMessage("inputTokensPerMinute must be positive, was -1");
    assertThatThrownBy(() -> builder.inputTokenBurst(0))
        .hasMessage("inputTokenBurst must be positive, was 0");
    assertThatThrownBy(() -> RateLimitSettings.builder().build())
        .hasMessageContaining("requestsPerMinute or inputTokensPerMinute must be set");
    assertThatThrownBy(
            () -> RateLimitSettings.builder().inputTokensPerMinute(10).requestBurst(4).build())
        .hasMessage("requestBurst was set to 4 without requestsPerMinute");
  }

  @Test
  void rateLimitSettings_burstsDefaultToAMinutesWorth() {
    RateLimitSettings settings =
        RateLimitSettings.builder().requestsPerMinute(15).inputTokensPerMinute(250_000).build();

    assertThat(settings.requestBurst()).isEqualTo(15);
    assertThat(settings.inputTokenBurst()).isEqualTo(250_000);
  }

  @Test
  void estimateInputTokens_isCharsOverFourRoundedUpAtLeastOne() {
    assertThat(RateLimitSettings.estimateInputTokens(LlmRequest.of("a", 0))).isEqualTo(1);
    assertThat(RateLimitSettings.estimateInputTokens(LlmRequest.of("abcd", 0))).isEqualTo(1);
    assertThat(RateLimitSettings.estimateInputTokens(LlmRequest.of("abcde", 0))).isEqualTo(2);
    assertThat(RateLimitSettings.estimateInputTokens(LlmRequest.of("x".repeat(4_000), 0)))
        .isEqualTo(1_000);
  }

  @Test
  void circuitBreakerSettings_invalidValues_failNamingSettingAndValue() {
    CircuitBreakerSettings.Builder builder = CircuitBreakerSettings.builder();
    assertThatThrownBy(() -> builder.failureRateThreshold(120))
        .hasMessage("failureRateThreshold must be in (0, 100], was 120.0");
    assertThatThrownBy(() -> builder.slowCallRateThreshold(0))
        .hasMessage("slowCallRateThreshold must be in (0, 100], was 0.0");
    assertThatThrownBy(() -> builder.slowCallDuration(Duration.ZERO))
        .hasMessage("slowCallDuration must be positive, was PT0S");
    assertThatThrownBy(() -> builder.slidingWindowSize(0))
        .hasMessage("slidingWindowSize must be at least 1, was 0");
    assertThatThrownBy(() -> builder.minimumNumberOfCalls(0))
        .hasMessage("minimumNumberOfCalls must be at least 1, was 0");
    assertThatThrownBy(() -> builder.waitInOpenState(Duration.ofNanos(10)))
        .hasMessage("waitInOpenState must be at least 1ms, was PT0.00000001S");
    assertThatThrownBy(() -> builder.permittedCallsInHalfOpenState(0))
        .hasMessage("permittedCallsInHalfOpenState must be at least 1, was 0");
    assertThatThrownBy(
            () ->
                CircuitBreakerSettings.builder()
                    .slidingWindowSize(5)
                    .minimumNumberOfCalls(6)
                    .build())
        .hasMessage("minimumNumberOfCalls must be <= slidingWindowSize, was 6 > 5");
    // Half-open would be decided by the first trial's outcome alone (found by jcstress).
    assertThatThrownBy(
            () ->
                CircuitBreakerSettings.builder()
                    .slidingWindowSize(4)
                    .minimumNumberOfCalls(1)
                    .permittedCallsInHalfOpenState(2)
                    .build())
        .hasMessage("permittedCallsInHalfOpenState must be <= minimumNumberOfCalls, was 2 > 1");
  }

  @Test
  void defaults_areDocumentedValues() {
    RetrySettings retry = RetrySettings.defaults();
    assertThat(retry.maxAttempts()).isEqualTo(3);
    assertThat(retry.budgetRatio()).isEqualTo(0.1);
    assertThat(retry.budgetMinimumRetries()).isEqualTo(10);
    assertThat(retry.attemptTimeout()).isEmpty();
    CircuitBreakerSettings breaker = CircuitBreakerSettings.defaults();
    assertThat(breaker.minimumNumberOfCalls()).isEqualTo(breaker.slidingWindowSize());
    assertThat(ResiliencePolicy.builder().build().circuitState()).isEqualTo(CircuitState.CLOSED);
  }
}

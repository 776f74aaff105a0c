package dev.contextgateway.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing of the provider's retry delay and quota ids. */
class GeminiErrorsTest {

  @ParameterizedTest
  @CsvSource({
    "47s, 47000000000",
    "47.43s, 47430000000",
    "0.5s, 500000000",
    "1.000000001s, 1000000001",
    "0s, 0",
    "' 3s ', 3000000000"
  })
  void parseRetryDelay_protobufDuration_exactNanos(String text, long nanos) {
    assertThat(GeminiErrors.parseRetryDelay(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "47", "-1s", "1.0000000001s", "1e3s", "abc", "47 s", "1.s"})
  void parseRetryDelay_anythingElse_isAbsent(String text) {
    assertThat(GeminiErrors.parseRetryDelay(text)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GenerateRequestsPerDayPerProjectPerModel-FreeTier",
        "GenerateContentInputTokensPerModelPerDay"
      })
  void isPerDay_perDayQuotaIds_areTerminal(String quotaId) {
    assertThat(GeminiErrors.isPerDay(quotaId)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
        "GenerateContentInputTokensPerModelPerMinute-FreeTier"
      })
  void isPerDay_perMinuteQuotaIds_areNot(String quotaId) {
    assertThat(GeminiErrors.isPerDay(quotaId)).isFalse();
  }
}

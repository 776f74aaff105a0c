package dev.contextgateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.simulator.profile.FaultKind;
import org.junit.jupiter.api.Test;

class OutcomeTest {

  @Test
  void everyFaultKind_hasItsOutcome_withTheSameNameAndStatus() {
    for (FaultKind kind : FaultKind.values()) {
      Outcome outcome = Outcome.of(kind);
      assertThat(outcome.name()).isEqualTo(kind.name());
      assertThat(outcome.httpStatus()).as("%s", kind).isEqualTo(kind.httpStatus());
    }
  }

  @Test
  void only429s_areRateLimits() {
    assertThat(Outcome.QUOTA_EXCEEDED.isRateLimit()).isTrue();
    assertThat(Outcome.RATE_LIMITED_PER_DAY.isRateLimit()).isTrue();
    assertThat(Outcome.UNAVAILABLE.isRateLimit()).isFalse();
    assertThat(Outcome.OK.isRateLimit()).isFalse();
  }
}

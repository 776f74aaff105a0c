package dev.contextgateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retry budget's rule: retries < minimum + ratio × calls over the sliding window. */
class RetryBudgetTest {
  private final FakeTime time = new FakeTime();

  private RetryBudget budget(double ratio, int minimum, Duration window) {
    return new RetryBudget(
        RetrySettings.builder()
            .budgetRatio(ratio)
            .budgetMinimumRetries(minimum)
            .budgetWindow(window)
            .build(),
        time);
  }

  private static int grants(RetryBudget budget, int asks) {
    int granted = 0;
    for (int i = 0; i < asks; i++) {
      if (budget.tryAcquireRetry()) {
        granted++;
      }
    }
    return granted;
  }

  @Test
  void quietService_getsTheMinimum() {
    RetryBudget budget = budget(0.1, 3, Duration.ofSeconds(10));

    assertThat(grants(budget, 10)).isEqualTo(3);
  }

  @Test
  void busyService_getsTenPercentOfCallsPlusMinimum() {
    RetryBudget budget = budget(0.1, 2, Duration.ofSeconds(10));
    for (int i = 0; i < 100; i++) {
      budget.recordCall();
    }

    assertThat(grants(budget, 50)).isEqualTo(12);
  }

  @Test
  void window_forgetsOldCallsAndRetriesSliceBySlice() {
    RetryBudget budget = budget(0.5, 0, Duration.ofSeconds(10));
    for (int i = 0; i < 10; i++) {
      budget.recordCall();
    }
    assertThat(grants(budget, 10)).isEqualTo(5);

    time.advance(Duration.ofSeconds(5));
    for (int i = 0; i < 4; i++) {
      budget.recordCall();
    }
    // 14 calls and 5 retries in the window: 2 more.
    assertThat(grants(budget, 10)).isEqualTo(2);

    time.advance(Duration.ofSeconds(5));
    // The first slice (10 calls, 5 retries) left; 4 calls and 2 retries remain: none more.
    assertThat(grants(budget, 10)).isZero();

    time.advance(Duration.ofSeconds(5));
    // Everything left the window.
    for (int i = 0; i < 2; i++) {
      budget.recordCall();
    }
    assertThat(grants(budget, 10)).isEqualTo(1);
  }

  @Test
  void longIdle_clearsEverything() {
    RetryBudget budget = budget(0, 1, Duration.ofSeconds(1));
    assertThat(grants(budget, 5)).isEqualTo(1);

    time.advance(Duration.ofDays(3));

    assertThat(grants(budget, 5)).isEqualTo(1);
  }
}

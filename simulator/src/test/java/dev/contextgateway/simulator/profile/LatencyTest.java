package dev.contextgateway.simulator.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyTest {

  @Test
  void uniform_staysWithinItsBounds() {
    Latency latency = Latency.uniform(Duration.ofMillis(10), Duration.ofMillis(20));
    SplittableRandom random = new SplittableRandom(1);

    for (int i = 0; i < 10_000; i++) {
      assertThat(latency.sample(random)).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
    }
  }

  @Test
  void logNormal_neverExceedsItsCap() {
    Latency latency = Latency.logNormal(Duration.ofMillis(100), 2.0, Duration.ofMillis(300));
    SplittableRandom random = new SplittableRandom(1);

    for (int i = 0; i < 10_000; i++) {
      assertThat(latency.sample(random)).isBetween(Duration.ZERO, Duration.ofMillis(300));
    }
  }

  @Test
  void sameRandomStream_sameSamples() {
    Latency latency = Latency.logNormal(Duration.ofMillis(100), 0.5);

    assertThat(latency.sample(new SplittableRandom(5))).isEqualTo(latency.sample(new SplittableRandom(5)));
  }

  @Test
  void invalidSettings_nameTheSettingAndValue() {
    assertThatThrownBy(() -> Latency.fixed(Duration.ofMillis(-1)))
        .hasMessage("latency must not be negative, was PT-0.001S");
    assertThatThrownBy(() -> Latency.uniform(Duration.ofMillis(5), Duration.ofMillis(1)))
        .hasMessage("latency max must not be below min, was min=PT0.005S, max=PT0.001S");
    assertThatThrownBy(() -> Latency.logNormal(Duration.ofMillis(5), -1))
        .hasMessage("latency sigma must be a finite number >= 0, was -1.0");
  }
}

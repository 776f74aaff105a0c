package dev.contextgateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChecksTest {

  @Test
  void positive_returnsTheValue_andNamesTheSettingAndValueOtherwise() {
    assertThat(Checks.positive("ttl", Duration.ofMillis(1))).isEqualTo(Duration.ofMillis(1));
    assertThat(Checks.positive("n", 1L)).isEqualTo(1L);
    assertThat(Checks.positive("n", 1)).isEqualTo(1);
    assertThatThrownBy(() -> Checks.positive("ttl", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ttl must be positive, was PT0S");
    assertThatThrownBy(() -> Checks.positive("n", -3L)).hasMessage("n must be positive, was -3");
    assertThatThrownBy(() -> Checks.positive("n", 0)).hasMessage("n must be positive, was 0");
    assertThatThrownBy(() -> Checks.positive("ttl", (Duration) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("ttl");
  }

  @Test
  void notNegative_acceptsZero_andRefusesLessNamingSettingAndValue() {
    assertThat(Checks.notNegative("window", Duration.ZERO)).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> Checks.notNegative("window", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window must not be negative, was PT-1S");
  }
}

package dev.contextgateway.simulator.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "250ms, PT0.25S",
    "1.5s, PT1.5S",
    "2m, PT2M",
    "1h, PT1H",
    "1d, PT24H",
    "500us, PT0.0005S",
    "PT10S, PT10S",
    "150, PT0.15S"
  })
  void parse_acceptsUnitsIsoAndBareMilliseconds(String text, String iso) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @Test
  void format_isTheShortestExactNotation() {
    assertThat(Durations.format(Duration.ofSeconds(10))).isEqualTo("10s");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Durations.format(Duration.ofNanos(1))).isEqualTo("PT0.000000001S");
  }

  @Test
  void parse_rejectsGarbage() {
    assertThatThrownBy(() -> Durations.parse("ten seconds")).hasMessageContaining("not a duration");
  }
}

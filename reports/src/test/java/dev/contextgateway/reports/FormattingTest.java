package dev.contextgateway.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormattingTest {

  @Test
  void number_keepsAboutFourSignificantDigitsWithSeparators() {
    assertThat(Fmt.number(123_456_789.4)).isEqualTo("123,456,789");
    assertThat(Fmt.number(64)).isEqualTo("64");
    assertThat(Fmt.number(123.45)).isEqualTo("123.5");
    assertThat(Fmt.number(58.3333)).isEqualTo("58.33");
    assertThat(Fmt.number(1.58333)).isEqualTo("1.583");
    assertThat(Fmt.number(0.012345)).isEqualTo("0.01235");
    assertThat(Fmt.number(0)).isEqualTo("0.000");
    assertThat(Fmt.number(Double.NaN)).isEqualTo("–");
  }

  @Test
  void millisAndRatiosAndPercent_haveFixedDecimals() {
    assertThat(Fmt.nanosAsMillis(50_299_000)).isEqualTo("50.299");
    assertThat(Fmt.nanosAsMillis(1_999_634_000)).isEqualTo("1,999.634");
    assertThat(Fmt.ratio(0.7)).isEqualTo("0.70×");
    assertThat(Fmt.ratio(24)).isEqualTo("24.0×");
    assertThat(Fmt.ratio(1234)).isEqualTo("1,234×");
    assertThat(Fmt.percent(0.015)).isEqualTo("1.50 %");
    assertThat(Fmt.percentileLabel(99.9)).isEqualTo("p99.9");
    assertThat(Fmt.trim(2000.0)).isEqualTo("2000");
  }

  @Test
  void ticks_areRoundStepsCoveringTheMaximum() {
    assertThat(Axis.ticks(57.9, 6)).containsExactly(0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0);
    assertThat(Axis.ticks(0.13, 6)).containsExactly(0.0, 0.05, 0.1, 0.15);
    assertThat(Axis.ticks(180e6, 6)).containsExactly(0.0, 50e6, 100e6, 150e6, 200e6);
    assertThat(Axis.ticks(0, 6)).containsExactly(0.0, 1.0);
  }

  @Test
  void axisLabels_percentDecadesAndSiSuffixes() {
    assertThat(Axis.percentileDecade(0)).isEqualTo("0%");
    assertThat(Axis.percentileDecade(1)).isEqualTo("90%");
    assertThat(Axis.percentileDecade(2)).isEqualTo("99%");
    assertThat(Axis.percentileDecade(3)).isEqualTo("99.9%");
    assertThat(Axis.percentileDecade(5)).isEqualTo("99.999%");
    assertThat(Axis.si(50e6)).isEqualTo("50M");
    assertThat(Axis.si(1500)).isEqualTo("1.5k");
    assertThat(Axis.si(2.5e9)).isEqualTo("2.5G");
    assertThat(Axis.label(0.05)).isEqualTo("0.05");
    assertThat(Axis.label(2000)).isEqualTo("2,000");
  }
}

package dev.contextgateway.reports.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MachineInfoTest {

  @Test
  void current_datesTheRunByTheGivenClockToTheSecond() {
    Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00.750Z"), ZoneOffset.UTC);

    MachineInfo machine = MachineInfo.current(clock);

    assertThat(machine.date()).isEqualTo("2025-06-01T12:00:00Z");
    assertThat(machine.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(machine.jvmVersion()).isEqualTo(System.getProperty("java.runtime.version"));
  }

  @Test
  void date_withoutOffset_isRejectedNamingIt() {
    assertThatThrownBy(() -> new MachineInfo(2, "v", "17", "n", "Linux", "2025-06-01 12:00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("date must be an ISO-8601 date-time with offset")
        .hasMessageContaining("was '2025-06-01 12:00'");
  }

  @Test
  void cores_zero_isRejected() {
    assertThatThrownBy(() -> new MachineInfo(0, "v", "17", "n", "Linux", "2025-06-01T12:00:00Z"))
        .hasMessage("cores must be positive, was 0");
  }
}

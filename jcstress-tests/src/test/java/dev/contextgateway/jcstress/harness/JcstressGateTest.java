package dev.contextgateway.jcstress.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JcstressGateTest {
  private static final String CORE = "^dev\\.contextgateway\\.jcstress\\..*Test$";

  private static boolean selects(List<String> options, String test) {
    return Pattern.compile(options.get(options.indexOf("-t") + 1)).matcher(test).find();
  }

  @Test
  void narrowed_withoutOnly_keepsTheOptions() {
    List<String> options = List.of("-m", "quick", "-t", CORE);

    assertThat(JcstressGate.narrowed(options, "")).isEqualTo(options);
  }

  @Test
  void narrowed_selectsTestsMatchingBothPatterns() {
    List<String> options = JcstressGate.narrowed(List.of("-m", "quick", "-t", CORE), "ExactTypeStats");

    assertThat(options).startsWith("-m", "quick", "-t");
    assertThat(selects(options, "dev.contextgateway.jcstress.cache.ExactTypeStats.ContextCacheTest")).isTrue();
    assertThat(selects(options, "dev.contextgateway.jcstress.cache.ExactTypeStats.RacyTypeStatsBaseline")).isFalse();
    assertThat(selects(options, "dev.contextgateway.jcstress.cache.WaiterIsolation.ContextCacheTest")).isFalse();
  }

  @Test
  void narrowed_withoutSelection_selectsByOnly() {
    List<String> options = JcstressGate.narrowed(List.of("-m", "quick"), "WaiterIsolation");

    assertThat(options).containsExactly("-m", "quick", "-t", "WaiterIsolation");
  }
}

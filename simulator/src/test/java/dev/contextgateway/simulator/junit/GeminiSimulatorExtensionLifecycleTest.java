package dev.contextgateway.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.contextgateway.simulator.GeminiSimulator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Where the extension is registered decides the simulator's lifetime: a static field shares one
 * simulator across the class (and its nested classes), an instance field gives each test its own;
 * either way nothing is left running afterwards. The sample classes below run only through the
 * engine test kit (the build skips inner classes).
 */
class GeminiSimulatorExtensionLifecycleTest {
  static final List<GeminiSimulator> SEEN = new CopyOnWriteArrayList<>();

  @Test
  void staticField_oneSimulatorForTheClassAndItsNestedClasses_stoppedAfterwards() {
    SEEN.clear();

    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(StaticUse.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(3).succeeded(3));

    assertThat(SEEN).hasSize(3);
    assertThat(SEEN).allSatisfy(simulator -> assertThat(simulator).isSameAs(SEEN.get(0)));
    assertThat(SEEN.get(0).isRunning()).isFalse();
  }

  @Test
  void instanceField_aSimulatorPerTest_eachStoppedAfterItsTest() {
    SEEN.clear();

    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(InstanceUse.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2));

    assertThat(SEEN).hasSize(2);
    assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(1));
    assertThat(SEEN).noneMatch(GeminiSimulator::isRunning);
  }

  static class StaticUse {
    @RegisterExtension static final GeminiSimulatorExtension GEMINI = GeminiSimulatorExtension.create();

    @Test
    void one() {
      SEEN.add(GEMINI.simulator());
    }

    @Test
    void two() {
      SEEN.add(GEMINI.simulator());
    }

    @Nested
    class Inner {
      @Test
      void three() {
        assertThat(GEMINI.simulator().isRunning()).isTrue();
        SEEN.add(GEMINI.simulator());
      }
    }
  }

  static class InstanceUse {
    @RegisterExtension final GeminiSimulatorExtension gemini = GeminiSimulatorExtension.create();

    @Test
    void one() {
      assertThat(gemini.simulator().isRunning()).isTrue();
      SEEN.add(gemini.simulator());
    }

    @Test
    void two() {
      SEEN.add(gemini.simulator());
    }
  }
}

package dev.contextgateway.jcstress.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.jcstress.harness.Verdict.Expectation;
import dev.contextgateway.jcstress.harness.Verdict.Mark;
import dev.contextgateway.jcstress.harness.Verdict.Selected;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictTest {
  private static final int CPUS = 2;

  private static final Selected TEST = new Selected("p.Property.ContextCacheTest", 2);
  private static final Selected BASELINE = new Selected("p.Property.NaiveCacheBaseline", 2);

  private static TestRun clean(Selected test) {
    return TestRun.completed(test.name(), 1_000, Map.of());
  }

  private static TestRun forbidden(Selected test) {
    return TestRun.completed(test.name(), 1_000, Map.of("1, 2", 7L));
  }

  @Test
  void clean_noForbiddenOutcome_passes() {
    Verdict verdict =
        Verdict.judge(Expectation.CLEAN, List.of(TEST), Map.of(TEST.name(), clean(TEST)), CPUS);

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.lines()).extracting(Verdict.Line::mark).containsExactly(Mark.PASS);
  }

  @Test
  void clean_forbiddenOutcomeObserved_failsNamingIt() {
    Verdict verdict =
        Verdict.judge(Expectation.CLEAN, List.of(TEST), Map.of(TEST.name(), forbidden(TEST)), CPUS);

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.lines().get(0).reason()).contains("[1, 2] x7").contains("7 of 1000 samples");
  }

  @Test
  void forbidden_baselineShowsItsDefect_passes() {
    Verdict verdict =
        Verdict.judge(
            Expectation.FORBIDDEN, List.of(BASELINE), Map.of(BASELINE.name(), forbidden(BASELINE)), CPUS);

    assertThat(verdict.passed()).isTrue();
  }

  @Test
  void forbidden_baselineComesBackClean_fails() {
    Verdict verdict =
        Verdict.judge(
            Expectation.FORBIDDEN, List.of(BASELINE), Map.of(BASELINE.name(), clean(BASELINE)), CPUS);

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.lines().get(0).reason()).contains("came back clean after 1000 samples");
  }

  @Test
  void forbidden_oneOfTwoBaselinesClean_fails() {
    Selected other = new Selected("p.Other.ScanLruCacheBaseline", 2);

    Verdict verdict =
        Verdict.judge(
            Expectation.FORBIDDEN,
            List.of(BASELINE, other),
            Map.of(BASELINE.name(), forbidden(BASELINE), other.name(), clean(other)),
            CPUS);

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.lines()).extracting(Verdict.Line::mark).containsExactly(Mark.PASS, Mark.FAIL);
  }

  @Test
  void eitherExpectation_testThatErrored_fails() {
    TestRun crashed = TestRun.broken(BASELINE.name(), "TEST_ERROR: java.lang.IllegalStateException");

    for (Expectation expectation : Expectation.values()) {
      Verdict verdict =
          Verdict.judge(expectation, List.of(BASELINE), Map.of(BASELINE.name(), crashed), CPUS);

      assertThat(verdict.passed()).as(expectation.name()).isFalse();
      assertThat(verdict.lines().get(0).reason()).contains("TEST_ERROR");
    }
  }

  @Test
  void selectedTestWithoutResult_fails() {
    Verdict verdict = Verdict.judge(Expectation.CLEAN, List.of(TEST), Map.of(), CPUS);

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.lines().get(0).reason()).contains("no result");
  }

  @Test
  void testWithMoreActorsThanCpus_isSkippedNotFailed() {
    Selected threeActors = new Selected("p.Property.ThreeCallersContextCacheTest", 3);

    Verdict verdict =
        Verdict.judge(
            Expectation.CLEAN, List.of(TEST, threeActors), Map.of(TEST.name(), clean(TEST)), CPUS);

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.lines()).extracting(Verdict.Line::mark).containsExactly(Mark.PASS, Mark.SKIP);
  }

  @Test
  void everySelectedTestSkipped_fails() {
    Selected threeActors = new Selected("p.Property.ThreeCallersNaiveCacheBaseline", 3);

    Verdict verdict = Verdict.judge(Expectation.FORBIDDEN, List.of(threeActors), Map.of(), CPUS);

    assertThat(verdict.passed()).isFalse();
  }

  @Test
  void noTestSelected_fails() {
    assertThat(Verdict.judge(Expectation.CLEAN, List.of(), Map.of(), CPUS).passed()).isFalse();
    assertThat(Verdict.judge(Expectation.FORBIDDEN, List.of(), Map.of(), CPUS).passed()).isFalse();
  }
}

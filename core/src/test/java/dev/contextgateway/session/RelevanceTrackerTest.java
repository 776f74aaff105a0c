package dev.contextgateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.contextgateway.time.FakeTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RelevanceTrackerTest {
  private static final Path A = Path.of("src/A.java");
  private static final Path B = Path.of("src/B.java");
  private static final Path C = Path.of("src/C.java");

  private final FakeTime time = new FakeTime();
  private final RelevanceTracker tracker = tracker(RelevanceTracker.builder());

  private RelevanceTracker tracker(RelevanceTracker.Builder builder) {
    return builder.ticker(time).executor(Runnable::run).build();
  }

  @Test
  void boost_unknownSessionOrFile_isZero() {
    assertThat(tracker.boost("nobody", A)).isZero();
    tracker.recordOffered("s", "ctx-1", List.of(A));
    assertThat(tracker.boost("s", B)).isZero();
  }

  @Test
  void boost_usedFile_scoresMoreThanOfferedFile() {
    tracker.recordOffered("s", "ctx-1", List.of(A, B));
    tracker.recordUsed("s", "ctx-1", List.of(A));

    // One fresh use: 2.0 * 1 / (1 + 1); one fresh offer: 0.25 * 1 / (1 + 1).
    assertThat(tracker.boost("s", A)).isCloseTo(1.0 + 0.125, within(1e-9));
    assertThat(tracker.boost("s", B)).isCloseTo(0.125, within(1e-9));
  }

  @Test
  void boost_halvesTheCountersEveryHalfLife() {
    RelevanceTracker patient = tracker(RelevanceTracker.builder().idleExpiry(Duration.ofDays(2)));
    patient.recordUsed("s", "ctx-1", List.of(A));
    time.advance(Duration.ofMinutes(30));

    // u = 0.5 after one half-life: 2.0 * 0.5 / 1.5.
    assertThat(patient.boost("s", A)).isCloseTo(2.0 / 3, within(1e-9));
    time.advance(Duration.ofHours(24));
    assertThat(patient.boost("s", A)).isPositive().isLessThan(1e-6);
  }

  @Test
  void boost_saturatesBelowTheSumOfTheWeights() {
    for (int i = 0; i < 1_000; i++) {
      tracker.recordOffered("s", "ctx-" + i, List.of(A));
      tracker.recordUsed("s", "ctx-" + i, List.of(A));
    }

    assertThat(tracker.boost("s", A)).isLessThan(2.25).isGreaterThan(2.2);
  }

  @Test
  void repeatedReport_forTheSameContext_countsOnce() {
    tracker.recordOffered("s", "ctx-1", List.of(A, A));
    tracker.recordOffered("s", "ctx-1", List.of(A));
    tracker.recordUsed("s", "ctx-1", List.of(A));
    tracker.recordUsed("s", "ctx-1", List.of(A));
    tracker.recordUsed("s", "ctx-2", List.of(A));

    FileRelevance a = present(tracker.snapshot("s").orElseThrow().files().get(A));
    assertThat(a.timesOffered()).isEqualTo(1);
    assertThat(a.timesUsed()).isEqualTo(2);
  }

  @Test
  void snapshot_recordsFilesPerContext() {
    tracker.recordOffered("s", "ctx-1", List.of(A, B));
    tracker.recordUsed("s", "ctx-1", List.of(B, C));

    SessionSnapshot snapshot = tracker.snapshot("s").orElseThrow();
    assertThat(snapshot.sessionId()).isEqualTo("s");
    assertThat(snapshot.contexts()).containsOnlyKeys("ctx-1");
    assertThat(present(snapshot.contexts().get("ctx-1")).offered()).containsExactlyInAnyOrder(A, B);
    assertThat(present(snapshot.contexts().get("ctx-1")).used()).containsExactlyInAnyOrder(B, C);
    assertThat(snapshot.files()).containsOnlyKeys(A, B, C);
  }

  @Test
  void paths_areNormalized() {
    tracker.recordUsed("s", "ctx-1", List.of(Path.of("src/./x/../A.java")));

    assertThat(tracker.boost("s", A)).isPositive();
    assertThat(tracker.boost("s", Path.of("src/sub/../A.java"))).isPositive();
  }

  @Test
  void snapshot_isImmutable_laterUpdatesDoNotChangeIt() {
    tracker.recordUsed("s", "ctx-1", List.of(A));
    SessionSnapshot before = tracker.snapshot("s").orElseThrow();
    ToDoubleFunction<Path> boosts = tracker.boostFunction("s");

    tracker.recordUsed("s", "ctx-2", List.of(A, B));
    time.advance(Duration.ofHours(1));

    assertThat(before.files()).containsOnlyKeys(A);
    assertThat(present(before.files().get(A)).timesUsed()).isEqualTo(1);
    assertThat(before.boost(A)).isCloseTo(1.0, within(1e-9));
    assertThat(boosts.applyAsDouble(B)).isZero();
    assertThatThrownBy(() -> before.files().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> present(before.contexts().get("ctx-1")).used().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void idleSession_expires() {
    tracker.recordUsed("s", "ctx-1", List.of(A));
    time.advance(Duration.ofMinutes(29));
    assertThat(tracker.snapshot("s")).isPresent(); // a read is activity too

    time.advance(Duration.ofMinutes(30).plusNanos(1));
    tracker.cleanUp();

    assertThat(tracker.snapshot("s")).isEmpty();
    assertThat(tracker.sessionCount()).isZero();
  }

  @Test
  void sessions_areBounded() {
    RelevanceTracker small = tracker(RelevanceTracker.builder().maxSessions(5));

    for (int i = 0; i < 100; i++) {
      small.recordUsed("s" + i, "ctx", List.of(A));
    }
    small.cleanUp();

    assertThat(small.sessionCount()).isLessThanOrEqualTo(5);
  }

  @Test
  void filesPerSession_areBounded_theLeastRelevantGoesFirst() {
    RelevanceTracker small = tracker(RelevanceTracker.builder().maxFilesPerSession(2));

    small.recordUsed("s", "ctx-1", List.of(A));
    time.advance(Duration.ofMinutes(1));
    small.recordOffered("s", "ctx-2", List.of(B));
    time.advance(Duration.ofMinutes(1));
    small.recordOffered("s", "ctx-3", List.of(C));

    // B and C are merely offered, C more recently: B has the lowest boost and goes.
    assertThat(small.snapshot("s").orElseThrow().files()).containsOnlyKeys(A, C);
  }

  @Test
  void oneReport_countsAtMostTheFileCap() {
    RelevanceTracker small = tracker(RelevanceTracker.builder().maxFilesPerSession(3));
    List<Path> many = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      many.add(Path.of("f" + i));
    }

    small.recordOffered("s", "ctx", many);

    SessionSnapshot snapshot = small.snapshot("s").orElseThrow();
    assertThat(snapshot.files()).hasSize(3);
    assertThat(present(snapshot.contexts().get("ctx")).offered()).hasSize(3);
  }

  @Test
  void contextsPerSession_areBounded_theLeastRecentlyTouchedGoesFirst() {
    RelevanceTracker small = tracker(RelevanceTracker.builder().maxContextsPerSession(2));

    small.recordOffered("s", "ctx-1", List.of(A));
    small.recordOffered("s", "ctx-2", List.of(B));
    small.recordUsed("s", "ctx-1", List.of(A)); // touches ctx-1 again
    small.recordOffered("s", "ctx-3", List.of(C));

    assertThat(small.snapshot("s").orElseThrow().contexts()).containsOnlyKeys("ctx-1", "ctx-3");
  }

  @Test
  void forget_dropsTheSession() {
    tracker.recordUsed("s", "ctx-1", List.of(A));

    tracker.forget("s");

    assertThat(tracker.snapshot("s")).isEmpty();
    assertThat(tracker.boost("s", A)).isZero();
  }

  @Test
  void badArguments_failClearly() {
    assertThatThrownBy(() -> tracker.recordUsed("", "ctx", List.of(A)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sessionId must not be empty");
    assertThatThrownBy(() -> tracker.recordOffered("s", "", List.of(A)))
        .hasMessage("contextId must not be empty");
    List<Path> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> tracker.recordUsed("s", "ctx", withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("files must not contain null");
    assertThat(tracker.snapshot("s")).isEmpty();
  }

  @Test
  void builder_rejectsBadSettings_namingThem() {
    assertThatThrownBy(() -> RelevanceTracker.builder().maxSessions(0))
        .hasMessage("maxSessions must be positive, was 0");
    assertThatThrownBy(() -> RelevanceTracker.builder().maxFilesPerSession(-1))
        .hasMessage("maxFilesPerSession must be positive, was -1");
    assertThatThrownBy(() -> RelevanceTracker.builder().maxContextsPerSession(0))
        .hasMessage("maxContextsPerSession must be positive, was 0");
    assertThatThrownBy(() -> RelevanceTracker.builder().idleExpiry(Duration.ZERO))
        .hasMessage("idleExpiry must be positive, was PT0S");
    assertThatThrownBy(() -> RelevanceTracker.builder().halfLife(Duration.ofDays(-1)))
        .hasMessage("halfLife must be positive, was PT-24H");
    assertThatThrownBy(() -> RelevanceTracker.builder().usedWeight(Double.NaN))
        .hasMessage("usedWeight must be finite and >= 0, was NaN");
    assertThatThrownBy(() -> RelevanceTracker.builder().offeredWeight(-0.5))
        .hasMessage("offeredWeight must be finite and >= 0, was -0.5");
  }

  @Test
  void weights_areConfigurable() {
    RelevanceTracker custom =
        tracker(RelevanceTracker.builder().usedWeight(4).offeredWeight(0).halfLife(Duration.ofMinutes(1)));

    custom.recordOffered("s", "ctx", Set.of(A));
    custom.recordUsed("s", "ctx", Set.of(B));

    assertThat(custom.boost("s", A)).isZero();
    assertThat(custom.boost("s", B)).isCloseTo(2.0, within(1e-9));
  }

  /** The value, asserted present (map look-ups are nullable). */
  static <V> V present(@Nullable V value) {
    assertThat(value).as("present").isNotNull();
    return java.util.Objects.requireNonNull(value);
  }
}

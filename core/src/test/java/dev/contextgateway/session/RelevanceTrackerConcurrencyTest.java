package dev.contextgateway.session;

import static dev.contextgateway.session.RelevanceTrackerTest.present;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.time.FakeTime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Many threads update one session at once, lined up by a barrier before every round: no update
 * is lost (invariant I10). A lost update would show as a counter below the number of reports.
 */
class RelevanceTrackerConcurrencyTest {
  private static final int THREADS = 8;
  private static final int ROUNDS = 300;
  private static final Path SHARED = Path.of("Shared.java");

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void shutdown() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @RepeatedTest(3)
  void concurrentReports_onOneSession_loseNoUpdate() throws Exception {
    RelevanceTracker tracker =
        RelevanceTracker.builder()
            .ticker(new FakeTime())
            .executor(Runnable::run)
            .maxFilesPerSession(THREADS + 1)
            .maxContextsPerSession(THREADS * ROUNDS * 2)
            .build();
    CyclicBarrier barrier = new CyclicBarrier(THREADS);
    List<Future<?>> done = new ArrayList<>();

    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      Path own = Path.of("Own" + thread + ".java");
      done.add(
          pool.submit(
              () -> {
                for (int round = 0; round < ROUNDS; round++) {
                  barrier.await(10, TimeUnit.SECONDS);
                  String context = "ctx-" + thread + "-" + round;
                  tracker.recordOffered("session", context, List.of(SHARED, own));
                  tracker.recordUsed("session", context, List.of(SHARED));
                }
                return null;
              }));
    }
    for (Future<?> future : done) {
      future.get(60, TimeUnit.SECONDS);
    }

    SessionSnapshot snapshot = tracker.snapshot("session").orElseThrow();
    assertThat(present(snapshot.files().get(SHARED)).timesOffered()).isEqualTo(THREADS * ROUNDS);
    assertThat(present(snapshot.files().get(SHARED)).timesUsed()).isEqualTo(THREADS * ROUNDS);
    for (int t = 0; t < THREADS; t++) {
      assertThat(present(snapshot.files().get(Path.of("Own" + t + ".java"))).timesOffered()).isEqualTo(ROUNDS);
    }
    assertThat(snapshot.contexts()).hasSize(THREADS * ROUNDS);
  }
}

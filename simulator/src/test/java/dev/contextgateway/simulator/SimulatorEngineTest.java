package dev.contextgateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.contextgateway.simulator.profile.FaultKind;
import dev.contextgateway.simulator.profile.FaultProfile;
import dev.contextgateway.simulator.profile.Latency;
import dev.contextgateway.simulator.profile.Profile;
import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Decisions: fault mix by probability, reproducibility from the seed, journal order. */
class SimulatorEngineTest {
  private static final SimulatorEngine.Call CALL =
      new SimulatorEngine.Call(
          "POST", "/v1beta/models/m:generateContent", ApiMethod.GENERATE_CONTENT, "m", 10);

  private static final FaultProfile MIX =
      FaultProfile.builder("mix")
          .latency(Latency.logNormal(Duration.ofMillis(50), 0.5))
          .fault(0.30, FaultKind.UNAVAILABLE)
          .fault(0.10, FaultKind.CONNECTION_RESET)
          .build();

  private static SimulatorEngine engine(Profile profile, long seed) {
    return new SimulatorEngine(new FakeTime(), new RequestJournal(100_000), Duration.ofMinutes(1), profile, seed);
  }

  private static List<String> decide(SimulatorEngine engine, int count) {
    List<String> decisions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JournalEntry entry = engine.decide(CALL).entry();
      decisions.add(entry.outcome() + "/" + entry.delay().toNanos());
    }
    return decisions;
  }

  @Test
  void sameSeed_sameDecisions() {
    assertThat(decide(engine(MIX, 42), 500)).isEqualTo(decide(engine(MIX, 42), 500));
  }

  @Test
  void differentSeed_differentDecisions() {
    assertThat(decide(engine(MIX, 42), 100)).isNotEqualTo(decide(engine(MIX, 43), 100));
  }

  @Test
  void reset_replaysTheSameDecisions() {
    SimulatorEngine engine = engine(MIX, 42);
    List<String> first = decide(engine, 200);

    engine.reset();

    assertThat(decide(engine, 200)).isEqualTo(first);
  }

  @Test
  void activate_startsTheRandomStreamsOver_butKeepsSequenceNumbers() {
    SimulatorEngine engine = engine(MIX, 42);
    List<String> first = decide(engine, 50);

    engine.activate(MIX, 42);

    assertThat(decide(engine, 50)).isEqualTo(first);
    assertThat(engine.decide(CALL).entry().sequence()).isEqualTo(100);
  }

  @Test
  void faults_occurAtTheirProbabilities() {
    SimulatorEngine engine = engine(MIX, 1);
    int n = 20_000;

    Map<Outcome, Long> counts =
        decide(engine, n).stream()
            .collect(Collectors.groupingBy(d -> Outcome.valueOf(d.substring(0, d.indexOf('/'))), Collectors.counting()));

    assertThat(counts.getOrDefault(Outcome.UNAVAILABLE, 0L) / (double) n).isCloseTo(0.30, within(0.02));
    assertThat(counts.getOrDefault(Outcome.CONNECTION_RESET, 0L) / (double) n).isCloseTo(0.10, within(0.02));
    assertThat(counts.getOrDefault(Outcome.OK, 0L) / (double) n).isCloseTo(0.60, within(0.02));
  }

  @Test
  void logNormalLatency_hasItsMedian() {
    SimulatorEngine engine = engine(FaultProfile.builder("ln").latency(Latency.logNormal(Duration.ofMillis(50), 0.5)).build(), 3);
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 10_001; i++) {
      delays.add(engine.decide(CALL).entry().delay().toNanos());
    }
    delays.sort(null);

    assertThat(delays.get(5_000) / 1e6).isCloseTo(50, within(3.0));
  }

  @Test
  void concurrentDecisions_eachRequestNumberGetsItsOwnReproducibleFate() throws Exception {
    List<String> sequential = decide(engine(MIX, 9), 400);
    SimulatorEngine engine = engine(MIX, 9);
    Map<Long, String> bySequence = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      workers.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < 100; i++) {
                  JournalEntry entry = engine.decide(CALL).entry();
                  bySequence.put(entry.sequence(), entry.outcome() + "/" + entry.delay().toNanos());
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();

    List<String> concurrent = new ArrayList<>();
    for (long s = 0; s < 400; s++) {
      concurrent.add(bySequence.get(s));
    }
    assertThat(concurrent).isEqualTo(sequential);
    assertThat(engine.journal().entries()).extracting(JournalEntry::sequence).isSorted();
  }

  @Test
  void journal_keepsTheNewestEntriesAndExactCounts() {
    RequestJournal journal = new RequestJournal(10);
    SimulatorEngine engine = new SimulatorEngine(new FakeTime(), journal, Duration.ofMinutes(1), FaultProfile.builder("ok").build(), 0);
    for (int i = 0; i < 25; i++) {
      engine.decide(CALL);
    }

    assertThat(journal.entries()).hasSize(10);
    assertThat(journal.entries().get(0).sequence()).isEqualTo(15);
    assertThat(journal.total()).isEqualTo(25);
    assertThat(journal.count(Outcome.OK)).isEqualTo(25);
    assertThat(journal.dropped()).isEqualTo(15);
  }
}

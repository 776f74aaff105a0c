package dev.contextgateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.llm.RateLimitedException;
import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The rate limiter on fake time: the I8 bound, the shared pause, deadlines, FIFO, cancellation. */
class LimiterTest {
  private static final long MINUTE = Duration.ofMinutes(1).toNanos();
  private static final long FAR = Duration.ofHours(10).toNanos();

  private final FakeTime time = new FakeTime();
  private final PolicyFixture.RecordingListener events = new PolicyFixture.RecordingListener();

  private Limiter limiter(RateLimitSettings settings) {
    return new Limiter(settings, time, time, Runnable::run, events);
  }

  private static RateLimitSettings requests(long perMinute, long burst) {
    return RateLimitSettings.builder().requestsPerMinute(perMinute).requestBurst(burst).build();
  }

  private static RateLimitSettings tokens(long perMinute, long burst) {
    return RateLimitSettings.builder()
        .inputTokensPerMinute(perMinute)
        .inputTokenBurst(burst)
        .build();
  }

  /** One admission: when, and the charge it was admitted with. */
  private record Admission(long at, long charge) {}

  private Limiter.Ticket acquire(
      Limiter limiter, long charge, long deadline, Queue<Admission> log) {
    Limiter.Ticket ticket = limiter.acquire(charge, deadline);
    var unused = ticket.future.thenRun(() -> log.add(new Admission(time.read(), ticket.charge)));
    return ticket;
  }

  /**
   * I8: for every window between two admissions, the admitted requests and tokens stay within burst
   * + rate × window.
   */
  private static void assertWithinBounds(List<Admission> admissions, RateLimitSettings settings) {
    List<Admission> sorted = new ArrayList<>(admissions);
    sorted.sort(Comparator.comparingLong(Admission::at));
    for (int i = 0; i < sorted.size(); i++) {
      long count = 0;
      long charge = 0;
      for (int j = i; j < sorted.size(); j++) {
        count++;
        charge += sorted.get(j).charge();
        double window = (double) (sorted.get(j).at() - sorted.get(i).at()) / MINUTE;
        if (settings.requestsPerMinute() > 0) {
          assertThat((double) count)
              .as("requests admitted in [%d, %d]", sorted.get(i).at(), sorted.get(j).at())
              .isLessThanOrEqualTo(
                  settings.requestBurst() + settings.requestsPerMinute() * window + 1e-9);
        }
        if (settings.inputTokensPerMinute() > 0) {
          assertThat((double) charge)
              .as("tokens admitted in [%d, %d]", sorted.get(i).at(), sorted.get(j).at())
              .isLessThanOrEqualTo(
                  settings.inputTokenBurst() + settings.inputTokensPerMinute() * window + 1e-6);
        }
      }
    }
  }

  @Test
  void acquire_manyCallersWithPausesAndCancels_neverExceedRequestOrTokenBounds() {
    RateLimitSettings settings =
        RateLimitSettings.builder()
            .requestsPerMinute(30)
            .requestBurst(5)
            .inputTokensPerMinute(6_000)
            .inputTokenBurst(2_000)
            .build();
    Limiter limiter = limiter(settings);
    Random random = new Random(42);
    Queue<Admission> admissions = new ConcurrentLinkedQueue<>();
    List<Limiter.Ticket> tickets = new ArrayList<>();
    int cancelled = 0;

    for (int caller = 0; caller < 400; caller++) {
      time.advance(Duration.ofMillis(random.nextInt(3_000)));
      tickets.add(acquire(limiter, 1 + random.nextInt(2_500), time.read() + FAR, admissions));
      if (random.nextInt(40) == 0) {
        limiter.pause(Duration.ofMillis(random.nextInt(10_000)));
      }
      if (random.nextInt(20) == 0) {
        Limiter.Ticket victim = tickets.get(random.nextInt(tickets.size()));
        if (!victim.future.isDone()) {
          victim.cancel();
          cancelled++;
        }
      }
    }
    time.advance(Duration.ofHours(2));

    assertThat(tickets).allMatch(ticket -> ticket.future.isDone());
    assertThat(admissions).hasSize(400 - cancelled);
    assertWithinBounds(List.copyOf(admissions), settings);
    assertThat(time.pendingTasks()).isZero();
  }

  @Test
  void acquire_concurrentCallersAtOneInstant_neverExceedBounds() throws Exception {
    RateLimitSettings settings =
        RateLimitSettings.builder()
            .requestsPerMinute(120)
            .requestBurst(10)
            .inputTokensPerMinute(50_000)
            .inputTokenBurst(5_000)
            .build();
    Limiter limiter = limiter(settings);
    Queue<Admission> admissions = new ConcurrentLinkedQueue<>();
    int threads = 8;
    int perThread = 40;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> callers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long seed = t;
        callers.add(
            pool.submit(
                () -> {
                  Random random = new Random(seed);
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    acquire(limiter, 1 + random.nextInt(1_000), time.read() + FAR, admissions);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> caller : callers) {
        caller.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    time.advance(Duration.ofMinutes(10));

    assertThat(admissions).hasSize(threads * perThread);
    assertWithinBounds(List.copyOf(admissions), settings);
  }

  @Test
  void acquire_burstSpent_admitsAtRefillRate() {
    Limiter limiter = limiter(requests(60, 2));
    Queue<Admission> admissions = new ConcurrentLinkedQueue<>();
    long start = time.read();
    for (int i = 0; i < 4; i++) {
      acquire(limiter, 1, time.read() + FAR, admissions);
    }

    time.advance(Duration.ofSeconds(2));

    assertThat(admissions)
        .extracting(admission -> Duration.ofNanos(admission.at() - start))
        .containsExactly(
            Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(events.events)
        .containsExactly("waited PT0S", "waited PT0S", "waited PT1S", "waited PT2S");
  }

  @Test
  void pause_noAdmissionBeforeDelayPassed() {
    Limiter limiter = limiter(requests(1_000, 1_000));
    limiter.pause(Duration.ofSeconds(5));

    Limiter.Ticket ticket = limiter.acquire(1, time.read() + Duration.ofSeconds(10).toNanos());
    time.advance(Duration.ofMillis(4_999));
    assertThat(ticket.future).isNotDone();
    time.advance(Duration.ofMillis(1));

    assertThat(ticket.future).isCompleted();
    assertThat(events.events).containsSubsequence("pause PT5S", "waited PT5S");
    assertThat(time.pendingTasks()).isZero();
  }

  @Test
  void pause_withoutRateLimitSettings_stillHoldsEveryone() {
    Limiter limiter = new Limiter(null, time, time, Runnable::run, events);
    assertThat(limiter.acquire(1_000_000, time.read() + FAR).future).isCompleted();

    limiter.pause(Duration.ofMillis(1_500));
    Limiter.Ticket ticket = limiter.acquire(1, time.read() + FAR);
    time.advance(Duration.ofMillis(1_499));
    assertThat(ticket.future).isNotDone();
    time.advance(Duration.ofMillis(1));

    assertThat(ticket.future).isCompleted();
  }

  @Test
  void acquire_deadlineBeforePauseEnds_failsFastWithRateLimited() {
    Limiter limiter = limiter(requests(1_000, 1_000));
    limiter.pause(Duration.ofSeconds(5));

    Limiter.Ticket ticket = limiter.acquire(1, time.read() + Duration.ofSeconds(2).toNanos());

    assertThat(ticket.future).isCompletedExceptionally();
    RateLimitedException failure = rateLimited(ticket);
    assertThat(failure.retryDelay()).contains(Duration.ofSeconds(5));
    assertThat(failure.quotaId()).isEmpty();
    assertThat(events.rejections).containsExactly(Rejection.RATE_LIMITED);
    assertThat(time.pendingTasks()).isZero();
  }

  @Test
  void pause_queuedCallerWhoseDeadlineFallsInPause_failsAtOnce() {
    Limiter limiter = limiter(requests(1, 1));
    Limiter.Ticket first = limiter.acquire(1, time.read() + FAR);
    Limiter.Ticket waiting = limiter.acquire(1, time.read() + Duration.ofSeconds(100).toNanos());
    assertThat(first.future).isCompleted();
    assertThat(waiting.future).isNotDone();

    limiter.pause(Duration.ofMinutes(2));

    assertThat(rateLimited(waiting).retryDelay()).contains(Duration.ofMinutes(2));
  }

  @Test
  void acquire_tokenWaitBeyondDeadline_failsFastNamingTheWait() {
    Limiter limiter = limiter(tokens(600, 600)); // 10 tokens a second
    assertThat(limiter.acquire(600, time.read() + FAR).future).isCompleted();

    Limiter.Ticket ticket = limiter.acquire(300, time.read() + Duration.ofSeconds(10).toNanos());

    assertThat(rateLimited(ticket).retryDelay()).contains(Duration.ofSeconds(30));
    assertThat(time.pendingTasks()).isZero();
  }

  @Test
  void acquire_realWaitLongerThanItsLowerBound_failsAtDeadline() {
    // The bound max(pause, refill) misses that the bucket stops filling at its burst during a
    // long pause: C's bound is 120 s, its real wait 180 s.
    Limiter limiter = limiter(tokens(100, 100));
    assertThat(limiter.acquire(100, time.read() + FAR).future).isCompleted();
    limiter.pause(Duration.ofMinutes(2));
    Limiter.Ticket b = limiter.acquire(100, time.read() + FAR);
    Limiter.Ticket c = limiter.acquire(100, time.read() + Duration.ofSeconds(150).toNanos());

    time.advance(Duration.ofMinutes(2));
    assertThat(b.future).isCompleted();
    time.advance(Duration.ofMillis(29_999));
    assertThat(c.future).isNotDone();
    time.advance(Duration.ofMillis(1));

    assertThat(rateLimited(c)).isNotNull();
    assertThat(time.pendingTasks()).isZero();
  }

  @Test
  void acquire_smallChargeBehindLargeOne_waitsItsTurn() {
    Limiter limiter = limiter(tokens(100, 100));
    Queue<Admission> admissions = new ConcurrentLinkedQueue<>();
    long start = time.read();
    acquire(limiter, 100, time.read() + FAR, admissions);
    acquire(limiter, 100, time.read() + FAR, admissions);
    acquire(limiter, 1, time.read() + FAR, admissions);

    time.advance(Duration.ofSeconds(59));
    assertThat(admissions).hasSize(1);
    time.advance(Duration.ofSeconds(2));

    assertThat(admissions)
        .extracting(admission -> Duration.ofNanos(admission.at() - start))
        .containsExactly(Duration.ZERO, Duration.ofSeconds(60), Duration.ofMillis(60_600));
  }

  @Test
  void acquire_chargeAboveBurst_isCutToBurstAndAdmittedWhenFull() {
    Limiter limiter = limiter(tokens(60, 50));
    Limiter.Ticket huge = limiter.acquire(10_000, time.read() + FAR);

    assertThat(huge.charge).isEqualTo(50);
    assertThat(huge.future).isCompleted();
    Limiter.Ticket next = limiter.acquire(10_000, time.read() + FAR);
    time.advance(Duration.ofMillis(49_999));
    assertThat(next.future).isNotDone();
    time.advance(Duration.ofMillis(1));
    assertThat(next.future).isCompleted();
  }

  @Test
  void cancel_headOfQueue_nextWaiterMovesUpAndNoTaskIsLeft() {
    Limiter limiter = limiter(requests(1, 1));
    Queue<Admission> admissions = new ConcurrentLinkedQueue<>();
    long start = time.read();
    acquire(limiter, 1, time.read() + FAR, admissions);
    Limiter.Ticket b = acquire(limiter, 1, time.read() + FAR, admissions);
    Limiter.Ticket c = acquire(limiter, 1, time.read() + FAR, admissions);

    b.cancel();
    time.advance(Duration.ofSeconds(60));

    assertThat(b.future).isCancelled();
    assertThat(c.future).isCompleted();
    assertThat(admissions)
        .extracting(admission -> Duration.ofNanos(admission.at() - start))
        .containsExactly(Duration.ZERO, Duration.ofSeconds(60));
    assertThat(time.pendingTasks()).isZero();
  }

  @Test
  void cancel_everyWaiter_leavesNoScheduledTask() {
    Limiter limiter = limiter(requests(1, 1));
    assertThat(limiter.acquire(1, time.read() + FAR).future).isCompleted();
    List<Limiter.Ticket> waiting = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      waiting.add(limiter.acquire(1, time.read() + FAR));
    }
    assertThat(time.pendingTasks()).isGreaterThan(0);

    waiting.forEach(Limiter.Ticket::cancel);

    assertThat(time.pendingTasks()).isZero();
  }

  private static RateLimitedException rateLimited(Limiter.Ticket ticket) {
    assertThat(ticket.future).isCompletedExceptionally();
    Throwable failure = ticket.future.handle((value, error) -> error).join();
    assertThat(failure).isInstanceOf(RateLimitedException.class);
    return (RateLimitedException) Objects.requireNonNull(failure);
  }
}

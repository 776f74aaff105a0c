package dev.contextgateway.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GuardedSchedulerTest {
  private static final Executor REJECTING =
      task -> {
        throw new RejectedExecutionException("saturated");
      };
  private static final Executor UNABLE_TO_START_THREAD =
      task -> {
        throw new OutOfMemoryError("unable to create native thread");
      };

  private final FakeTime time = new FakeTime();
  private final Scheduler guarded = Scheduler.guarded(time);

  @Test
  void dueTask_executorRejects_runsInlineOnTheSchedulersThread() {
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    guarded.schedule(REJECTING, () -> ranOn.set(Thread.currentThread()), Duration.ofSeconds(1));

    time.advance(Duration.ofSeconds(1));

    assertThat(ranOn.get()).isSameAs(Thread.currentThread());
  }

  @Test
  void dueTask_executorThrowsAnError_runsInline() {
    AtomicInteger runs = new AtomicInteger();
    guarded.schedule(UNABLE_TO_START_THREAD, runs::incrementAndGet, Duration.ofMillis(5));

    time.advanceMillis(5);

    assertThat(runs).hasValue(1);
  }

  @Test
  void unguardedScheduler_executorRejects_losesTheTask() {
    // The defect the guard exists for: the refusal escapes into the timer and the task never runs.
    AtomicInteger runs = new AtomicInteger();
    time.schedule(REJECTING, runs::incrementAndGet, Duration.ofMillis(5));

    assertThatThrownBy(() -> time.advanceMillis(5)).isInstanceOf(RejectedExecutionException.class);
    assertThat(runs).hasValue(0);
  }

  @Test
  void inlineTaskThatThrows_doesNotStopLaterTasks() {
    AtomicInteger later = new AtomicInteger();
    guarded.schedule(
        REJECTING,
        () -> {
          throw new IllegalStateException("task failed");
        },
        Duration.ofMillis(1));
    guarded.schedule(REJECTING, later::incrementAndGet, Duration.ofMillis(2));

    time.advanceMillis(2);

    assertThat(later).hasValue(1);
  }

  @Test
  void delegateRefuses_throwsRejectedWithTheCause() {
    Scheduler refusing =
        Scheduler.guarded(
            (executor, task, delay) -> {
              throw new OutOfMemoryError("no timer");
            });

    assertThatThrownBy(() -> refusing.schedule(Runnable::run, () -> {}, Duration.ZERO))
        .isInstanceOf(RejectedExecutionException.class)
        .hasCauseInstanceOf(OutOfMemoryError.class);
  }

  @Test
  void delegateReturnsNoHandle_throwsRejected() {
    Scheduler broken = Scheduler.guarded((executor, task, delay) -> null);

    assertThatThrownBy(() -> broken.schedule(Runnable::run, () -> {}, Duration.ZERO))
        .isInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void delays_outsideNanosecondRange_areClampedInsteadOfOverflowing() {
    AtomicInteger never = new AtomicInteger();
    guarded.schedule(Runnable::run, never::incrementAndGet, Duration.ofSeconds(Long.MAX_VALUE));
    AtomicInteger dueNow = new AtomicInteger();
    guarded.schedule(Runnable::run, dueNow::incrementAndGet, Duration.ofSeconds(-5));

    time.advance(Duration.ofDays(36_500));

    assertThat(dueNow).hasValue(1);
    assertThat(never).hasValue(0);
    assertThat(time.pendingTasks()).isEqualTo(1);
  }

  @Test
  void guardingTwice_returnsTheSameGuard() {
    assertThat(Scheduler.guarded(guarded)).isSameAs(guarded);
    assertThat(Scheduler.guarded(Scheduler.system())).isSameAs(Scheduler.system());
  }

  @Test
  void cancelledHandle_taskDoesNotRun() {
    AtomicInteger runs = new AtomicInteger();
    guarded.schedule(Runnable::run, runs::incrementAndGet, Duration.ofMillis(1)).cancel(false);

    time.advanceMillis(1);

    assertThat(runs).hasValue(0);
  }

  @Test
  void systemScheduler_executorRejects_taskStillRuns() throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);
    Scheduler.system().schedule(UNABLE_TO_START_THREAD, ran::countDown, Duration.ZERO);

    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void serviceScheduler_executorRejects_taskStillRuns() throws InterruptedException {
    ScheduledExecutorService service = Executors.newSingleThreadScheduledExecutor();
    try {
      CountDownLatch ran = new CountDownLatch(1);
      Scheduler.of(service).schedule(REJECTING, ran::countDown, Duration.ZERO);

      assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      service.shutdownNow();
    }
  }

  @Test
  void serviceScheduler_serviceShutDown_throwsRejected() {
    ScheduledExecutorService service = Executors.newSingleThreadScheduledExecutor();
    service.shutdownNow();

    assertThatThrownBy(() -> Scheduler.of(service).schedule(Runnable::run, () -> {}, Duration.ZERO))
        .isInstanceOf(RejectedExecutionException.class);
  }
}

package dev.contextgateway.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DebouncerTest {
  private final FakeTime time = new FakeTime();
  private final AtomicInteger actions = new AtomicInteger();
  private final Debouncer debouncer =
      new Debouncer(
          time, time, Runnable::run, Duration.ofMillis(100), Duration.ofMillis(500), actions::incrementAndGet);

  @Test
  void signal_actsOnceAfterTheQuietPeriod() {
    debouncer.signal();

    time.advanceMillis(99);
    assertThat(actions).hasValue(0);
    time.advanceMillis(1);
    assertThat(actions).hasValue(1);
    time.advanceMillis(1_000);
    assertThat(actions).hasValue(1);
    assertThat(debouncer.isPending()).isFalse();
  }

  @Test
  void burst_actsOnceAfterTheLastSignalsQuietPeriod() {
    debouncer.signal();
    time.advanceMillis(60);
    debouncer.signal();
    time.advanceMillis(60);
    debouncer.signal();

    time.advanceMillis(99);
    assertThat(actions).hasValue(0);
    time.advanceMillis(1);
    assertThat(actions).hasValue(1);
    assertThat(time.pendingTasks()).isZero();
  }

  @Test
  void endlessBurst_actsOncePerMaxDelay() {
    // A signal every 50 ms never leaves the 100 ms pause; the maximum delay of 500 ms forces an
    // action 500 ms after each burst's first signal: at 500 ms and at 1000 ms.
    for (int i = 0; i < 10; i++) {
      debouncer.signal();
      time.advanceMillis(50);
    }
    assertThat(actions).hasValue(1);
    for (int i = 0; i < 10; i++) {
      debouncer.signal();
      time.advanceMillis(50);
    }
    assertThat(actions).hasValue(2);

    time.advanceMillis(1_000);
    assertThat(actions).hasValue(2);
  }

  @Test
  void signalAfterAction_startsANewQuietPeriod() {
    debouncer.signal();
    time.advanceMillis(100);
    debouncer.signal();
    time.advanceMillis(100);

    assertThat(actions).hasValue(2);
  }

  @Test
  void cancel_dropsThePendingAction() {
    debouncer.signal();
    debouncer.cancel();
    time.advanceMillis(1_000);

    assertThat(actions).hasValue(0);
    assertThat(time.pendingTasks()).isZero();
  }

  @Test
  void timerOfACancelledBurst_doesNotActForTheNextBurst() {
    // A scheduler whose cancel does nothing: the old timer still fires.
    FakeTime lateCancel = new FakeTime();
    Debouncer stubborn =
        new Debouncer(
            lateCancel,
            (executor, task, delay) -> {
              var unused = lateCancel.schedule(executor, task, delay);
              return new java.util.concurrent.CompletableFuture<Void>(); // cancel has no effect
            },
            Runnable::run,
            Duration.ofMillis(100),
            Duration.ofMillis(500),
            actions::incrementAndGet);
    stubborn.signal();
    lateCancel.advanceMillis(50);
    stubborn.cancel();
    stubborn.signal(); // the new burst's quiet period ends at 150 ms

    lateCancel.advanceMillis(50); // the old timer fires at 100 ms
    assertThat(actions).hasValue(0);
    lateCancel.advanceMillis(50);
    assertThat(actions).hasValue(1);
  }

  @Test
  void close_ignoresLaterSignals() {
    debouncer.close();
    debouncer.signal();
    time.advanceMillis(1_000);

    assertThat(actions).hasValue(0);
  }
}

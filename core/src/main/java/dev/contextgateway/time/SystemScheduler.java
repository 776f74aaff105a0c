package dev.contextgateway.time;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The shared timer behind {@link Scheduler#system()}. */
enum SystemScheduler implements Scheduler {
  INSTANCE;

  /** What {@link Scheduler#system()} hands out: the shared timer behind the guard. */
  static final Scheduler GUARDED = new GuardedScheduler(INSTANCE);

  @Override
  public Future<?> schedule(Executor executor, Runnable task, Duration delay) {
    return Timer.SERVICE.schedule(() -> executor.execute(task), delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Lazy holder: the thread starts on the first scheduled task, not when the class loads. */
  private static final class Timer {
    static final ScheduledThreadPoolExecutor SERVICE = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor service =
          new ScheduledThreadPoolExecutor(
              1,
              runnable -> {
                Thread thread = new Thread(runnable, "context-gateway-timer");
                thread.setDaemon(true);
                return thread;
              });
      // Cancelled timeouts are the common case (the work finished first): drop them at once
      // instead of holding their tasks until the delay would have passed.
      service.setRemoveOnCancelPolicy(true);
      return service;
    }
  }
}

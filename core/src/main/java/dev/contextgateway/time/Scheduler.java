package dev.contextgateway.time;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task once after a delay. Used for deadlines and generation timeouts; injected so that
 * tests fire delayed tasks by advancing fake time.
 *
 * <p>Implementations must be thread-safe. The delay is measured on the same time line as the
 * {@link Ticker} the component was given; a scheduler and a ticker that disagree give
 * inconsistent timeouts.
 */
@FunctionalInterface
public interface Scheduler {

  /**
   * Arranges for {@code task} to be handed to {@code executor} once {@code delay} has passed.
   *
   * @return a handle whose {@link Future#cancel(boolean) cancel} prevents the task from being
   *     handed over if it has not been yet
   */
  Future<?> schedule(Executor executor, Runnable task, Duration delay);

  /**
   * A scheduler backed by one shared daemon timer thread that only hands tasks over to their
   * executors. Like {@link java.util.concurrent.ForkJoinPool#commonPool()}, it holds no
   * configuration: it is a service, created on first use and never shut down.
   */
  static Scheduler system() {
    return SystemScheduler.GUARDED;
  }

  /**
   * A scheduler backed by the given service, which stays owned by the caller (closing a component
   * that uses it does not shut it down).
   */
  static Scheduler of(ScheduledExecutorService service) {
    Objects.requireNonNull(service, "service");
    return guarded(
        (executor, task, delay) ->
            service.schedule(() -> executor.execute(task), delay.toNanos(), TimeUnit.NANOSECONDS));
  }

  /**
   * Wraps {@code scheduler} so that no task it accepted is lost. Every component applies it to the
   * scheduler it is given; applying it twice returns the same guard.
   *
   * <ul>
   *   <li>When the task falls due and its executor refuses it ({@code execute} throws a
   *       {@link java.util.concurrent.RejectedExecutionException}, or any {@code Throwable},
   *       {@code Error}s included), the task runs inline on the scheduler's thread instead.
   *   <li>When {@code scheduler} itself refuses ({@code schedule} throws anything, or returns no
   *       handle), the guard throws {@link java.util.concurrent.RejectedExecutionException}: the
   *       refusal itself when it is one, else one with the refusal as its cause. The task will not run, and the caller must settle the work it
   *       owns (fail it, release what it holds).
   *   <li>A negative delay is taken as zero and one longer than {@code Long.MAX_VALUE}
   *       nanoseconds as that long, instead of overflowing.
   * </ul>
   */
  static Scheduler guarded(Scheduler scheduler) {
    Objects.requireNonNull(scheduler, "scheduler");
    return scheduler instanceof GuardedScheduler ? scheduler : new GuardedScheduler(scheduler);
  }
}

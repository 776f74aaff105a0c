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
    return SystemScheduler.INSTANCE;
  }

  /**
   * A scheduler backed by the given service, which stays owned by the caller (closing a component
   * that uses it does not shut it down).
   */
  static Scheduler of(ScheduledExecutorService service) {
    Objects.requireNonNull(service, "service");
    return (executor, task, delay) ->
        service.schedule(() -> executor.execute(task), delay.toNanos(), TimeUnit.NANOSECONDS);
  }
}

package dev.contextgateway.time;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Scheduler} that never loses a task it accepted, whatever its delegate or the task's
 * executor do. See {@link Scheduler#guarded(Scheduler)} for the contract.
 *
 * <p>Implementation notes: the delegate is asked to run the hand-over on its own thread (a direct
 * executor), and the hand-over catches every {@code Throwable} from {@code executor.execute}: a
 * {@link RejectedExecutionException} from a saturated or shut-down pool, or an {@code Error} such
 * as {@code OutOfMemoryError: unable to create native thread} from a pool that cannot start a
 * thread. In that case the task runs inline on the scheduler's thread, so a deadline still fires.
 * A task that throws when run inline is logged; it never kills the scheduler's thread.
 */
final class GuardedScheduler implements Scheduler {
  private static final Logger LOG = LoggerFactory.getLogger(GuardedScheduler.class);
  private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

  private final Scheduler delegate;

  GuardedScheduler(Scheduler delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public Future<?> schedule(Executor executor, Runnable task, Duration delay) {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(delay, "delay");
    Future<?> handle;
    try {
      handle = delegate.schedule(Runnable::run, () -> handOver(executor, task), clamp(delay));
    } catch (RejectedExecutionException refused) {
      throw refused;
    } catch (Throwable refused) {
      throw new RejectedExecutionException("the scheduler refused a task: " + refused, refused);
    }
    if (handle == null) {
      throw new RejectedExecutionException("the scheduler returned no handle for a task");
    }
    return handle;
  }

  /** Saturates delays a nanosecond count cannot hold, and treats negative ones as due now. */
  static Duration clamp(Duration delay) {
    if (delay.isNegative()) {
      return Duration.ZERO;
    }
    return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
  }

  static void handOver(Executor executor, Runnable task) {
    try {
      executor.execute(task);
    } catch (Throwable refused) {
      runInline(task, refused);
    }
  }

  private static void runInline(Runnable task, Throwable refused) {
    LOG.debug("executor refused a timed task ({}); running it on the scheduler's thread", refused.toString());
    try {
      task.run();
    } catch (Throwable failed) {
      LOG.warn("a timed task failed on the scheduler's thread", failed);
    }
  }

  @Override
  public String toString() {
    return "Scheduler.guarded(" + delegate + ")";
  }
}

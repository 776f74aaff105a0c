package dev.contextgateway.workspace;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.contextgateway.time.Scheduler;
import dev.contextgateway.time.Ticker;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a burst of signals into one action: the action runs once no signal has come for the quiet
 * period, or once the burst has lasted the maximum delay, whichever is first (so a never-ending
 * stream of changes still acts at least once per maximum delay).
 *
 * <h2>Implementation notes</h2>
 *
 * One timer at a time. A signal while a timer is pending only moves {@code lastSignal}; when the
 * timer fires it either acts or, if the burst is still going, schedules itself again for the
 * earlier of the quiet end and the maximum delay. Each timer carries the generation it was
 * scheduled in, so a timer that fires after {@link #cancel()} (a lost race with {@code
 * Future.cancel}) finds a newer generation and does nothing. The action runs outside the lock.
 *
 * <p>Thread-safe; signals, timers and cancels may come from any thread.
 */
final class Debouncer {
  private static final Logger log = LoggerFactory.getLogger(Debouncer.class);

  private final Ticker ticker;
  private final Scheduler scheduler;
  private final Executor executor;
  private final long quietNanos;
  private final long maxDelayNanos;
  private final Runnable action;

  @GuardedBy("this")
  private boolean pending;

  @GuardedBy("this")
  private long generation;

  @GuardedBy("this")
  private long firstSignal;

  @GuardedBy("this")
  private long lastSignal;

  @GuardedBy("this")
  private @Nullable Future<?> timer;

  @GuardedBy("this")
  private boolean closed;

  Debouncer(
      Ticker ticker,
      Scheduler scheduler,
      Executor executor,
      Duration quietPeriod,
      Duration maxDelay,
      Runnable action) {
    this.ticker = ticker;
    this.scheduler = scheduler;
    this.executor = executor;
    this.quietNanos = quietPeriod.toNanos();
    this.maxDelayNanos = maxDelay.toNanos();
    this.action = action;
  }

  /**
   * Notes a change; starts the quiet period if none is pending.
   *
   * @throws RuntimeException if the scheduler rejects the timer (nothing is then pending)
   */
  void signal() {
    long now = ticker.read();
    synchronized (this) {
      if (closed) {
        return;
      }
      lastSignal = now;
      if (!pending) {
        long scheduled = ++generation;
        timer = scheduler.schedule(executor, () -> onTimer(scheduled), Duration.ofNanos(quietNanos));
        firstSignal = now;
        pending = true;
      }
    }
  }

  /** Drops the pending action, if any. */
  synchronized void cancel() {
    generation++;
    pending = false;
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  /** Drops the pending action and ignores later signals. */
  synchronized void close() {
    closed = true;
    cancel();
  }

  /** Whether an action is pending. */
  synchronized boolean isPending() {
    return pending;
  }

  private void onTimer(long scheduledGeneration) {
    long now = ticker.read();
    synchronized (this) {
      if (closed || !pending || scheduledGeneration != generation) {
        return;
      }
      long due = Math.min(lastSignal + quietNanos, firstSignal + maxDelayNanos);
      long wait = due - now;
      if (wait > 0) {
        try {
          timer = scheduler.schedule(executor, () -> onTimer(scheduledGeneration), Duration.ofNanos(wait));
          return;
        } catch (RuntimeException e) {
          log.warn("Could not schedule the debounce timer; acting now", e);
        }
      }
      pending = false;
      timer = null;
    }
    action.run();
  }
}

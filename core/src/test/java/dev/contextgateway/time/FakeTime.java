package dev.contextgateway.time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fake time for tests: a {@link Ticker} that moves only when told to, and a {@link Scheduler}
 * whose tasks fire when the time is advanced past their due time, in due order.
 *
 * <p>Thread-safe. Tasks are handed to their executors on the thread that calls {@link #advance},
 * outside this object's lock, so a task may schedule more tasks or advance time itself.
 */
public final class FakeTime implements Ticker, Scheduler {
  private final AtomicLong nanos;
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private long sequence;

  /** Fake time starting at an arbitrary non-zero reading, as real tickers do. */
  public FakeTime() {
    this(1_000_000_000L);
  }

  public FakeTime(long startNanos) {
    this.nanos = new AtomicLong(startNanos);
  }

  @Override
  public long read() {
    return nanos.get();
  }

  @Override
  public Future<?> schedule(Executor executor, Runnable task, Duration delay) {
    synchronized (this) {
      long now = nanos.get();
      long delayNanos = delay.isNegative() ? 0 : Math.min(delay.toNanos(), Long.MAX_VALUE - now);
      Task scheduled = new Task(now + delayNanos, sequence++, executor, task);
      tasks.add(scheduled);
      return scheduled.handle;
    }
  }

  /** Moves time forward by {@code duration}, firing every task that falls due on the way. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("time only moves forward, was " + duration);
    }
    long target = nanos.get() + duration.toNanos();
    while (true) {
      Task due;
      synchronized (this) {
        Task next = tasks.peek();
        if (next == null || next.dueAt > target) {
          break;
        }
        due = tasks.poll();
        nanos.accumulateAndGet(due.dueAt, Math::max);
      }
      due.fire();
    }
    nanos.accumulateAndGet(target, Math::max);
  }

  /** Moves time forward by {@code millis} milliseconds. */
  public void advanceMillis(long millis) {
    advance(Duration.ofMillis(millis));
  }

  /** Tasks scheduled and neither fired nor cancelled. */
  public synchronized int pendingTasks() {
    tasks.removeIf(task -> task.handle.isCancelled());
    return tasks.size();
  }

  /** Due times (as delays from now) of the pending tasks, earliest first. */
  public synchronized List<Duration> pendingDelays() {
    List<Duration> delays = new ArrayList<>();
    tasks.stream()
        .filter(task -> !task.handle.isCancelled())
        .sorted()
        .forEach(task -> delays.add(Duration.ofNanos(task.dueAt - nanos.get())));
    return delays;
  }

  private static final class Task implements Comparable<Task> {
    final long dueAt;
    final long sequence;
    final Executor executor;
    final Runnable task;
    final CompletableFuture<Void> handle = new CompletableFuture<>();

    Task(long dueAt, long sequence, Executor executor, Runnable task) {
      this.dueAt = dueAt;
      this.sequence = sequence;
      this.executor = executor;
      this.task = task;
    }

    void fire() {
      if (handle.complete(null)) {
        executor.execute(task);
      }
    }

    @Override
    public int compareTo(Task other) {
      int byTime = Long.compare(dueAt, other.dueAt);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }
}

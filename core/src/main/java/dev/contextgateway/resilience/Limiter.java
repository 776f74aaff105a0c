package dev.contextgateway.resilience;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.contextgateway.llm.RateLimitedException;
import dev.contextgateway.time.Scheduler;
import dev.contextgateway.time.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.SynchronizationStrategy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * The rate limiter of a policy: Bucket4j token buckets for requests and estimated input tokens per
 * minute, plus a pause shared by all callers after a 429 with a retry delay. Callers wait in
 * arrival order without holding a thread; see {@link RateLimitSettings} for the guarantee.
 *
 * <h2>Implementation notes</h2>
 *
 * <p><b>Admission takes tokens now.</b> A call is admitted only by taking its tokens from both
 * buckets at once, under {@code lock}, at the instant it is admitted ({@code tryConsume}, never a
 * reservation into debt). The admitted calls, at their admission times, are therefore exactly a
 * sequence each bucket allows, and I8 holds by construction. Reservations would not do: Bucket4j
 * charges a reservation at the time it is made, and a call that reserved in both buckets goes at
 * the later of its two times (or after a pause that began meanwhile), so the bucket that was
 * charged early would see calls go later, and bunch up, beyond what it accounted for.
 *
 * <p><b>Queue.</b> Callers that cannot go at once wait in a FIFO queue; newcomers never overtake
 * it. A single drain task is kept scheduled for the time the head can go (the pause end, or
 * Bucket4j's estimate of the refill); it admits the head and every following waiter that fits, and
 * schedules itself again. Invariant: whenever the queue is non-empty, a drain task is pending.
 *
 * <p><b>Deadlines.</b> A caller fails fast, without queueing, when a lower bound of its wait
 * already reaches its deadline: the pause left, and per bucket the refill time of its own tokens
 * plus those of everyone queued ahead. A queued caller also has a timer that fails it at its
 * deadline if it is still waiting (the bound is a bound: two buckets can make the real wait
 * longer).
 *
 * <p><b>Concurrency.</b> {@code lock} guards the buckets, the queue, the pause and the drain timer.
 * Futures are completed and listeners called outside it. Tasks are scheduled while holding it, so
 * the lock order is: this lock, then the scheduler's own; scheduled tasks never run under the lock.
 * A waiter whose future completes (cancelled, expired) while a drain is admitting it may have taken
 * tokens it does not use; that only ever admits less, never more.
 */
final class Limiter {
  private static final double NANOS_PER_MINUTE = 60e9;

  private final Object lock = new Object();

  @GuardedBy("lock")
  private final @Nullable Bucket requests;

  @GuardedBy("lock")
  private final @Nullable Bucket tokens;

  private final long requestsPerMinute;
  private final long inputTokensPerMinute;
  private final long inputTokenBurst;

  @GuardedBy("lock")
  private final ArrayDeque<Ticket> queue = new ArrayDeque<>();

  /** The sum of the charges of the queued tickets. */
  @GuardedBy("lock")
  private long queuedCharge;

  /** No call is admitted before this ticker reading. */
  @GuardedBy("lock")
  private long pausedUntil;

  @GuardedBy("lock")
  private @Nullable Future<?> drainTimer;

  private final Ticker ticker;
  private final Scheduler scheduler;
  private final Executor executor;
  private final ResilienceListener listener;

  Limiter(
      @Nullable RateLimitSettings settings,
      Ticker ticker,
      Scheduler scheduler,
      Executor executor,
      ResilienceListener listener) {
    this.ticker = ticker;
    this.scheduler = scheduler;
    this.executor = executor;
    this.listener = listener;
    long origin = ticker.read();
    TimeMeter time = new TickerTimeMeter(ticker, origin);
    this.pausedUntil = origin;
    this.requestsPerMinute = settings == null ? 0 : settings.requestsPerMinute();
    this.inputTokensPerMinute = settings == null ? 0 : settings.inputTokensPerMinute();
    this.inputTokenBurst = settings == null ? 0 : settings.inputTokenBurst();
    this.requests =
        requestsPerMinute == 0 || settings == null
            ? null
            : bucket(settings.requestBurst(), requestsPerMinute, time);
    this.tokens =
        inputTokensPerMinute == 0 || settings == null
            ? null
            : bucket(inputTokenBurst, inputTokensPerMinute, time);
  }

  private static Bucket bucket(long burst, long perMinute, TimeMeter time) {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)))
        .withCustomTimePrecision(time)
        // Every use is under the limiter's lock.
        .withSynchronizationStrategy(SynchronizationStrategy.NONE)
        .build();
  }

  /**
   * Asks to admit a call charged {@code inputTokens} (cut to the token burst) that must start
   * before {@code deadline}. The ticket's future completes when the call may go, or fails with
   * {@link RateLimitedException} when it cannot go before its deadline.
   */
  Ticket acquire(long inputTokens, long deadline) {
    long charge =
        inputTokensPerMinute == 0 ? 0 : Math.min(Math.max(1, inputTokens), inputTokenBurst);
    long now = ticker.read();
    Ticket ticket = new Ticket(charge, deadline, now);
    boolean admitted = false;
    boolean queued = false;
    boolean head = false;
    long leastWait = 0;
    synchronized (lock) {
      if (queue.isEmpty() && pausedUntil - now <= 0 && tryTakeLocked(charge)) {
        admitted = true;
      } else {
        leastWait = leastWaitLocked(now, charge);
        if (leastWait < deadline - now) {
          head = queue.isEmpty();
          queue.addLast(ticket);
          queuedCharge += charge;
          queued = true;
        }
      }
    }
    if (admitted) {
      ticket.admit(now);
      return ticket;
    }
    if (!queued) {
      ticket.reject(leastWait, deadline - now);
      return ticket;
    }
    if (head) {
      drain();
    }
    Future<?> timer =
        scheduler.schedule(executor, () -> expire(ticket), Duration.ofNanos(deadline - now));
    ticket.arm(timer);
    return ticket;
  }

  /**
   * Pauses admission for {@code delay} from now (or keeps a longer pause already set). Queued
   * callers whose deadline falls within the pause fail at once.
   */
  void pause(Duration delay) {
    if (delay.isNegative() || delay.isZero()) {
      return;
    }
    long now = ticker.read();
    long until = now + Math.min(delay.toNanos(), Long.MAX_VALUE >> 2);
    List<Ticket> doomed = new ArrayList<>();
    boolean longer;
    synchronized (lock) {
      longer = until - pausedUntil > 0;
      if (longer) {
        pausedUntil = until;
        for (Iterator<Ticket> waiting = queue.iterator(); waiting.hasNext(); ) {
          Ticket ticket = waiting.next();
          if (ticket.deadline - until <= 0) {
            waiting.remove();
            queuedCharge -= ticket.charge;
            doomed.add(ticket);
          }
        }
      }
      // A pending drain task remains (its head was removed or not); when it fires it sees the
      // pause and reschedules itself for the pause end.
    }
    if (longer) {
      listener.onPause(delay);
    }
    for (Ticket ticket : doomed) {
      ticket.reject(until - now, ticket.deadline - now);
    }
  }

  /** Admits every waiter that can go now, in order, and schedules itself for the next one. */
  private void drain() {
    List<Ticket> admitted = new ArrayList<>();
    long now;
    synchronized (lock) {
      if (drainTimer != null) {
        drainTimer.cancel(false);
        drainTimer = null;
      }
      now = ticker.read();
      long wait = 0;
      Ticket head;
      while ((head = queue.peekFirst()) != null) {
        if (head.future.isDone()) {
          removeHeadLocked();
          continue;
        }
        long pause = pausedUntil - now;
        if (pause > 0) {
          wait = pause;
          break;
        }
        if (tryTakeLocked(head.charge)) {
          removeHeadLocked();
          admitted.add(head);
          continue;
        }
        wait = refillWaitLocked(head.charge);
        break;
      }
      if (head != null) {
        drainTimer = scheduler.schedule(executor, this::drain, Duration.ofNanos(Math.max(1, wait)));
      }
    }
    for (Ticket ticket : admitted) {
      ticket.admit(now);
    }
  }

  /** A queued ticket's deadline passed. */
  private void expire(Ticket ticket) {
    if (ticket.future.isDone()) {
      return;
    }
    boolean wasHead = leave(ticket);
    long now = ticker.read();
    ticket.reject(Math.max(0, now - ticket.arrivedAt), ticket.deadline - ticket.arrivedAt);
    if (wasHead) {
      drain();
    }
  }

  /** Takes {@code ticket} out of the queue; returns whether it was the head. */
  private boolean leave(Ticket ticket) {
    synchronized (lock) {
      boolean wasHead = queue.peekFirst() == ticket;
      if (queue.remove(ticket)) {
        queuedCharge -= ticket.charge;
      }
      return wasHead;
    }
  }

  @GuardedBy("lock")
  private void removeHeadLocked() {
    Ticket head = queue.pollFirst();
    if (head != null) {
      queuedCharge -= head.charge;
    }
  }

  /** Takes one request and {@code charge} input tokens if both are there; else takes nothing. */
  @GuardedBy("lock")
  private boolean tryTakeLocked(long charge) {
    if (requests != null && requests.getAvailableTokens() < 1) {
      return false;
    }
    if (tokens != null && tokens.getAvailableTokens() < charge) {
      return false;
    }
    if (requests != null && !requests.tryConsume(1)) {
      return false; // time stepped back between the two reads: take nothing
    }
    if (tokens != null && charge > 0 && !tokens.tryConsume(charge)) {
      if (requests != null) {
        requests.addTokens(1);
      }
      return false;
    }
    return true;
  }

  /** Bucket4j's estimate of when the head's tokens will be there. */
  @GuardedBy("lock")
  private long refillWaitLocked(long charge) {
    long wait = 0;
    if (requests != null) {
      wait = Math.max(wait, requests.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }
    if (tokens != null && charge > 0) {
      wait = Math.max(wait, tokens.estimateAbilityToConsume(charge).getNanosToWaitForRefill());
    }
    return wait;
  }

  /** A lower bound of the wait of a newcomer charged {@code charge}. */
  @GuardedBy("lock")
  private long leastWaitLocked(long now, long charge) {
    long wait = Math.max(0, pausedUntil - now);
    if (requests != null) {
      wait =
          Math.max(
              wait,
              refillNanos(requests.getAvailableTokens(), queue.size() + 1L, requestsPerMinute));
    }
    if (tokens != null) {
      wait =
          Math.max(
              wait,
              refillNanos(
                  tokens.getAvailableTokens(), queuedCharge + charge, inputTokensPerMinute));
    }
    return wait;
  }

  private static long refillNanos(long available, long demand, long perMinute) {
    if (demand <= available) {
      return 0;
    }
    double nanos = Math.ceil((double) (demand - available) * NANOS_PER_MINUTE / perMinute);
    return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) nanos;
  }

  /** One caller's request for admission. */
  final class Ticket {
    final CompletableFuture<Void> future = new CompletableFuture<>();
    final long charge;
    final long deadline;
    final long arrivedAt;
    private volatile @Nullable Future<?> deadlineTimer;

    Ticket(long charge, long deadline, long arrivedAt) {
      this.charge = charge;
      this.deadline = deadline;
      this.arrivedAt = arrivedAt;
    }

    /** Gives up the wait: leaves the queue and cancels the timers it holds. Idempotent. */
    void cancel() {
      if (future.cancel(false)) {
        disarm();
        if (leave(this)) {
          drain();
        }
      }
    }

    void arm(Future<?> timer) {
      deadlineTimer = timer;
      if (future.isDone()) {
        timer.cancel(false);
      }
    }

    private void disarm() {
      Future<?> timer = deadlineTimer;
      if (timer != null) {
        timer.cancel(false);
      }
    }

    void admit(long now) {
      disarm();
      if (future.complete(null)) {
        listener.onLimiterWait(Duration.ofNanos(Math.max(0, now - arrivedAt)));
      }
    }

    void reject(long leastWait, long remaining) {
      disarm();
      RateLimitedException failure =
          new RateLimitedException(
              "the rate limiter cannot admit the call before its deadline: wait at least "
                  + Duration.ofNanos(leastWait)
                  + ", deadline in "
                  + Duration.ofNanos(Math.max(0, remaining)),
              Duration.ofNanos(leastWait),
              null);
      if (future.completeExceptionally(failure)) {
        listener.onRejected(Rejection.RATE_LIMITED);
      }
    }
  }
}

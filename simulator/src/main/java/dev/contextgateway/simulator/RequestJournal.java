package dev.contextgateway.simulator;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The simulator's record of the requests it received: the most recent entries (up to a capacity,
 * oldest dropped first) and exact counts per {@link Outcome} since the last reset.
 *
 * <p>Thread-safe. Entries are recorded in {@link JournalEntry#sequence() sequence} order when the
 * simulator decides a request, before the answer is sent; a reader sees a request no later than
 * the client sees its answer. Readers get snapshots. {@link #awaitTotal} blocks the calling thread.
 */
public final class RequestJournal {
  // Implementation notes: one monitor (this) guards the ring of entries and the counters, so a
  // reader's snapshot of entries and counts is consistent. Recording is O(1) under the monitor;
  // waiters in awaitTotal are woken by notifyAll on every record and on clear.

  private final int capacity;

  @GuardedBy("this")
  private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();

  @GuardedBy("this")
  private final EnumMap<Outcome, Long> counts = new EnumMap<>(Outcome.class);

  @GuardedBy("this")
  private long total;

  @GuardedBy("this")
  private long dropped;

  RequestJournal(int capacity) {
    this.capacity = capacity;
  }

  synchronized void record(JournalEntry entry) {
    if (entries.size() == capacity) {
      entries.removeFirst();
      dropped++;
    }
    entries.addLast(entry);
    counts.merge(entry.outcome(), 1L, Long::sum);
    total++;
    notifyAll();
  }

  synchronized void clear() {
    entries.clear();
    counts.clear();
    total = 0;
    dropped = 0;
    notifyAll();
  }

  /** The retained entries, oldest first. */
  public synchronized List<JournalEntry> entries() {
    return List.copyOf(entries);
  }

  /** The retained entries that match {@code filter}, oldest first. */
  public synchronized List<JournalEntry> entries(Predicate<? super JournalEntry> filter) {
    List<JournalEntry> matching = new ArrayList<>();
    for (JournalEntry entry : entries) {
      if (filter.test(entry)) {
        matching.add(entry);
      }
    }
    return matching;
  }

  /** The most recent entry, if any. */
  public synchronized Optional<JournalEntry> last() {
    return Optional.ofNullable(entries.peekLast());
  }

  /** Requests received since the last reset (including those no longer retained). */
  public synchronized long total() {
    return total;
  }

  /** Requests with {@code outcome} since the last reset. */
  public synchronized long count(Outcome outcome) {
    return counts.getOrDefault(outcome, 0L);
  }

  /** Requests answered with HTTP 429 since the last reset, whatever the cause. */
  public synchronized long rateLimited() {
    long sum = 0;
    for (Map.Entry<Outcome, Long> count : counts.entrySet()) {
      if (count.getKey().isRateLimit()) {
        sum += count.getValue();
      }
    }
    return sum;
  }

  /** The non-zero counts per outcome since the last reset. */
  public synchronized Map<Outcome, Long> counters() {
    return Collections.unmodifiableMap(new EnumMap<>(counts));
  }

  /**
   * The counters as one consistent snapshot.
   *
   * @param total requests since the last reset
   * @param rateLimited of which answered with HTTP 429
   * @param dropped entries no longer retained
   * @param byOutcome the non-zero counts per outcome
   */
  public record Counts(long total, long rateLimited, long dropped, Map<Outcome, Long> byOutcome) {}

  /** The counters, read together. */
  public synchronized Counts counts() {
    return new Counts(total, rateLimited(), dropped, counters());
  }

  /** Entries dropped because the journal was full (their counts are kept). */
  public synchronized long dropped() {
    return dropped;
  }

  /** The most entries retained. */
  public int capacity() {
    return capacity;
  }

  /**
   * Blocks until at least {@code count} requests have been received since the last reset, or
   * {@code timeout} passes (real time).
   *
   * @return whether the count was reached
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public synchronized boolean awaitTotal(long count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (total < count) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, remaining);
    }
    return true;
  }
}

package dev.contextgateway.simulator;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.contextgateway.simulator.profile.Fault;
import dev.contextgateway.simulator.profile.FaultKind;
import dev.contextgateway.simulator.profile.FaultProfile;
import dev.contextgateway.simulator.profile.Profile;
import dev.contextgateway.simulator.profile.Quota;
import dev.contextgateway.time.Ticker;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Decides what happens to each request: its sequence number, the phase in force, the fault, the
 * delay and the quota verdict, and records the decision in the journal.
 *
 * <p>Thread-safe.
 */
final class SimulatorEngine {
  // Implementation notes: one lock orders every decision. Under it a request gets its sequence
  // number, reads the clock, finds the phase, draws from its own random stream, is charged to the
  // quota buckets and is journalled, so that journal order is sequence order, the quota check and
  // payment across buckets are atomic, and a profile switch or reset happens between two
  // decisions, never inside one. Rendering the answer (JSON, SSE) happens outside the lock, from
  // the decision and the request's own random stream. The lock is never held while calling out,
  // except into the journal, whose monitor is only ever taken after this lock (lock order:
  // engine lock, then journal).
  //
  // Reproducibility: the n-th request after an activation draws from
  // SplittableRandom(mix(seed, n)), however requests interleave on threads. Draw order per
  // request: fault, then latency; the rest of the stream belongs to the renderer.

  /** A request that passed validation and is to be decided. */
  record Call(
      String httpMethod, String path, ApiMethod method, @Nullable String model, long promptTokens) {}

  /** The decision for a request. */
  record Decision(
      JournalEntry entry,
      @Nullable Fault fault,
      QuotaLedger.@Nullable Refusal refusal,
      SplittableRandom random) {}

  private final Ticker ticker;
  private final RequestJournal journal;
  private final Duration hangTimeout;
  private final Object lock = new Object();

  @GuardedBy("lock")
  private Profile profile;

  @GuardedBy("lock")
  private long seed;

  @GuardedBy("lock")
  private long activatedAt;

  @GuardedBy("lock")
  private long nextSequence;

  @GuardedBy("lock")
  private long sequenceAtActivation;

  @GuardedBy("lock")
  private QuotaLedger quotas;

  SimulatorEngine(
      Ticker ticker, RequestJournal journal, Duration hangTimeout, Profile profile, long seed) {
    this.ticker = ticker;
    this.journal = journal;
    this.hangTimeout = hangTimeout;
    synchronized (lock) {
      this.profile = profile;
      this.seed = seed;
      this.activatedAt = ticker.read();
      this.quotas = new QuotaLedger(ticker);
    }
  }

  /** Activates {@code newProfile} with {@code newSeed}: its clock and quotas start now. */
  void activate(Profile newProfile, long newSeed) {
    synchronized (lock) {
      profile = newProfile;
      seed = newSeed;
      restartLocked();
    }
  }

  /** Clears the journal, restarts sequence numbers and the active profile's clock and quotas. */
  void reset() {
    synchronized (lock) {
      nextSequence = 0;
      journal.clear();
      restartLocked();
    }
  }

  @GuardedBy("lock")
  private void restartLocked() {
    activatedAt = ticker.read();
    sequenceAtActivation = nextSequence;
    quotas = new QuotaLedger(ticker);
  }

  RequestJournal journal() {
    return journal;
  }

  Profile profile() {
    synchronized (lock) {
      return profile;
    }
  }

  long seed() {
    synchronized (lock) {
      return seed;
    }
  }

  /** The time since activation and the phase in force now. */
  Status status() {
    synchronized (lock) {
      Duration elapsed = Duration.ofNanos(ticker.read() - activatedAt);
      return new Status(profile, profile.activeAt(elapsed), seed, elapsed);
    }
  }

  record Status(Profile profile, FaultProfile phase, long seed, Duration elapsed) {}

  /** Records a request refused by validation; no fault, delay or quota applies. */
  JournalEntry reject(Call call, Outcome outcome) {
    synchronized (lock) {
      long now = ticker.read();
      Duration elapsed = Duration.ofNanos(now - activatedAt);
      JournalEntry entry =
          entry(nextSequence++, now, elapsed, profile.activeAt(elapsed), call, outcome, Duration.ZERO, null);
      journal.record(entry);
      return entry;
    }
  }

  /** Decides a valid request: fault, delay and quota. */
  Decision decide(Call call) {
    synchronized (lock) {
      long sequence = nextSequence++;
      long now = ticker.read();
      Duration elapsed = Duration.ofNanos(now - activatedAt);
      FaultProfile phase = profile.activeAt(elapsed);
      SplittableRandom random = new SplittableRandom(mix(seed, sequence - sequenceAtActivation));

      Fault fault = phase.faultFor(random.nextDouble());
      // whole milliseconds: what the server can actually wait, so the journal tells the truth
      Duration delay = phase.latency().sample(random).truncatedTo(ChronoUnit.MILLIS);
      QuotaLedger.Refusal refusal = null;
      Quota quota = phase.quota();
      boolean answers = fault == null || fault.kind().deliversAnswer();
      if (answers && quota != null && call.method().generates()) {
        refusal = quotas.tryAdmit(quota, call.promptTokens());
      }

      Outcome outcome;
      Duration retryDelay = null;
      if (refusal != null) {
        fault = null;
        outcome = refusal.perDay() ? Outcome.QUOTA_EXCEEDED_PER_DAY : Outcome.QUOTA_EXCEEDED;
        retryDelay = refusal.retryDelay();
      } else if (fault != null) {
        outcome = Outcome.of(fault.kind());
        retryDelay = fault.retryDelay();
        if (fault.kind() == FaultKind.HANG) {
          delay = hangTimeout;
        }
      } else {
        outcome = Outcome.OK;
      }
      JournalEntry entry = entry(sequence, now, elapsed, phase, call, outcome, delay, retryDelay);
      journal.record(entry);
      return new Decision(entry, fault, refusal, random);
    }
  }

  @GuardedBy("lock")
  private JournalEntry entry(
      long sequence,
      long now,
      Duration elapsed,
      FaultProfile phase,
      Call call,
      Outcome outcome,
      Duration delay,
      @Nullable Duration retryDelay) {
    return new JournalEntry(
        sequence,
        now,
        elapsed,
        profile.name(),
        phase.name(),
        call.httpMethod(),
        call.path(),
        call.method(),
        call.model(),
        call.promptTokens(),
        outcome,
        delay,
        retryDelay);
  }

  /** A well-spread 64-bit seed for the {@code index}-th request (SplitMix64 finalizer). */
  static long mix(long seed, long index) {
    long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

package dev.contextgateway.benchmarks.subject;

import dev.contextgateway.time.Scheduler;
import dev.contextgateway.time.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The expensive computation every cache under test protects: it takes a configured latency (a
 * blocking form that parks the calling thread, for the synchronous seed designs, and an
 * asynchronous form whose future completes on the scheduler's timer thread, for the asynchronous
 * caches) and
 * counts, identically for every implementation:
 *
 * <ul>
 *   <li><b>generator calls</b>: every generation started;
 *   <li><b>expiries</b>: generations that were needed because the newest value callers had
 *       been {@linkplain #served served} for their key had outlived the time to live. However
 *       many generations start for one expired value (the thundering herd), that value's expiry
 *       counts once; generations started while the newest served value is still fresh (early
 *       refreshes, stragglers of a herd) count as calls, not expiries. A generation before any
 *       value of the key was served is not an expiry. Judging by served values rather than
 *       finished generations keeps a value that is generated but not yet in the cache (its
 *       thread descheduled between the two) from hiding the cache's expiry.
 * </ul>
 *
 * <p>So {@code calls / expiries} is the number of generator calls each expiry cost, whatever the
 * cache does internally. Benchmarks that count expiries report every value a caller received
 * with {@link #served}.
 *
 * <p>Thread-safe. {@link #generate} blocks for the latency; {@link #generateAsync} does not. Time
 * and the timer are injected (real ones by default) so that tests can drive them.
 */
public final class SimulatedGenerator {

  /* Implementation notes: a key's newest value is the served one with the highest serial;
   * serials are drawn when a generation finishes, so they follow completion order. The newest
   * value only moves forward (CAS to the higher serial). An expiry is claimed by CAS-ing the key's
   * "expiry counted for serial" mark up to the expired value's serial, so one expired value is
   * counted at most once however many generations observe it. */

  private final Ticker ticker;
  private final long latencyNanos;
  private final long timeToLiveNanos;
  private final IntUnaryOperator weightOfKey;
  private final Scheduler scheduler;

  private final LongAdder calls = new LongAdder();
  private final LongAdder expiries = new LongAdder();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong serials = new AtomicLong();
  private final ConcurrentHashMap<Integer, KeyTrack> keys = new ConcurrentHashMap<>();

  private SimulatedGenerator(Builder builder) {
    this.ticker = builder.ticker;
    this.latencyNanos = builder.latency.toNanos();
    this.timeToLiveNanos = builder.timeToLive.toNanos();
    this.weightOfKey = builder.weightOfKey;
    this.scheduler = builder.scheduler;
  }

  /**
   * A builder: no latency, values that never expire, 1 KiB per value, the system ticker and
   * scheduler.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Generates the value of {@code key} on the calling thread, parking it for the latency. */
  public Value generate(Integer key) {
    start(key);
    long deadline = ticker.read() + latencyNanos;
    try {
      for (long left = latencyNanos; left > 0; left = deadline - ticker.read()) {
        LockSupport.parkNanos(left);
        if (Thread.interrupted()) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while generating " + key);
        }
      }
    } catch (RuntimeException e) {
      inFlight.decrementAndGet();
      throw e;
    }
    return finish(key);
  }

  /** Starts generating the value of {@code key}; the future completes after the latency. */
  public CompletableFuture<Value> generateAsync(Integer key) {
    start(key);
    if (latencyNanos == 0) {
      return CompletableFuture.completedFuture(finish(key));
    }
    CompletableFuture<Value> result = new CompletableFuture<>();
    // Completes on the timer thread; the task cannot fail, so its handle is not needed.
    var unused =
        scheduler.schedule(
            Runnable::run, () -> result.complete(finish(key)), Duration.ofNanos(latencyNanos));
    return result;
  }

  /**
   * Tells the generator that a caller received {@code value} for {@code key}; expiries are judged
   * by the newest value served. Cheap when the value is not newer than the newest.
   */
  public void served(Integer key, Value value) {
    KeyTrack track = keys.get(key);
    if (track == null) {
      track = keys.computeIfAbsent(key, k -> new KeyTrack());
    }
    Value newest = track.newest.get();
    if (newest == null || value.serial() > newest.serial()) {
      track.newest.accumulateAndGet(
          value, (old, fresh) -> old == null || fresh.serial() > old.serial() ? fresh : old);
    }
  }

  /** A value for {@code key} made without a generation (for benchmarks that {@code put}). */
  public Value valueOf(Integer key) {
    return new Value(0, ticker.read(), weightOfKey.applyAsInt(key));
  }

  /** Generations started so far. */
  public long calls() {
    return calls.sum();
  }

  /** Expiries counted so far (see the class description). */
  public long expiries() {
    return expiries.sum();
  }

  /** Generations started and not yet finished. */
  public int inFlight() {
    return inFlight.get();
  }

  /** The configured latency of one generation. */
  public Duration latency() {
    return Duration.ofNanos(latencyNanos);
  }

  private void start(Integer key) {
    Objects.requireNonNull(key, "key");
    calls.increment();
    inFlight.incrementAndGet();
    KeyTrack track = keys.computeIfAbsent(key, k -> new KeyTrack());
    Value newest = track.newest.get();
    if (newest != null && ticker.read() - newest.bornNanos() >= timeToLiveNanos) {
      long counted = track.expiryCountedFor.get();
      if (counted < newest.serial() && track.expiryCountedFor.compareAndSet(counted, newest.serial())) {
        expiries.increment();
      }
    }
  }

  private Value finish(Integer key) {
    Value value = new Value(serials.incrementAndGet(), ticker.read(), weightOfKey.applyAsInt(key));
    inFlight.decrementAndGet();
    return value;
  }

  /** What the generator knows of one key. */
  private static final class KeyTrack {
    final AtomicReference<@Nullable Value> newest = new AtomicReference<>();
    /** The serial of the newest value whose expiry has been counted; 0 for none. */
    final AtomicLong expiryCountedFor = new AtomicLong();
  }

  /** Configures a generator; not thread-safe. */
  public static final class Builder {
    private Ticker ticker = Ticker.system();
    private Scheduler scheduler = Scheduler.system();
    private Duration latency = Duration.ZERO;
    private Duration timeToLive = Duration.ofDays(365);
    private IntUnaryOperator weightOfKey = key -> 1024;

    private Builder() {}

    /** The time source; the system ticker unless a test drives time. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** Completes asynchronous generations; must share the ticker's time line. */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** How long one generation takes; zero completes at once. */
    public Builder latency(Duration latency) {
      Objects.requireNonNull(latency, "latency");
      if (latency.isNegative()) {
        throw new IllegalArgumentException("latency must not be negative, was " + latency);
      }
      this.latency = latency;
      return this;
    }

    /** The time to live of the caches under test, by which expiries are judged. */
    public Builder timeToLive(Duration timeToLive) {
      Objects.requireNonNull(timeToLive, "timeToLive");
      if (timeToLive.isNegative() || timeToLive.isZero()) {
        throw new IllegalArgumentException("timeToLive must be positive, was " + timeToLive);
      }
      this.timeToLive = timeToLive;
      return this;
    }

    /** The weight in bytes of the value of each key. */
    public Builder weightOfKey(IntUnaryOperator weightOfKey) {
      this.weightOfKey = Objects.requireNonNull(weightOfKey, "weightOfKey");
      return this;
    }

    /** Builds the generator. */
    public SimulatedGenerator build() {
      return new SimulatedGenerator(this);
    }
  }
}

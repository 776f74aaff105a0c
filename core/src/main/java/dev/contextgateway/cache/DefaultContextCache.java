package dev.contextgateway.cache;

import dev.contextgateway.time.Scheduler;
import dev.contextgateway.time.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ContextCache} on Caffeine.
 *
 * <h2>Implementation notes</h2>
 *
 * <p><b>Two maps, one critical section per key.</b> Completed values live in the {@link EntryStore}
 * (Caffeine: bounds, expiry, accounting); generations in flight live in {@code flights}, a {@link
 * ConcurrentHashMap} from key to {@link Flight}. Every change of a key's state — starting a flight,
 * installing its value, a put, an invalidation — happens inside {@code flights.compute(key, ..)},
 * which the map's lock serializes per key, and writes the store only there. So a miss sees the
 * stored entry and the flight together, a put or an invalidation replaces both at once, and a
 * flight installs only if it is still the key's flight. Reads of fresh entries take no lock: they
 * see the store's latest write for the key. (Caffeine's own evictions and expiries are the one
 * exception; they remove entries on their own, as expiry should.)
 *
 * <p><b>Epochs: atomic invalidation of many keys.</b> An invalidation of a workspace or of every
 * key must take effect for all keys at one instant, which removing entries one by one cannot do.
 * Each entry and flight carries the epochs of its workspace and of the cache as they were when its
 * generation (or put) started, read inside the key's critical section. {@code invalidateWorkspace}
 * and {@code invalidateAll} advance one epoch (their linearization point); from then on no reader
 * serves, joins or installs anything stamped with the old epoch, and the cleanup that follows only
 * frees memory. Workspaces are compared by normalized absolute path.
 *
 * <p><b>Order of a successful generation:</b> install the entry and leave {@code flights} in one
 * compute, then complete the callers' futures, so a caller whose future has completed finds the
 * value with {@link #get}. A flight that is no longer the key's flight, or whose epochs are no
 * longer current, installs nothing; its own callers still get its value (their calls overlapped
 * the put or invalidation that displaced it).
 *
 * <p><b>Settling.</b> Success, failure, timeout and close race to settle a flight; {@link
 * Flight#settle()} lets exactly one of them complete it and count it, so a late success after a
 * timeout neither installs nor completes anything. A failed flight leaves {@code flights} by a
 * conditional {@code remove(key, flight)}, never removing another's record.
 *
 * <p><b>Lock order:</b> a {@code flights} bin, then the store (Caffeine's own locks). Nothing that
 * holds a store lock takes a {@code flights} lock: the store's eviction listener only counts.
 *
 * <p><b>Hit path:</b> two ticker reads (ours and Caffeine's), one Caffeine read, the epoch and
 * freshness comparisons, one {@code LongAdder} increment and one wait-free histogram record. No
 * lock, no allocation but the result.
 */
final class DefaultContextCache<K, V> implements ContextCache<K, V> {
  /** Above this many early-refresh scales from expiry, the refresh probability is below e^-40. */
  private static final double EARLY_REFRESH_HORIZON = 40;

  private final EntryStore<K, V> store;
  private final ConcurrentHashMap<K, Flight<V>> flights = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Path, WorkspaceState> workspaces = new ConcurrentHashMap<>();
  private final AtomicLong cacheEpoch = new AtomicLong();
  private final Map<String, TypeState> types;

  private final Ticker ticker;
  private final Scheduler scheduler;
  private final Executor executor;
  private final RandomGenerator random;
  private final double earlyRefreshBeta;
  private final @Nullable Duration generationTimeout;
  private final @Nullable Weigher<? super K, ? super V> weigher;
  private final @Nullable Function<? super K, Path> workspaceOf;

  private volatile boolean closed;

  DefaultContextCache(ContextCacheBuilder<K, V> builder) {
    this.ticker = builder.ticker;
    this.scheduler = builder.scheduler;
    this.executor = builder.executor;
    this.random = builder.random;
    this.earlyRefreshBeta = builder.earlyRefreshBeta;
    this.generationTimeout = builder.generationTimeout;
    this.weigher = builder.weigher;
    this.workspaceOf = builder.workspaceOf;
    Map<String, TypeState> byName = new LinkedHashMap<>();
    for (CacheType type : builder.types) {
      byName.put(type.name(), new TypeState(type));
    }
    this.types = byName;
    this.store = new EntryStore<>(builder, byName.values(), this::isCurrent);
  }

  // ---------------------------------------------------------------- look-ups

  @Override
  public CompletableFuture<V> getOrGenerate(
      K key, CacheType type, Generator<? super K, V> generator) {
    checkArguments(key, type, generator);
    long now = ticker.read();
    Entry<V> cached = store.get(key, now);
    if (cached != null && serveCached(key, cached, type, generator, now)) {
      return cached.completed;
    }
    return miss(key, type, generator, cached).thenApply(CacheResult::value);
  }

  @Override
  public CompletableFuture<CacheResult<V>> getOrGenerateResult(
      K key, CacheType type, Generator<? super K, V> generator) {
    checkArguments(key, type, generator);
    long now = ticker.read();
    Entry<V> cached = store.get(key, now);
    if (cached != null && serveCached(key, cached, type, generator, now)) {
      CacheResult.Outcome outcome =
          now < cached.freshUntil ? CacheResult.Outcome.HIT : CacheResult.Outcome.STALE;
      return CompletableFuture.completedFuture(result(cached, outcome, now));
    }
    return miss(key, type, generator, cached);
  }

  @Override
  public Optional<CacheResult<V>> get(K key, CacheType type, boolean allowStale) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    checkOpen();
    TypeState state = typeState(type);
    long now = ticker.read();
    Entry<V> cached = store.get(key, now);
    if (cached != null && isCurrent(cached)) {
      long age = now - cached.writtenAt;
      if (now < cached.freshUntil) {
        cached.type.recordHit(age);
        return Optional.of(result(cached, CacheResult.Outcome.HIT, now));
      }
      if (allowStale && now < cached.staleUntil) {
        cached.type.recordStaleHit(age);
        return Optional.of(result(cached, CacheResult.Outcome.STALE, now));
      }
    }
    state.misses.increment();
    return Optional.empty();
  }

  @Override
  public Optional<CacheResult<V>> getFallback(K key, CacheType type) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    checkOpen();
    typeState(type);
    long now = ticker.read();
    Entry<V> cached = store.get(key, now);
    if (cached == null || !isCurrent(cached)) {
      return Optional.empty();
    }
    if (now < cached.freshUntil) {
      return Optional.of(result(cached, CacheResult.Outcome.HIT, now));
    }
    if (now < cached.staleUntil) {
      return Optional.of(result(cached, CacheResult.Outcome.STALE, now));
    }
    if (now < cached.keepUntil) {
      cached.type.staleOnError.increment();
      return Optional.of(result(cached, CacheResult.Outcome.STALE_ON_ERROR, now));
    }
    return Optional.empty();
  }

  /**
   * Serves a cached entry if it is current and fresh or within its stale-while-revalidate window,
   * counting the hit and starting a refresh where due; false if the entry cannot be served.
   */
  private boolean serveCached(
      K key, Entry<V> cached, CacheType type, Generator<? super K, V> generator, long now) {
    TypeState state = cached.type;
    if (state.type != type) {
      typeState(type); // validates the argument; the entry keeps the type it was written with
    }
    if (!isCurrent(cached)) {
      return false;
    }
    long age = now - cached.writtenAt;
    if (now < cached.freshUntil) {
      state.recordHit(age);
      if (isEarlyRefreshDue(cached, now)) {
        claim(key, state, generator, cached, true);
      }
      return true;
    }
    if (now < cached.staleUntil) {
      state.recordStaleHit(age);
      claim(key, state, generator, cached, true);
      return true;
    }
    return false;
  }

  /**
   * XFetch: refresh when {@code now - beta * delta * ln(u) >= freshUntil} for a uniform {@code u},
   * that is with probability {@code exp(-(freshUntil - now) / (beta * delta))}.
   */
  private boolean isEarlyRefreshDue(Entry<V> cached, long now) {
    if (now < cached.earlyRefreshFrom) {
      return false; // one comparison on the hit path; see earlyRefreshHorizon
    }
    double scaled = ((double) cached.freshUntil - now) / (earlyRefreshBeta * cached.generationNanos);
    return random.nextDouble() < Math.exp(-scaled);
  }

  /**
   * How long before expiry an entry whose generation took {@code generationNanos} may refresh
   * early: further out the probability is below e^-40, so no draw is made; 0 for none.
   */
  private long earlyRefreshHorizon(long generationNanos) {
    if (earlyRefreshBeta <= 0 || generationNanos <= 0) {
      return 0;
    }
    double horizon = EARLY_REFRESH_HORIZON * earlyRefreshBeta * generationNanos;
    return horizon >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) horizon;
  }

  private CompletableFuture<CacheResult<V>> miss(
      K key, CacheType type, Generator<? super K, V> generator, @Nullable Entry<V> seen) {
    TypeState state = typeState(type);
    Claim<V> claim = claim(key, state, generator, seen, false);
    Entry<V> found = claim.hit;
    if (found != null) {
      long now = ticker.read();
      found.type.recordHit(now - found.writtenAt);
      return CompletableFuture.completedFuture(result(found, CacheResult.Outcome.HIT, now));
    }
    state.misses.increment();
    // Each caller gets its own dependent future: cancelling it leaves the flight untouched (I6).
    return Objects.requireNonNull(claim.flight)
        .result
        .handle(
            (entry, failure) -> {
              if (failure == null) {
                return result(entry, CacheResult.Outcome.GENERATED, ticker.read());
              }
              Entry<V> fallback = staleOnError(key, seen);
              if (fallback != null) {
                fallback.type.staleOnError.increment();
                long now = ticker.read();
                return new CacheResult<>(
                    fallback.value,
                    CacheResult.Outcome.STALE_ON_ERROR,
                    Duration.ofNanos(Math.max(0, now - fallback.writtenAt)),
                    unwrap(failure));
              }
              throw failure instanceof CompletionException ce ? ce : new CompletionException(failure);
            });
  }

  /** The entry seen at look-up, if it is still the stored one, current, and within its stale-if-error window. */
  private @Nullable Entry<V> staleOnError(K key, @Nullable Entry<V> seen) {
    long now = ticker.read();
    if (seen == null || now >= seen.keepUntil || !isCurrent(seen)) {
      return null;
    }
    return store.get(key, now) == seen ? seen : null;
  }

  // ---------------------------------------------------------------- generations

  /** What a caller got for a key: a fresh entry found under the key's lock, or a flight. */
  private static final class Claim<V> {
    @Nullable Entry<V> hit;
    @Nullable Flight<V> flight;
    boolean started;
  }

  /**
   * Joins the key's current flight, or finds a fresh entry, or starts a flight, atomically for the
   * key. For a refresh, {@code seen} is the entry that called for it: another entry found fresh
   * means a generation has completed meanwhile and no refresh is needed.
   */
  private Claim<V> claim(
      K key,
      TypeState state,
      Generator<? super K, V> generator,
      @Nullable Entry<V> seen,
      boolean refresh) {
    Claim<V> claim = new Claim<>();
    Flight<V> existing = flights.get(key);
    if (existing != null && isCurrent(existing.epochs)) {
      claim.flight = existing;
      return claim;
    }
    WorkspaceState workspace = workspaceState(key);
    long now = ticker.read();
    flights.compute(
        key,
        (k, current) -> {
          if (current != null && isCurrent(current.epochs)) {
            claim.flight = current;
            return current;
          }
          Entry<V> stored = store.get(k, now);
          if (stored != null
              && isCurrent(stored)
              && now < stored.freshUntil
              && (!refresh || stored != seen)) {
            claim.hit = stored;
            return null; // drops a flight displaced by an invalidation, if any
          }
          Flight<V> started = new Flight<>(state, refresh, now, epochs(workspace));
          claim.flight = started;
          claim.started = true;
          return started;
        });
    Flight<V> flight = claim.flight;
    if (claim.started && flight != null) {
      if (closed) {
        settleFailed(key, flight, closedException());
      } else {
        launch(key, flight, generator);
      }
    }
    return claim;
  }

  private void launch(K key, Flight<V> flight, Generator<? super K, V> generator) {
    if (flight.refresh) {
      flight.type.refreshes.increment();
    }
    Duration timeout = generationTimeout;
    try {
      if (timeout != null) {
        flight.timeout = scheduler.schedule(executor, () -> timeOut(key, flight, timeout), timeout);
      }
      executor.execute(() -> generate(key, flight, generator));
    } catch (RuntimeException rejected) {
      // A scheduler or executor that refuses work must not leave the key's flight in place forever.
      settleFailed(key, flight, rejected);
    }
  }

  private void generate(K key, Flight<V> flight, Generator<? super K, V> generator) {
    if (flight.isSettled()) {
      return; // timed out or closed before the executor ran it
    }
    flight.type.generations.increment();
    CompletionStage<V> stage;
    try {
      stage = generator.generate(key);
    } catch (Throwable failure) {
      settleFailed(key, flight, failure);
      return;
    }
    if (stage == null) {
      settleFailed(key, flight, new NullPointerException("generator returned a null stage"));
      return;
    }
    flight.generation = stage;
    if (flight.isSettled()) {
      flight.cancelGeneration();
      return;
    }
    stage.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            settleFailed(key, flight, unwrap(failure));
          } else if (value == null) {
            settleFailed(key, flight, new NullPointerException("generator completed with null"));
          } else {
            settleSucceeded(key, flight, value);
          }
        });
  }

  private void settleSucceeded(K key, Flight<V> flight, V value) {
    long now = ticker.read();
    Entry<V> entry;
    try {
      entry = newEntry(key, value, flight.type, now, now - flight.startedAt, flight.epochs);
    } catch (RuntimeException weigherFailure) {
      settleFailed(key, flight, weigherFailure);
      return;
    }
    if (!flight.settle()) {
      return;
    }
    flight.cancelTimeout();
    flights.compute(
        key,
        (k, current) -> {
          if (current != flight) {
            return current; // displaced by a put, an invalidation or a newer flight
          }
          if (!closed && isCurrent(entry)) {
            store.install(k, entry);
          }
          return null;
        });
    flight.result.complete(entry);
  }

  private void settleFailed(K key, Flight<V> flight, Throwable failure) {
    if (!flight.settle()) {
      return;
    }
    flight.cancelTimeout();
    flight.type.generationFailures.increment();
    flights.remove(key, flight);
    flight.result.completeExceptionally(failure);
  }

  private void timeOut(K key, Flight<V> flight, Duration timeout) {
    if (flight.isSettled()) {
      return;
    }
    settleFailed(key, flight, new GenerationTimeoutException(timeout));
    flight.cancelGeneration();
  }

  // ---------------------------------------------------------------- writes

  @Override
  public void put(K key, CacheType type, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    checkOpen();
    TypeState state = typeState(type);
    long bytes = weigh(key, value);
    WorkspaceState workspace = workspaceState(key);
    long now = ticker.read();
    flights.compute(
        key,
        (k, current) -> {
          // The epochs are read under the key's lock, so a put that follows an invalidation is
          // current even if it started before it. Any flight is displaced: it must not overwrite.
          store.install(
              k, new Entry<>(value, state, now, 0, 0, bytes, store.charge(bytes), epochs(workspace)));
          return null;
        });
  }

  private Entry<V> newEntry(
      K key, V value, TypeState state, long now, long generationNanos, Entry.Epochs epochs) {
    long bytes = weigh(key, value);
    return new Entry<>(
        value,
        state,
        now,
        generationNanos,
        earlyRefreshHorizon(generationNanos),
        bytes,
        store.charge(bytes),
        epochs);
  }

  private long weigh(K key, V value) {
    Weigher<? super K, ? super V> w = weigher;
    if (w == null) {
      return 0;
    }
    long bytes = w.weigh(key, value);
    if (bytes < 0) {
      throw new IllegalStateException("weigher returned a negative size, " + bytes);
    }
    return bytes;
  }

  // ---------------------------------------------------------------- invalidation

  @Override
  public void invalidate(K key) {
    Objects.requireNonNull(key, "key");
    checkOpen();
    flights.compute(
        key,
        (k, current) -> {
          store.remove(k, RemovalCause.EXPLICIT);
          return null; // the flight in progress, if any, is displaced and will not install
        });
  }

  @Override
  public void invalidateWorkspace(Path workspace) {
    Objects.requireNonNull(workspace, "workspace");
    checkOpen();
    if (workspaceOf == null) {
      throw new IllegalStateException(
          "invalidateWorkspace needs the cache to be built with workspaceOf");
    }
    WorkspaceState state = workspaces.get(normalize(workspace));
    if (state != null) {
      state.advance();
      removeRetired();
    }
  }

  @Override
  public void invalidateAll() {
    checkOpen();
    cacheEpoch.incrementAndGet();
    removeRetired();
  }

  /**
   * Frees what the epoch just advanced has retired: first the retired flights, each in its key's
   * critical section (so an install in progress ends before), then the retired entries, which are
   * all visible by then. Readers never serve retired entries anyway; this is for memory and for the
   * statistics.
   */
  private void removeRetired() {
    for (Map.Entry<K, Flight<V>> inFlight : flights.entrySet()) {
      Flight<V> flight = inFlight.getValue();
      if (!isCurrent(flight.epochs)) {
        flights.computeIfPresent(inFlight.getKey(), (k, current) -> current == flight ? null : current);
      }
    }
    store.removeRetired();
  }

  // ---------------------------------------------------------------- epochs

  private WorkspaceState workspaceState(K key) {
    Function<? super K, Path> of = workspaceOf;
    if (of == null) {
      return WorkspaceState.NONE;
    }
    return workspaces.computeIfAbsent(normalize(of.apply(key)), WorkspaceState::new);
  }

  /** The normalized absolute form; an absolute path is not resolved against the file system. */
  private static Path normalize(Path path) {
    return (path.isAbsolute() ? path : path.toAbsolutePath()).normalize();
  }

  private Entry.Epochs epochs(WorkspaceState workspace) {
    return new Entry.Epochs(workspace, workspace.epoch(), cacheEpoch.get());
  }

  private boolean isCurrent(Entry<V> entry) {
    return entry.cacheEpoch == cacheEpoch.get() && entry.workspaceEpoch == entry.workspace.epoch();
  }

  private boolean isCurrent(Entry.Epochs epochs) {
    return epochs.cacheEpoch() == cacheEpoch.get()
        && epochs.workspaceEpoch() == epochs.workspace().epoch();
  }

  // ---------------------------------------------------------------- lifecycle and stats

  @Override
  public CacheStats stats() {
    Map<String, TypeStats> byType = new LinkedHashMap<>();
    for (TypeState state : types.values()) {
      byType.put(state.type.name(), state.snapshot());
    }
    return new CacheStats(byType);
  }

  @Override
  public void cleanUp() {
    store.cleanUp(ticker.read());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Map.Entry<K, Flight<V>> inFlight : flights.entrySet()) {
      Flight<V> flight = inFlight.getValue();
      settleFailed(inFlight.getKey(), flight, closedException());
      flights.remove(inFlight.getKey(), flight);
      flight.cancelGeneration();
    }
    store.removeAll();
    store.cleanUp(ticker.read());
  }

  /** The stored entry, whatever its freshness, without counting a look-up; for tests. */
  @Nullable Entry<V> peekForTest(K key) {
    return store.peek(key);
  }

  // ---------------------------------------------------------------- helpers

  private void checkArguments(K key, CacheType type, Generator<? super K, V> generator) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(generator, "generator");
    checkOpen();
  }

  private void checkOpen() {
    if (closed) {
      throw closedException();
    }
  }

  private static IllegalStateException closedException() {
    return new IllegalStateException("ContextCache is closed");
  }

  private TypeState typeState(CacheType type) {
    TypeState state = types.get(type.name());
    if (state == null || !state.type.equals(type)) {
      throw new IllegalArgumentException(
          "unknown cache type " + type + "; the cache was built with " + types.keySet());
    }
    return state;
  }

  private static <V> CacheResult<V> result(Entry<V> entry, CacheResult.Outcome outcome, long now) {
    return new CacheResult<>(
        entry.value, outcome, Duration.ofNanos(Math.max(0, now - entry.writtenAt)));
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}

package dev.contextgateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
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
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ContextCache} on Caffeine.
 *
 * <h2>Implementation notes</h2>
 *
 * <p><b>Two maps.</b> Completed values live in a Caffeine {@code store} (bounds, expiry, eviction);
 * generations in flight live in {@code flights}, a {@link ConcurrentHashMap} from key to {@link
 * Flight}. A flight enters {@code flights} by {@code putIfAbsent} (one winner per key) and leaves
 * it by a conditional {@code remove(key, flight)}, so no flight ever removes another's record.
 *
 * <p><b>Order of a successful generation:</b> install the entry in {@code store}, then leave
 * {@code flights}, then complete the callers' futures. Hence (a) a caller that wins {@code
 * putIfAbsent} just after a flight left finds that flight's entry in {@code store} on its
 * re-check and serves it instead of generating again (single flight, I1), and (b) a caller whose
 * future has completed finds the value with {@link #get} (linearizability).
 *
 * <p><b>Invalidation (I2).</b> An invalidation first marks the key's flight superseded and takes
 * it out of {@code flights}, then removes the stored entry with a {@code compute} of that key. A
 * flight installs inside {@code store}'s {@code compute} for the key and only if it is not
 * superseded. The two computes of one key are serialized by the map's lock, so either the install
 * runs first and the removal deletes it, or the mark is seen and nothing is installed. The removal
 * must be a {@code compute}: Caffeine's {@code computeIfPresent} and {@code remove} first look the
 * key up without the lock, and a new entry is not visible until its install's {@code compute}
 * returns, so they can miss an install that has already passed its check (a race the jcstress
 * test {@code NoStaleResurrection} found). A workspace or full invalidation likewise removes the
 * key of every flight it supersedes (a flight leaves {@code flights} only after its install), then
 * every matching entry the store shows. A flight that started before the invalidation therefore
 * never leaves a value behind it; one that starts after (a new {@code putIfAbsent}) is a new
 * generation.
 *
 * <p><b>Settling.</b> Success, failure, timeout and close race to settle a flight; {@link
 * Flight#settle()} lets exactly one of them complete it and count it, so a late success after a
 * timeout neither installs nor completes anything.
 *
 * <p><b>Accounting (I4).</b> Each entry is counted in exactly once, inside the {@code compute}
 * that installs it, and counted out exactly once: by the {@code compute} that replaces it, by the
 * {@code computeIfPresent} that invalidates it, or by Caffeine's eviction listener, which runs
 * inside Caffeine's atomic removal for size and expiry (and for an expired entry that a {@code
 * compute} finds, before the compute sees it as absent). Counters are per type {@code
 * LongAdder}s, so at quiescence they equal the sums over present entries.
 *
 * <p><b>Hit path:</b> one ticker read, one Caffeine read, two comparisons, one {@code LongAdder}
 * increment and one wait-free histogram record. No lock, no allocation but the result.
 */
final class DefaultContextCache<K, V> implements ContextCache<K, V> {
  /** Caffeine caps expiry durations; stay below its cap. */
  private static final long MAXIMUM_EXPIRY = Long.MAX_VALUE >> 1;

  /** Above this many early-refresh scales from expiry, the refresh probability is below e^-40. */
  private static final double EARLY_REFRESH_HORIZON = 40;

  private final Cache<K, Entry<V>> store;
  private final ConcurrentHashMap<K, Flight<V>> flights = new ConcurrentHashMap<>();
  private final Map<String, TypeState> types;

  private final Ticker ticker;
  private final Scheduler scheduler;
  private final Executor executor;
  private final RandomGenerator random;
  private final double earlyRefreshBeta;
  private final @Nullable Duration generationTimeout;
  private final @Nullable Weigher<? super K, ? super V> weigher;
  private final @Nullable Function<? super K, Path> workspaceOf;
  /** The largest charge an entry may have and still be stored. */
  private final long maximumCharge;
  /** The least charge of an entry when both bounds are set; see {@code maximumBytes}. */
  private final long minimumCharge;

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

    Caffeine<Object, Object> base =
        Caffeine.newBuilder().executor(builder.executor).ticker(builder.ticker::read);
    long lifetime = commonLifetime(byName.values());
    Caffeine<K, Entry<V>> caffeine;
    if (lifetime == VARIES) {
      caffeine = base.expireAfter(new EntryExpiry<K, V>()).evictionListener(this::evicted);
    } else {
      // One lifetime for every entry: a fixed write expiry spares every read the timer-wheel
      // reordering (and read-buffer maintenance) that per-entry expiry needs.
      if (lifetime < MAXIMUM_EXPIRY) {
        base.expireAfterWrite(Duration.ofNanos(lifetime));
      }
      caffeine = base.evictionListener(this::evicted);
    }
    if (builder.maximumBytes != ContextCacheBuilder.UNSET) {
      this.maximumCharge = builder.maximumBytes;
      this.minimumCharge =
          builder.maximumEntries == ContextCacheBuilder.UNSET
              ? 0
              : ceilDiv(builder.maximumBytes, builder.maximumEntries);
      this.store =
          caffeine
              .maximumWeight(builder.maximumBytes)
              .weigher((K key, Entry<V> entry) -> (int) Math.min(entry.charge, Integer.MAX_VALUE))
              .build();
    } else {
      this.maximumCharge = Long.MAX_VALUE;
      this.minimumCharge = 0;
      if (builder.maximumEntries != ContextCacheBuilder.UNSET) {
        caffeine.maximumSize(builder.maximumEntries);
      }
      this.store = caffeine.build();
    }
  }

  private static final long VARIES = -1;

  /**
   * How long entries stay in the store (the later end of their stale windows) if that is the same
   * for every type, else {@link #VARIES}.
   */
  private static long commonLifetime(Iterable<TypeState> states) {
    long common = VARIES;
    for (TypeState state : states) {
      long lifetime =
          TypeState.saturatedAdd(state.timeToLive, Math.max(state.staleWhileRevalidate, state.staleIfError));
      if (common != VARIES && common != lifetime) {
        return VARIES;
      }
      common = lifetime;
    }
    return common;
  }

  /** Caffeine's eviction listener: counts out entries it removes for size or expiry. */
  private void evicted(
      @Nullable K key, @Nullable Entry<V> entry, com.github.benmanes.caffeine.cache.RemovalCause cause) {
    if (entry != null) {
      entry.type.removed(entry.bytes, evictionCause(cause));
    }
  }

  // ---------------------------------------------------------------- look-ups

  @Override
  public CompletableFuture<V> getOrGenerate(
      K key, CacheType type, Generator<? super K, V> generator) {
    checkArguments(key, type, generator);
    long now = ticker.read();
    Entry<V> cached = store.getIfPresent(key);
    if (cached != null && serveCached(key, cached, type, generator, now)) {
      return CompletableFuture.completedFuture(cached.value);
    }
    return miss(key, type, generator, cached).thenApply(CacheResult::value);
  }

  @Override
  public CompletableFuture<CacheResult<V>> getOrGenerateResult(
      K key, CacheType type, Generator<? super K, V> generator) {
    checkArguments(key, type, generator);
    long now = ticker.read();
    Entry<V> cached = store.getIfPresent(key);
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
    Entry<V> cached = store.getIfPresent(key);
    if (cached != null) {
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
    Entry<V> cached = store.getIfPresent(key);
    if (cached == null) {
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
   * Serves a cached entry if it is fresh or within its stale-while-revalidate window, counting the
   * hit and starting a refresh where due; false if the entry cannot be served.
   */
  private boolean serveCached(
      K key, Entry<V> cached, CacheType type, Generator<? super K, V> generator, long now) {
    TypeState state = cached.type;
    if (state.type != type) {
      typeState(type); // validates the argument; the entry keeps the type it was written with
    }
    long age = now - cached.writtenAt;
    if (now < cached.freshUntil) {
      state.recordHit(age);
      if (earlyRefreshBeta > 0 && isEarlyRefreshDue(cached, now)) {
        joinOrStart(key, state, generator, cached, true);
      }
      return true;
    }
    if (now < cached.staleUntil) {
      state.recordStaleHit(age);
      joinOrStart(key, state, generator, cached, true);
      return true;
    }
    return false;
  }

  /**
   * XFetch: refresh when {@code now - beta * delta * ln(u) >= freshUntil} for a uniform {@code u},
   * that is with probability {@code exp(-(freshUntil - now) / (beta * delta))}.
   */
  private boolean isEarlyRefreshDue(Entry<V> cached, long now) {
    if (cached.generationNanos <= 0) {
      return false;
    }
    double scaled = ((double) cached.freshUntil - now) / (earlyRefreshBeta * cached.generationNanos);
    if (scaled > EARLY_REFRESH_HORIZON) {
      return false;
    }
    return random.nextDouble() < Math.exp(-scaled);
  }

  private CompletableFuture<CacheResult<V>> miss(
      K key, CacheType type, Generator<? super K, V> generator, @Nullable Entry<V> seen) {
    TypeState state = typeState(type);
    state.misses.increment();
    Flight<V> flight = joinOrStart(key, state, generator, seen, false);
    // Each caller gets its own dependent future: cancelling it leaves the flight untouched (I6).
    return flight.result.handle(
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

  /** The entry seen at look-up, if it is still the stored one and within its stale-if-error window. */
  private @Nullable Entry<V> staleOnError(K key, @Nullable Entry<V> seen) {
    if (seen == null || ticker.read() >= seen.keepUntil) {
      return null;
    }
    return store.getIfPresent(key) == seen ? seen : null;
  }

  // ---------------------------------------------------------------- generations

  /**
   * Joins the key's flight, or starts one. {@code seen} is the entry the caller looked at (stale,
   * expired or about to expire), so that a different fresh entry found on the re-check is known to
   * come from a generation that completed in between.
   */
  private Flight<V> joinOrStart(
      K key,
      TypeState state,
      Generator<? super K, V> generator,
      @Nullable Entry<V> seen,
      boolean refresh) {
    Flight<V> existing = flights.get(key);
    if (existing != null) {
      return existing;
    }
    Flight<V> flight = new Flight<>(state, refresh, ticker.read());
    existing = flights.putIfAbsent(key, flight);
    if (existing != null) {
      return existing;
    }
    if (closed) {
      settleFailed(key, flight, closedException());
      return flight;
    }
    Entry<V> current = store.getIfPresent(key);
    if (current != null && current != seen && ticker.read() < current.freshUntil) {
      // A generation installed this entry after our look-up and left before our putIfAbsent.
      if (flight.settle()) {
        flights.remove(key, flight);
        flight.result.complete(current);
      }
      return flight;
    }
    launch(key, flight, generator);
    return flight;
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
      entry = newEntry(key, value, flight.type, now, now - flight.startedAt);
    } catch (RuntimeException weigherFailure) {
      settleFailed(key, flight, weigherFailure);
      return;
    }
    if (!flight.settle()) {
      return;
    }
    flight.cancelTimeout();
    install(key, entry, flight);
    flights.remove(key, flight);
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
    Entry<V> entry = newEntry(key, value, state, ticker.read(), 0);
    supersede(key);
    install(key, entry, null);
  }

  private Entry<V> newEntry(K key, V value, TypeState state, long now, long generationNanos) {
    long bytes = 0;
    Weigher<? super K, ? super V> w = weigher;
    if (w != null) {
      bytes = w.weigh(key, value);
      if (bytes < 0) {
        throw new IllegalStateException("weigher returned a negative size, " + bytes);
      }
    }
    return new Entry<>(value, state, now, generationNanos, bytes, Math.max(bytes, minimumCharge));
  }

  /**
   * Writes {@code entry} unless {@code flight} (null for a put) has been superseded. A value over
   * the byte bound is not stored; it still replaces (removes) the older entry.
   */
  private void install(K key, Entry<V> entry, @Nullable Flight<V> flight) {
    boolean storable = entry.charge <= maximumCharge;
    store
        .asMap()
        .compute(
            key,
            (k, old) -> {
              if ((flight != null && flight.superseded) || closed) {
                return old;
              }
              if (old != null) {
                old.type.removed(old.bytes, RemovalCause.REPLACED);
              }
              if (!storable) {
                entry.type.rejections.increment();
                return null;
              }
              entry.type.added(entry.bytes);
              return entry;
            });
  }

  // ---------------------------------------------------------------- invalidation

  @Override
  public void invalidate(K key) {
    Objects.requireNonNull(key, "key");
    checkOpen();
    supersede(key);
    remove(key, RemovalCause.EXPLICIT);
  }

  @Override
  public void invalidateWorkspace(Path workspace) {
    Objects.requireNonNull(workspace, "workspace");
    checkOpen();
    Function<? super K, Path> of = workspaceOf;
    if (of == null) {
      throw new IllegalStateException(
          "invalidateWorkspace needs the cache to be built with workspaceOf");
    }
    Path root = workspace.toAbsolutePath().normalize();
    invalidateMatching(key -> of.apply(key).toAbsolutePath().normalize().startsWith(root));
  }

  @Override
  public void invalidateAll() {
    checkOpen();
    invalidateMatching(key -> true);
  }

  /**
   * Supersedes every matching flight, then removes every matching entry. The iterators are weakly
   * consistent: they see every flight and entry present when they start, which covers every
   * generation that started before this call.
   */
  private void invalidateMatching(Predicate<K> matches) {
    for (Map.Entry<K, Flight<V>> inFlight : flights.entrySet()) {
      if (matches.test(inFlight.getKey())) {
        supersede(inFlight.getKey(), inFlight.getValue());
        remove(inFlight.getKey(), RemovalCause.EXPLICIT); // waits out an install in progress
      }
    }
    for (K key : store.asMap().keySet()) {
      if (matches.test(key)) {
        remove(key, RemovalCause.EXPLICIT);
      }
    }
  }

  private void supersede(K key) {
    Flight<V> flight = flights.get(key);
    if (flight != null) {
      supersede(key, flight);
    }
  }

  private void supersede(K key, Flight<V> flight) {
    flight.superseded = true;
    flights.remove(key, flight);
  }

  /**
   * Removes the key's entry, waiting for a {@code compute} of the key in progress (an install);
   * see the implementation notes for why this is not {@code computeIfPresent}.
   */
  private void remove(K key, RemovalCause cause) {
    store
        .asMap()
        .compute(
            key,
            (k, old) -> {
              if (old != null) {
                old.type.removed(old.bytes, cause);
              }
              return null;
            });
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
    store.cleanUp();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Map.Entry<K, Flight<V>> inFlight : flights.entrySet()) {
      Flight<V> flight = inFlight.getValue();
      supersede(inFlight.getKey(), flight);
      settleFailed(inFlight.getKey(), flight, closedException());
      flight.cancelGeneration();
      remove(inFlight.getKey(), RemovalCause.EXPLICIT);
    }
    for (K key : store.asMap().keySet()) {
      remove(key, RemovalCause.EXPLICIT);
    }
    store.cleanUp();
  }

  /** The stored entry, whatever its freshness, without counting a look-up; for tests. */
  @Nullable Entry<V> peekForTest(K key) {
    return store.policy().getIfPresentQuietly(key);
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
    return new CacheResult<>(entry.value, outcome, Duration.ofNanos(Math.max(0, now - entry.writtenAt)));
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static RemovalCause evictionCause(com.github.benmanes.caffeine.cache.RemovalCause cause) {
    return cause == com.github.benmanes.caffeine.cache.RemovalCause.SIZE
        ? RemovalCause.SIZE
        : RemovalCause.EXPIRED;
  }

  private static long ceilDiv(long dividend, long divisor) {
    return -Math.floorDiv(-dividend, divisor);
  }

  /** Entries live in the store until the end of the later of their two stale windows. */
  private static final class EntryExpiry<K, V> implements Expiry<K, Entry<V>> {
    @Override
    public long expireAfterCreate(K key, Entry<V> entry, long currentTime) {
      return Math.min(Math.max(0, TypeState.saturatedAdd(entry.expiresAt, -currentTime)), MAXIMUM_EXPIRY);
    }

    @Override
    public long expireAfterUpdate(K key, Entry<V> entry, long currentTime, long currentDuration) {
      return expireAfterCreate(key, entry, currentTime);
    }

    @Override
    public long expireAfterRead(K key, Entry<V> entry, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}

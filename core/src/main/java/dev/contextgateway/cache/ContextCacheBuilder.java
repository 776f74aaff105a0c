package dev.contextgateway.cache;

import dev.contextgateway.internal.Checks;
import dev.contextgateway.time.Scheduler;
import dev.contextgateway.time.ThreadLocalRandomSource;
import dev.contextgateway.time.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Configures and builds a {@link ContextCache}. Not thread-safe; each setting is validated when it
 * is set, with a message naming the setting and the bad value.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>{@link #types}</td><td>required: at least one</td></tr>
 *   <tr><td>{@link #maximumEntries}</td><td>unbounded</td></tr>
 *   <tr><td>{@link #maximumBytes} with {@link #weigher}</td><td>unbounded</td></tr>
 *   <tr><td>{@link #generationTimeout}</td><td>none</td></tr>
 *   <tr><td>{@link #earlyRefreshBeta}</td><td>1.0</td></tr>
 *   <tr><td>{@link #workspaceOf}</td><td>none ({@code invalidateWorkspace} unsupported)</td></tr>
 *   <tr><td>{@link #executor}</td><td>{@link ForkJoinPool#commonPool()}</td></tr>
 *   <tr><td>{@link #ticker}</td><td>{@link Ticker#system()}</td></tr>
 *   <tr><td>{@link #scheduler}</td><td>{@link Scheduler#system()}</td></tr>
 *   <tr><td>{@link #random}</td><td>a thread-local random source</td></tr>
 * </table>
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ContextCacheBuilder<K, V> {
  static final long UNSET = -1;

  final List<CacheType> types = new ArrayList<>();
  long maximumEntries = UNSET;
  long maximumBytes = UNSET;
  @Nullable Weigher<? super K, ? super V> weigher;
  @Nullable Duration generationTimeout;
  double earlyRefreshBeta = 1.0;
  @Nullable Function<? super K, Path> workspaceOf;
  Executor executor = ForkJoinPool.commonPool();
  Ticker ticker = Ticker.system();
  Scheduler scheduler = Scheduler.system();
  RandomGenerator random = ThreadLocalRandomSource.INSTANCE;

  ContextCacheBuilder() {}

  /** The types the cache serves; names must be unique. Replaces types set before. */
  public ContextCacheBuilder<K, V> types(CacheType... types) {
    Objects.requireNonNull(types, "types");
    List<CacheType> list = Arrays.asList(types);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("types must not be empty");
    }
    List<String> names = new ArrayList<>();
    for (CacheType type : list) {
      Objects.requireNonNull(type, "types must not contain null");
      if (names.contains(type.name())) {
        throw new IllegalArgumentException("types must have unique names, '" + type.name() + "' is repeated");
      }
      names.add(type.name());
    }
    this.types.clear();
    this.types.addAll(list);
    return this;
  }

  /** The most entries the cache holds; least recently and frequently used ones go first. */
  public ContextCacheBuilder<K, V> maximumEntries(long maximumEntries) {
    this.maximumEntries = Checks.positive("maximumEntries", maximumEntries);
    return this;
  }

  /**
   * The most bytes the entries may take, as the {@link #weigher} counts them. A value heavier than
   * this is returned to its callers but not cached. With {@link #maximumEntries} as well, both
   * bounds hold: each entry is then charged at least {@code maximumBytes / maximumEntries} bytes
   * against the byte bound, which may evict before either bound is reached on its own.
   */
  public ContextCacheBuilder<K, V> maximumBytes(long maximumBytes) {
    this.maximumBytes = Checks.positive("maximumBytes", maximumBytes);
    return this;
  }

  /** How entries are weighed in bytes; required with {@link #maximumBytes}. */
  public <K1 extends K, V1 extends V> ContextCacheBuilder<K1, V1> weigher(
      Weigher<? super K1, ? super V1> weigher) {
    Objects.requireNonNull(weigher, "weigher");
    ContextCacheBuilder<K1, V1> self = narrow();
    self.weigher = weigher;
    return self;
  }

  /**
   * How long one generation may run before every caller waiting on it fails with {@link
   * GenerationTimeoutException} and the key is free for a new generation.
   */
  public ContextCacheBuilder<K, V> generationTimeout(Duration timeout) {
    this.generationTimeout = Checks.positive("generationTimeout", timeout);
    return this;
  }

  /**
   * The beta of probabilistic early refresh (XFetch, Vattani et al.): a fresh hit starts a
   * background refresh with probability {@code exp(-remaining / (beta * generationTime))}, so
   * entries that take long to generate are refreshed a little before they expire, and few callers
   * ever wait. Larger is earlier; {@code 0} turns early refresh off.
   */
  public ContextCacheBuilder<K, V> earlyRefreshBeta(double beta) {
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("earlyRefreshBeta must be finite and >= 0, was " + beta);
    }
    this.earlyRefreshBeta = beta;
    return this;
  }

  /** How to find a key's workspace, for {@link ContextCache#invalidateWorkspace}. */
  public <K1 extends K> ContextCacheBuilder<K1, V> workspaceOf(
      Function<? super K1, Path> workspaceOf) {
    Objects.requireNonNull(workspaceOf, "workspaceOf");
    ContextCacheBuilder<K1, V> self = narrow();
    self.workspaceOf = workspaceOf;
    return self;
  }

  /** Where generators and maintenance run; {@code Runnable::run} runs them on the calling thread. */
  public ContextCacheBuilder<K, V> executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /** The time source for expiry, ages and generation times. */
  public ContextCacheBuilder<K, V> ticker(Ticker ticker) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    return this;
  }

  /** Fires generation timeouts; must share the {@link #ticker}'s time line. */
  public ContextCacheBuilder<K, V> scheduler(Scheduler scheduler) {
    this.scheduler = Scheduler.guarded(scheduler);
    return this;
  }

  /** The random source of early refresh; must be thread-safe. */
  public ContextCacheBuilder<K, V> random(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
    return this;
  }

  /**
   * Builds the cache.
   *
   * @throws IllegalStateException if no type was set, or {@link #maximumBytes} was set without a
   *     {@link #weigher}
   */
  public <K1 extends K, V1 extends V> ContextCache<K1, V1> build() {
    if (types.isEmpty()) {
      throw new IllegalStateException("types must be set: the cache serves at least one CacheType");
    }
    if (maximumBytes != UNSET && weigher == null) {
      throw new IllegalStateException("maximumBytes needs a weigher");
    }
    ContextCacheBuilder<K1, V1> self = narrow();
    return new DefaultContextCache<>(self);
  }

  /** The key and value types only narrow, and only the settings that name them are typed. */
  @SuppressWarnings("unchecked")
  private <K1 extends K, V1 extends V> ContextCacheBuilder<K1, V1> narrow() {
    return (ContextCacheBuilder<K1, V1>) this;
  }
}

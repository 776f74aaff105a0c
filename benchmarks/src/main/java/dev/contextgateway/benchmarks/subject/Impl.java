package dev.contextgateway.benchmarks.subject;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The implementations under test, by the names the benchmarks' {@code impl} parameter and the
 * reports use. JMH cannot take these names as enum constants (they hold dashes), so benchmarks
 * declare a {@code String impl} {@code @Param} with a subset of {@link #id()}s and look the
 * constant up with {@link #named}.
 */
public enum Impl {
  /** Seed design 1: check-then-act over a concurrent map; every concurrent miss generates. */
  NAIVE("naive", true, false),
  /** Seed design 2: per-key locks deleted after generation. */
  LOCK_DELETING("lock-deleting", true, false),
  /** Seed design 5: LRU behind one global lock (no expiry). */
  GLOBAL_LOCK_LRU("global-lock-lru", false, true),
  /** Seed design 4: LRU by an unlocked scan (no expiry; racy accounting). */
  SCAN_LRU("scan-lru", false, true),
  /** Caffeine's {@code AsyncLoadingCache}. */
  CAFFEINE("caffeine", true, true),
  /** A raw {@code ConcurrentHashMap} (no expiry, no bound). */
  CHM("chm", false, false),
  /** The project's {@code ContextCache}. */
  CONTEXT_CACHE("context-cache", true, true),
  /** The {@code ContextCache} with stale-while-revalidate. */
  CONTEXT_CACHE_SWR("context-cache-swr", true, true);

  private final String id;
  private final boolean expires;
  private final boolean bounded;

  Impl(String id, boolean expires, boolean bounded) {
    this.id = id;
    this.expires = expires;
    this.bounded = bounded;
  }

  /** The name the benchmarks and reports use, such as {@code context-cache}. */
  public String id() {
    return id;
  }

  /** Whether entries can expire (implementations that cannot refuse a time to live). */
  public boolean expires() {
    return expires;
  }

  /** Whether a weight bound can be set (implementations that cannot refuse one). */
  public boolean bounded() {
    return bounded;
  }

  /**
   * The implementation named {@code id}.
   *
   * @throws IllegalArgumentException naming the unknown id and the known ones
   */
  public static Impl named(String id) {
    for (Impl impl : values()) {
      if (impl.id.equals(id)) {
        return impl;
      }
    }
    throw new IllegalArgumentException(
        "impl must be one of "
            + Arrays.stream(values()).map(Impl::id).collect(Collectors.joining(", "))
            + ", was '"
            + id
            + "'");
  }

  /**
   * Creates this implementation configured by {@code spec}, generating with {@code generator}.
   *
   * @throws IllegalArgumentException if {@code spec} asks for expiry or a bound this
   *     implementation does not have
   */
  public BenchmarkCache create(CacheSpec spec, SimulatedGenerator generator) {
    if (!expires && spec.timeToLive().isPresent()) {
      throw new IllegalArgumentException(id + " does not expire entries; " + spec + " has a timeToLive");
    }
    if (!bounded && spec.maximumWeight() > 0) {
      throw new IllegalArgumentException(id + " has no bound; " + spec + " has a maximumWeight");
    }
    return switch (this) {
      case NAIVE -> BaselineSubject.naive(spec, generator);
      case LOCK_DELETING -> BaselineSubject.lockDeleting(spec, generator);
      case GLOBAL_LOCK_LRU -> LruSubject.globalLock(spec, generator);
      case SCAN_LRU -> LruSubject.scan(spec, generator);
      case CAFFEINE -> new CaffeineSubject(spec, generator);
      case CHM -> new ChmSubject(generator);
      case CONTEXT_CACHE -> new ContextCacheSubject(spec, generator, false);
      case CONTEXT_CACHE_SWR -> new ContextCacheSubject(spec, generator, true);
    };
  }
}

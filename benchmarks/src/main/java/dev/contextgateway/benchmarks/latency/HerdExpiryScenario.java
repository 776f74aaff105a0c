package dev.contextgateway.benchmarks.latency;

import dev.contextgateway.benchmarks.subject.BenchmarkCache;
import dev.contextgateway.benchmarks.subject.CacheSpec;
import dev.contextgateway.benchmarks.subject.Impl;
import dev.contextgateway.benchmarks.subject.SimulatedGenerator;
import dev.contextgateway.benchmarks.subject.Value;
import dev.contextgateway.reports.run.ScenarioInfo;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The herd at expiry: callers of one key arrive at a constant rate; the key's value lives {@code
 * timeToLive} and regenerating it takes {@code generatorLatency}. Only the callers that arrive
 * while the key regenerates are logged (the hits in between are counted, not logged):
 *
 * <ul>
 *   <li>{@code herd-expiry} ({@link #plain()}): those callers wait for a value born after they
 *       called. A single-flight cache makes them all wait for one generation, so none should wait
 *       longer than the generator latency; the naive design makes each of them generate.
 *   <li>{@code herd-expiry-swr} ({@link #staleWhileRevalidate()}): the same load with
 *       stale-while-revalidate on: those callers are served the expired value at once while one
 *       refresh runs ({@code context-cache-swr}; {@code caffeine} with {@code refreshAfterWrite}).
 * </ul>
 *
 * <p>A request is logged when the value it got was born after it called (it waited for a
 * generation) or was older than the time to live (it was served stale). Counters: {@code
 * generatorCalls} and {@code expiries} of the measured phase, counted by the {@link
 * SimulatedGenerator}.
 */
public final class HerdExpiryScenario implements LatencyScenario {
  private static final Integer KEY = 1;
  private static final double ARRIVAL_RATE = 2000;
  private static final Duration GENERATOR_LATENCY = Duration.ofMillis(50);
  private static final Duration TIME_TO_LIVE = Duration.ofMillis(500);
  private static final Duration STALE_WINDOW = Duration.ofMillis(500);

  private final String name;
  private final String description;
  private final List<Impl> implementations;
  private final CacheSpec spec;

  private HerdExpiryScenario(String name, String description, List<Impl> implementations, CacheSpec spec) {
    this.name = name;
    this.description = description;
    this.implementations = implementations;
    this.spec = spec;
  }

  /** {@code herd-expiry}: the naive and lock-deleting designs, Caffeine and the context cache. */
  public static HerdExpiryScenario plain() {
    return new HerdExpiryScenario(
        "herd-expiry",
        "Callers of one key at a constant rate; the key expires every 500 ms and takes 50 ms to"
            + " regenerate. Logged: the callers that arrive while it regenerates.",
        List.of(Impl.NAIVE, Impl.LOCK_DELETING, Impl.CAFFEINE, Impl.CONTEXT_CACHE),
        CacheSpec.expiringAfter(TIME_TO_LIVE));
  }

  /** {@code herd-expiry-swr}: the same load with stale-while-revalidate on. */
  public static HerdExpiryScenario staleWhileRevalidate() {
    return new HerdExpiryScenario(
        "herd-expiry-swr",
        "The herd-expiry load with stale-while-revalidate on: the expired value is served while one"
            + " refresh runs (caffeine: refreshAfterWrite). Logged: the callers that arrive while"
            + " the key regenerates.",
        List.of(Impl.CONTEXT_CACHE_SWR, Impl.CAFFEINE),
        CacheSpec.expiringAfter(TIME_TO_LIVE).withStaleWhileRevalidate(STALE_WINDOW));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public double arrivalRatePerSecond() {
    return ARRIVAL_RATE;
  }

  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> parameters = new LinkedHashMap<>();
    parameters.put(ScenarioInfo.GENERATOR_LATENCY_MILLIS, (double) GENERATOR_LATENCY.toMillis());
    parameters.put("timeToLiveMillis", (double) TIME_TO_LIVE.toMillis());
    parameters.put("staleWhileRevalidateMillis", (double) spec.staleWhileRevalidate().toMillis());
    return parameters;
  }

  @Override
  public List<String> implementations() {
    return implementations.stream().map(Impl::id).toList();
  }

  @Override
  public SystemUnderTest start(String implementation) {
    Impl impl = Impl.named(implementation);
    if (!implementations.contains(impl)) {
      throw new IllegalArgumentException(
          "implementation must be one of " + implementations() + " in " + name + ", was " + implementation);
    }
    SimulatedGenerator generator =
        SimulatedGenerator.builder().latency(GENERATOR_LATENCY).timeToLive(TIME_TO_LIVE).build();
    BenchmarkCache cache = impl.create(spec, generator);
    generator.served(KEY, cache.getOrGenerate(KEY));
    return new CacheUnderLoad(cache, generator, TIME_TO_LIVE.toNanos());
  }

  /** One cache and its generator; blocking caches are called on threads of their own. */
  private static final class CacheUnderLoad implements SystemUnderTest {
    private final BenchmarkCache cache;
    private final SimulatedGenerator generator;
    private final long timeToLiveNanos;
    private final @Nullable ExecutorService callers;
    private long callsBefore;
    private long expiriesBefore;

    CacheUnderLoad(BenchmarkCache cache, SimulatedGenerator generator, long timeToLiveNanos) {
      this.cache = cache;
      this.generator = generator;
      this.timeToLiveNanos = timeToLiveNanos;
      this.callers =
          cache.blocksCaller()
              ? Executors.newCachedThreadPool(
                  runnable -> {
                    Thread thread = new Thread(runnable, "herd-caller");
                    thread.setDaemon(true);
                    return thread;
                  })
              : null;
    }

    @Override
    public CompletionStage<Logged> call() {
      ExecutorService pool = callers;
      if (pool == null) {
        long calledAt = System.nanoTime();
        return cache.getOrGenerateAsync(KEY).thenApply(value -> classify(value, calledAt));
      }
      return CompletableFuture.supplyAsync(
          () -> {
            long calledAt = System.nanoTime();
            return classify(cache.getOrGenerate(KEY), calledAt);
          },
          pool);
    }

    /** Logged if the caller waited for a generation or was served a value past its time to live. */
    private Logged classify(Value value, long calledAt) {
      generator.served(KEY, value);
      boolean waited = value.bornNanos() > calledAt;
      boolean stale = calledAt - value.bornNanos() >= timeToLiveNanos;
      return waited || stale ? Logged.LOGGED : Logged.SKIPPED;
    }

    @Override
    public void startMeasurement() {
      callsBefore = generator.calls();
      expiriesBefore = generator.expiries();
    }

    @Override
    public Map<String, Long> counters() {
      Map<String, Long> counters = new LinkedHashMap<>();
      counters.put(ScenarioInfo.GENERATOR_CALLS, generator.calls() - callsBefore);
      counters.put("expiries", generator.expiries() - expiriesBefore);
      return counters;
    }

    @Override
    public void close() throws InterruptedException {
      if (callers != null) {
        callers.shutdownNow();
        callers.awaitTermination(10, TimeUnit.SECONDS);
      }
      cache.close();
    }
  }
}

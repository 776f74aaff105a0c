package dev.contextgateway.benchmarks.latency;

import dev.contextgateway.gateway.ContextGateway;
import dev.contextgateway.gateway.ContextGatewayBuilder;
import dev.contextgateway.gateway.ContextRequest;
import dev.contextgateway.gateway.GatewayTimeoutException;
import dev.contextgateway.gateway.PreparedContext;
import dev.contextgateway.llm.GeminiClient;
import dev.contextgateway.reports.run.ScenarioInfo;
import dev.contextgateway.resilience.CircuitBreakerSettings;
import dev.contextgateway.resilience.RateLimitSettings;
import dev.contextgateway.simulator.GeminiSimulator;
import dev.contextgateway.simulator.JournalEntry;
import dev.contextgateway.simulator.Outcome;
import dev.contextgateway.simulator.ReplyGenerator;
import dev.contextgateway.simulator.profile.FaultKind;
import dev.contextgateway.simulator.profile.FaultProfile;
import dev.contextgateway.simulator.profile.Latency;
import dev.contextgateway.simulator.profile.Profile;
import dev.contextgateway.simulator.profile.Profiles;
import dev.contextgateway.simulator.profile.Quota;
import dev.contextgateway.simulator.profile.Timeline;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The gateway against the Gemini simulator: a real {@link ContextGateway} with a real {@link
 * GeminiClient} sending over HTTP to a {@link GeminiSimulator} on 127.0.0.1, serving a small
 * workspace on disk. Every request asks for a context of its own (its query is numbered), so every
 * request that the gateway lets through reaches the model; every request's latency is logged.
 *
 * <p>All five scenarios share the gateway's settings: a caller timeout of {@link #CALLER_TIMEOUT},
 * a model call timeout of {@link #LLM_TIMEOUT}, the default retries, and a circuit breaker that
 * opens on half of the last 20 calls failing and tries again after {@link #BREAKER_WAIT}. They
 * differ in what the simulator does:
 *
 * <ul>
 *   <li>{@code gateway-healthy}: answers after a log-normal latency (median 50 ms);
 *   <li>{@code gateway-slow}: the simulator's {@code slow} profile (median 1.5 s, one answer in ten
 *       dribbled over 3 s): most calls outlast the model call timeout, the breaker opens on them
 *       (a timeout is a failure), and callers get a local ranking;
 *   <li>{@code gateway-quota}: a quota of {@link #QUOTA_PER_MINUTE} requests per minute, asked for
 *       at twice that rate, with the gateway's limiter set to the same quota. Before the warm-up
 *       the burst is spent, so that both the gateway's and the simulator's buckets are empty and
 *       the run measures the steady state, where a 429 can happen;
 *   <li>{@code gateway-hanging}: a quarter of the requests hang until the client gives up;
 *   <li>{@code gateway-outage-recovery}: healthy for the first 30 % of the measured phase, every
 *       request 503 for the next 30 %, then healthy again.
 * </ul>
 *
 * <p>Counters of the measured phase: {@code upstreamCalls}, {@code upstreamOk} and {@code
 * status429} (from the simulator's journal, requests received during the measured phase), {@code
 * servedByModel}, {@code servedLocally}, {@code servedStale}, {@code timedOut} (callers failed with
 * the gateway's timeout) and {@code pastTimeout} (callers answered more than {@link
 * #TIMEOUT_MARGIN} after their timeout, which should be none), and for {@code gateway-quota}
 * {@code quotaLimit} (the requests the quota allows in the measured phase) and {@code quotaUsed}
 * (those the simulator admitted).
 */
public final class GatewayScenario implements LatencyScenario {
  /** The implementation name of every gateway scenario. */
  public static final String GATEWAY = "gateway";

  static final Duration CALLER_TIMEOUT = Duration.ofSeconds(2);
  static final Duration LLM_TIMEOUT = Duration.ofMillis(1500);
  static final Duration BREAKER_WAIT = Duration.ofSeconds(1);
  static final Duration TIMEOUT_MARGIN = Duration.ofMillis(50);
  static final long QUOTA_PER_MINUTE = 600;

  private static final String MODEL = "gemini-2.5-flash";
  private static final int TOKEN_BUDGET = 4_000;
  private static final int PRIMING_CONCURRENCY = 32;
  private static final Duration PRIMING_TIMEOUT = Duration.ofSeconds(60);
  private static final Latency HEALTHY_LATENCY =
      Latency.logNormal(Duration.ofMillis(50), 0.5, Duration.ofSeconds(1));
  private static final FaultProfile HEALTHY =
      FaultProfile.builder("healthy").latency(HEALTHY_LATENCY).build();

  private final String name;
  private final String description;
  private final double arrivalRate;
  private final Duration measured;
  private final Profile warmupProfile;
  private final Function<Duration, Profile> measuredProfile;
  private final @Nullable Quota quota;

  private GatewayScenario(
      String name,
      String description,
      double arrivalRate,
      Duration measured,
      Profile warmupProfile,
      Function<Duration, Profile> measuredProfile,
      @Nullable Quota quota) {
    this.name = name;
    this.description = description;
    this.arrivalRate = arrivalRate;
    this.measured = Objects.requireNonNull(measured, "measured");
    this.warmupProfile = warmupProfile;
    this.measuredProfile = measuredProfile;
    this.quota = quota;
  }

  /**
   * The five gateway scenarios, in run order.
   *
   * @param measured the measured phase of each run, which the quota and the outage are sized to
   */
  public static List<GatewayScenario> all(Duration measured) {
    return List.of(healthy(measured), slow(measured), quota(measured), hanging(measured), outageRecovery(measured));
  }

  /** {@code gateway-healthy}: the model answers after about 50 ms. */
  public static GatewayScenario healthy(Duration measured) {
    return steady(
        "gateway-healthy",
        "Distinct context requests at a constant rate; the simulator answers after a log-normal"
            + " latency (median 50 ms, sigma 0.5).",
        50,
        measured,
        HEALTHY);
  }

  /** {@code gateway-slow}: the simulator's long-tailed {@code slow} profile. */
  public static GatewayScenario slow(Duration measured) {
    return steady(
        "gateway-slow",
        "The simulator's slow profile: log-normal latency, median 1.5 s, and one answer in ten"
            + " dribbled over 3 s. Calls past the 1.5 s model call timeout fail, the breaker opens,"
            + " and callers get a local ranking.",
        10,
        measured,
        Profiles.SLOW);
  }

  /** {@code gateway-quota}: twice the quota asked for, the gateway's limiter set to the quota. */
  public static GatewayScenario quota(Duration measured) {
    Quota quota = Quota.perMinute(QUOTA_PER_MINUTE, 0);
    FaultProfile profile =
        FaultProfile.builder("quota").latency(HEALTHY_LATENCY).quota(quota).build();
    return new GatewayScenario(
        "gateway-quota",
        "Requests at twice the simulator's quota of "
            + QUOTA_PER_MINUTE
            + " per minute, the gateway's rate limit set to that quota; the burst is spent before"
            + " the warm-up so that the run measures the steady state.",
        2.0 * QUOTA_PER_MINUTE / 60,
        measured,
        profile,
        unused -> profile,
        quota);
  }

  /** {@code gateway-hanging}: a quarter of the requests hang. */
  public static GatewayScenario hanging(Duration measured) {
    return steady(
        "gateway-hanging",
        "A quarter of the requests hang until the client gives up (the gateway's model call"
            + " timeout, 1.5 s); the others are answered after about 50 ms.",
        20,
        measured,
        FaultProfile.builder("quarter-hanging")
            .latency(HEALTHY_LATENCY)
            .fault(0.25, FaultKind.HANG)
            .build());
  }

  /** {@code gateway-outage-recovery}: healthy, an outage of 30 % of the measured phase, healthy. */
  public static GatewayScenario outageRecovery(Duration measured) {
    return new GatewayScenario(
        "gateway-outage-recovery",
        "Healthy for the first 30 % of the measured phase, every request 503 for the next 30 %,"
            + " then healthy again: the breaker opens, callers get a local ranking at once, and"
            + " the breaker closes after the outage.",
        20,
        measured,
        HEALTHY,
        phase ->
            Timeline.builder("outage-then-recovery")
                .phase(phase.multipliedBy(3).dividedBy(10), HEALTHY)
                .phase(phase.multipliedBy(3).dividedBy(10), Profiles.OUTAGE)
                .then(FaultProfile.builder("recovery").latency(HEALTHY_LATENCY).build()),
        null);
  }

  private static GatewayScenario steady(
      String name, String description, double arrivalRate, Duration measured, Profile profile) {
    return new GatewayScenario(name, description, arrivalRate, measured, profile, unused -> profile, null);
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
    return arrivalRate;
  }

  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> parameters = new LinkedHashMap<>();
    parameters.put("callerTimeoutMillis", (double) CALLER_TIMEOUT.toMillis());
    parameters.put("llmTimeoutMillis", (double) LLM_TIMEOUT.toMillis());
    parameters.put("breakerWaitMillis", (double) BREAKER_WAIT.toMillis());
    if (quota != null) {
      parameters.put("quotaRequestsPerMinute", (double) quota.requestsPerMinute());
    }
    return parameters;
  }

  @Override
  public List<String> implementations() {
    return List.of(GATEWAY);
  }

  @Override
  public SystemUnderTest start(String implementation) throws Exception {
    if (!GATEWAY.equals(implementation)) {
      throw new IllegalArgumentException(
          "implementation must be " + GATEWAY + " in " + name + ", was " + implementation);
    }
    GatewayUnderLoad sut = new GatewayUnderLoad(this);
    try {
      sut.open();
      if (quota != null) {
        sut.prime(quota.requestsPerMinute());
      }
      return sut;
    } catch (Exception | Error e) {
      try {
        sut.close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** A simulator, a gateway in front of it, and the workspace it serves; closed in reverse. */
  private static final class GatewayUnderLoad implements SystemUnderTest {
    private final GatewayScenario scenario;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final AtomicLong queries = new AtomicLong();
    private final LongAdder servedByModel = new LongAdder();
    private final LongAdder servedLocally = new LongAdder();
    private final LongAdder servedStale = new LongAdder();
    private final LongAdder timedOut = new LongAdder();
    private final LongAdder pastTimeout = new LongAdder();
    private @Nullable GeminiSimulator simulator;
    private @Nullable ContextGateway gateway;
    private @Nullable Path workspace;
    private volatile boolean measuring;
    private long measuredFromNanos;

    GatewayUnderLoad(GatewayScenario scenario) {
      this.scenario = scenario;
    }

    void open() throws Exception {
      Path root = BenchWorkspace.create();
      resources.push(() -> BenchWorkspace.delete(root));
      workspace = root;

      GeminiSimulator gemini =
          GeminiSimulator.builder()
              .profile(scenario.warmupProfile)
              .replies(ReplyGenerator.contextSelection())
              .seed(42)
              .start();
      resources.push(gemini);
      simulator = gemini;

      ExecutorService http = Executors.newFixedThreadPool(4, daemonThreads("gateway-bench-http"));
      resources.push(
          () -> {
            http.shutdownNow();
            http.awaitTermination(10, TimeUnit.SECONDS);
          });
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .executor(http)
              .build();
      GeminiClient llm =
          GeminiClient.builder()
              .baseUrl(gemini.baseUrl())
              .apiKey(gemini.apiKey())
              .model(MODEL)
              .httpClient(client)
              .executor(http)
              .build();
      resources.push(llm);
      ContextGatewayBuilder builder =
          ContextGateway.builder()
              .llmClient(llm)
              .llmTimeout(LLM_TIMEOUT)
              .earlyRefreshBeta(0)
              .circuitBreaker(
                  CircuitBreakerSettings.builder()
                      .slidingWindowSize(20)
                      .minimumNumberOfCalls(10)
                      .failureRateThreshold(50)
                      .waitInOpenState(BREAKER_WAIT)
                      .permittedCallsInHalfOpenState(3)
                      .build());
      Quota quota = scenario.quota;
      if (quota != null) {
        builder.rateLimit(RateLimitSettings.builder().requestsPerMinute(quota.requestsPerMinute()).build());
      }
      ContextGateway built = builder.build();
      resources.push(built);
      gateway = built;
    }

    /**
     * Spends the quota through the gateway, at most {@link #PRIMING_CONCURRENCY} calls at a time,
     * until its limiter makes a caller wait or turns one away: then the limiter's bucket is empty,
     * and so, near enough, is the simulator's, which has the same size and refill and was paid by
     * the same calls. Without this the measured phase would begin with whatever the warm-up left
     * of a minute's burst. Sends at most twice {@code quota} calls.
     */
    void prime(long quota) throws Exception {
      Deque<CompletableFuture<PreparedContext>> inFlight = new ArrayDeque<>();
      for (long sent = 0; sent < 2 * quota && !limiterHeldBack(); sent++) {
        if (inFlight.size() == PRIMING_CONCURRENCY) {
          awaitQuietly(inFlight.removeFirst());
        }
        inFlight.addLast(requireGateway().prepareContext(nextRequest()));
      }
      while (!inFlight.isEmpty()) {
        awaitQuietly(inFlight.removeFirst());
      }
    }

    private boolean limiterHeldBack() {
      var metrics = requireGateway().metrics().snapshot();
      return metrics.limiterWaits() + metrics.limiterRejections() > 0;
    }

    private static void awaitQuietly(CompletableFuture<PreparedContext> call) throws Exception {
      try {
        call.get(PRIMING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        // A priming call that fails still spent its share of the quota, which is all it is for.
      }
    }

    @Override
    public CompletionStage<Logged> call() {
      boolean measured = measuring;
      long calledAt = System.nanoTime();
      return requireGateway()
          .prepareContext(nextRequest())
          .handle(
              (context, failure) -> {
                if (measured) {
                  count(context, failure, System.nanoTime() - calledAt);
                }
                if (failure != null) {
                  throw failure instanceof RuntimeException runtime
                      ? runtime
                      : new CompletionException(failure);
                }
                return Logged.LOGGED;
              });
    }

    private void count(@Nullable PreparedContext context, @Nullable Throwable failure, long latencyNanos) {
      if (latencyNanos > CALLER_TIMEOUT.plus(TIMEOUT_MARGIN).toNanos()) {
        pastTimeout.increment();
      }
      if (context == null) {
        Throwable cause =
            failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (cause instanceof GatewayTimeoutException) {
          timedOut.increment();
        }
        return;
      }
      if (context.stale()) {
        servedStale.increment();
      } else if (context.source() == PreparedContext.Source.LLM) {
        servedByModel.increment();
      } else {
        servedLocally.increment();
      }
    }

    private ContextRequest nextRequest() {
      long n = queries.incrementAndGet();
      return new ContextRequest(
          Objects.requireNonNull(workspace, "workspace"),
          BenchWorkspace.query(n),
          "session-" + (n % 16),
          TOKEN_BUDGET,
          CALLER_TIMEOUT);
    }

    private ContextGateway requireGateway() {
      return Objects.requireNonNull(gateway, "gateway");
    }

    private GeminiSimulator requireSimulator() {
      return Objects.requireNonNull(simulator, "simulator");
    }

    @Override
    public void startMeasurement() {
      Profile measuredProfile = scenario.measuredProfile.apply(scenario.measured);
      if (measuredProfile != scenario.warmupProfile) {
        requireSimulator().setProfile(measuredProfile);
      }
      measuredFromNanos = System.nanoTime();
      measuring = true;
    }

    @Override
    public Map<String, Long> counters() {
      long from = measuredFromNanos;
      long to = from + scenario.measured.toNanos();
      List<JournalEntry> received =
          requireSimulator().journal().entries(entry -> entry.receivedAtNanos() >= from && entry.receivedAtNanos() < to);
      long status429 = received.stream().filter(entry -> entry.outcome().isRateLimit()).count();
      long ok = received.stream().filter(entry -> entry.outcome() == Outcome.OK).count();
      Map<String, Long> counters = new LinkedHashMap<>();
      counters.put(ScenarioInfo.UPSTREAM_CALLS, (long) received.size());
      counters.put("upstreamOk", ok);
      counters.put(ScenarioInfo.STATUS_429, status429);
      counters.put("servedByModel", servedByModel.sum());
      counters.put("servedLocally", servedLocally.sum());
      counters.put("servedStale", servedStale.sum());
      counters.put("timedOut", timedOut.sum());
      counters.put("pastTimeout", pastTimeout.sum());
      Quota quota = scenario.quota;
      if (quota != null) {
        counters.put(
            ScenarioInfo.QUOTA_LIMIT,
            Math.round(quota.requestsPerMinute() * scenario.measured.toNanos() / 60e9));
        counters.put(ScenarioInfo.QUOTA_USED, received.size() - status429);
      }
      return counters;
    }

    @Override
    public void close() throws Exception {
      Exception failure = null;
      while (!resources.isEmpty()) {
        try {
          resources.pop().close();
        } catch (Exception e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}

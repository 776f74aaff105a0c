package dev.contextgateway.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.contextgateway.simulator.profile.Profile;
import dev.contextgateway.simulator.profile.Profiles;
import dev.contextgateway.time.Ticker;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A Gemini API simulator on 127.0.0.1: an embedded WireMock server that answers {@code
 * generateContent}, {@code streamGenerateContent} and {@code countTokens} like the real service,
 * validates requests like it (API key, body, model), and applies a {@link Profile fault profile}
 * reproducibly from a seed.
 *
 * <pre>{@code
 * try (GeminiSimulator gemini = GeminiSimulator.builder().profile(Profiles.FLAKY).seed(42).build().start()) {
 *   client.baseUrl(gemini.baseUrl()).apiKey(gemini.apiKey());
 *   ...
 *   assertThat(gemini.journal().count(Outcome.UNAVAILABLE)).isPositive();
 * }
 * }</pre>
 *
 * <p><b>Reproducibility.</b> The n-th request after a profile is activated (at start, by {@link
 * #setProfile} or {@link #reset}) draws its fault, its latency and its answer text from a random
 * stream determined by the seed and n alone, so a run that sends the same requests in the same
 * order sees the same behaviour. Timelines and quotas follow the injected {@link Ticker}.
 *
 * <p><b>Thread safety.</b> All methods are thread-safe. {@link #start} binds the port and may
 * block briefly; {@link #close} stops the server without waiting for hung or delayed answers
 * (their connections are closed). Requests are decided one at a time in arrival order, answered
 * concurrently.
 */
public final class GeminiSimulator implements AutoCloseable {
  /** The API key the simulator accepts unless {@link Builder#apiKey} says otherwise. */
  public static final String DEFAULT_API_KEY = "simulator-api-key";

  /** The models the simulator serves unless {@link Builder#models} says otherwise. */
  public static final List<String> DEFAULT_MODELS =
      List.of(
          "gemini-2.5-pro",
          "gemini-2.5-flash",
          "gemini-2.5-flash-lite",
          "gemini-2.0-flash",
          "gemini-2.0-flash-lite",
          "gemini-flash-latest",
          "gemini-flash-lite-latest",
          "gemini-pro-latest");

  private static final String HOST = "127.0.0.1";

  private final int requestedPort;
  private final String apiKey;
  private final Duration hangTimeout;
  private final int responseThreads;
  private final RequestJournal journal;
  private final SimulatorEngine engine;
  private final GeminiTransformer transformer;

  private final WireMockServer server;

  @GuardedBy("this")
  private State state = State.NEW;

  private enum State {
    NEW,
    RUNNING,
    CLOSED
  }

  private GeminiSimulator(Builder builder) {
    this.requestedPort = builder.port;
    this.apiKey = builder.apiKey;
    this.hangTimeout = builder.hangTimeout;
    this.responseThreads = builder.responseThreads;
    this.journal = new RequestJournal(builder.journalCapacity);
    this.engine =
        new SimulatorEngine(builder.ticker, journal, hangTimeout, builder.profile, builder.seed);
    ObjectMapper mapper = new ObjectMapper();
    JsonText json = new JsonText(mapper);
    this.transformer =
        new GeminiTransformer(
            engine,
            new RequestReader(mapper),
            new Answers(mapper, json),
            json,
            new AdminEndpoint(this, json),
            apiKey,
            builder.models,
            builder.replies);
    this.server = newServer();
  }

  /** Starts configuring a simulator. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts serving.
   *
   * @return this simulator
   * @throws IllegalStateException if it was started or closed before, or the port cannot be bound
   */
  public synchronized GeminiSimulator start() {
    if (state != State.NEW) {
      throw new IllegalStateException("the simulator can start only once, it is " + state);
    }
    try {
      server.start();
    } catch (Exception e) { // WireMock also rethrows checked exceptions unchecked
      state = State.CLOSED;
      try {
        server.stop();
      } catch (Exception suppressed) { // a half-started Jetty may fail to stop as well
        e.addSuppressed(suppressed);
      }
      throw new IllegalStateException(
          "cannot start the Gemini simulator on "
              + HOST
              + ":"
              + requestedPort
              + ": "
              + rootCause(e),
          e);
    }
    server.stubFor(any(anyUrl()).willReturn(ok()));
    state = State.RUNNING;
    engine.reset();
    return this;
  }

  /**
   * The base URL to give a client, e.g. {@code http://127.0.0.1:8089} (the client adds {@code
   * /v1beta/models/...}).
   *
   * @throws IllegalStateException if the simulator is not running
   */
  public String baseUrl() {
    return "http://" + HOST + ":" + port();
  }

  /**
   * The bound port.
   *
   * @throws IllegalStateException if the simulator is not running
   */
  public synchronized int port() {
    if (state != State.RUNNING) {
      throw new IllegalStateException("the simulator is not running, it is " + state);
    }
    return server.port();
  }

  /** The API key the simulator accepts (in {@code x-goog-api-key} or {@code ?key=}). */
  public String apiKey() {
    return apiKey;
  }

  /** The active profile. */
  public Profile profile() {
    return engine.profile();
  }

  /** The active seed. */
  public long seed() {
    return engine.seed();
  }

  /**
   * Switches to {@code profile}, keeping the seed. Its timeline and quotas start now; the journal
   * is kept.
   */
  public void setProfile(Profile profile) {
    setProfile(profile, engine.seed());
  }

  /** Switches to {@code profile} with {@code seed}; its timeline and quotas start now. */
  public void setProfile(Profile profile, long seed) {
    engine.activate(Objects.requireNonNull(profile, "profile"), seed);
  }

  /**
   * Clears the journal and counters, numbers requests from 0 again, and restarts the active
   * profile's timeline and quotas, as if the simulator had just started with it.
   */
  public void reset() {
    engine.reset();
  }

  /** The journal of requests received since the start or the last reset. */
  public RequestJournal journal() {
    return journal;
  }

  /** How long a hung request is held before its connection is closed. */
  public Duration hangTimeout() {
    return hangTimeout;
  }

  /** Whether the simulator is serving. */
  public synchronized boolean isRunning() {
    return state == State.RUNNING;
  }

  SimulatorEngine.Status status() {
    return engine.status();
  }

  /**
   * Stops serving and closes every connection, including hung and delayed ones, without waiting
   * for their answers. Idempotent.
   */
  private static String rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  @Override
  public synchronized void close() {
    if (state == State.RUNNING) {
      server.stop();
    }
    state = State.CLOSED;
  }

  private WireMockServer newServer() {
    long hangMillis = hangTimeout.toMillis();
    // A hung request is parked in Jetty as an async request with a delayed answer: neither the
    // async timeout nor the idle timeout may end it before the hang timeout does.
    long jettyTimeout = Math.min(hangMillis + 60_000, Integer.MAX_VALUE);
    WireMockConfiguration options =
        WireMockConfiguration.options()
            .bindAddress(HOST)
            .port(requestedPort)
            .jettyAcceptors(1)
            .http2PlainDisabled(true)
            .gzipDisabled(true)
            .disableRequestJournal()
            .stubRequestLoggingDisabled(true)
            .asynchronousResponseEnabled(true)
            .asynchronousResponseThreads(responseThreads)
            .timeout((int) jettyTimeout)
            .jettyIdleTimeout(jettyTimeout)
            .mappingSource(new NoMappings())
            .notifier(new Slf4jNotifier(false))
            .httpServerFactory(new ClosingJettyServerFactory())
            .extensions(transformer);
    return new WireMockServer(options);
  }

  /** Keeps WireMock from loading stub files from the working directory. */
  private static final class NoMappings implements MappingsSource {
    @Override
    public void loadMappingsInto(StubMappings stubMappings) {}

    @Override
    public void save(List<StubMapping> stubMappings) {}

    @Override
    public void save(StubMapping stubMapping) {}

    @Override
    @SuppressWarnings("removal")
    public void remove(StubMapping stubMapping) {}

    @Override
    public void removeAll() {}
  }

  /**
   * Configures a {@link GeminiSimulator}; not thread-safe. Every setting has a default: port 0 (a
   * free port), API key {@value #DEFAULT_API_KEY}, the {@link Profiles#HEALTHY healthy} profile,
   * seed 0, the system ticker, {@link #DEFAULT_MODELS}, filler replies, a 10-minute hang timeout,
   * 16 response threads and a journal of 100 000 entries.
   */
  public static final class Builder {
    private int port;
    private String apiKey = DEFAULT_API_KEY;
    private Profile profile = Profiles.HEALTHY;
    private long seed;
    private Ticker ticker = Ticker.system();
    private Set<String> models = new LinkedHashSet<>(DEFAULT_MODELS);
    private ReplyGenerator replies = ReplyGenerator.filler();
    private Duration hangTimeout = Duration.ofMinutes(10);
    private int responseThreads = 16;
    private int journalCapacity = 100_000;

    private Builder() {}

    /** The port to bind on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
      }
      this.port = port;
      return this;
    }

    /** The one API key the simulator accepts. */
    public Builder apiKey(String apiKey) {
      Objects.requireNonNull(apiKey, "apiKey");
      if (apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey must not be blank, was '" + apiKey + "'");
      }
      this.apiKey = apiKey;
      return this;
    }

    /** The profile active from the start. */
    public Builder profile(Profile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /** The seed of every random choice. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The clock of timelines, quotas and journal timestamps (default {@link Ticker#system()}).
     * Latency and hangs are real delays whatever the ticker.
     */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** The model names served; any other model gets 404 NOT_FOUND. */
    public Builder models(Collection<String> models) {
      if (models.isEmpty()) {
        throw new IllegalArgumentException("models must not be empty, was " + models);
      }
      this.models = new LinkedHashSet<>(models);
      return this;
    }

    /** Writes the answer texts (default {@link ReplyGenerator#filler()}). */
    public Builder replies(ReplyGenerator replies) {
      this.replies = Objects.requireNonNull(replies, "replies");
      return this;
    }

    /**
     * How long a {@code hang} fault holds a request before closing its connection unanswered
     * (default 10 minutes); a client normally gives up first. Closing the simulator never waits
     * for it.
     */
    public Builder hangTimeout(Duration hangTimeout) {
      Objects.requireNonNull(hangTimeout, "hangTimeout");
      if (hangTimeout.isNegative()
          || hangTimeout.isZero()
          || hangTimeout.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException(
            "hangTimeout must be positive and at most a day, was " + hangTimeout);
      }
      this.hangTimeout = hangTimeout;
      return this;
    }

    /**
     * Threads that send delayed and dripped answers (default 16). A drip occupies one for its
     * duration; delays and hangs occupy none while they wait.
     */
    public Builder responseThreads(int responseThreads) {
      if (responseThreads < 1) {
        throw new IllegalArgumentException(
            "responseThreads must be positive, was " + responseThreads);
      }
      this.responseThreads = responseThreads;
      return this;
    }

    /** The most journal entries retained (counters are exact regardless). */
    public Builder journalCapacity(int journalCapacity) {
      if (journalCapacity < 1) {
        throw new IllegalArgumentException(
            "journalCapacity must be positive, was " + journalCapacity);
      }
      this.journalCapacity = journalCapacity;
      return this;
    }

    /** A simulator with these settings, not yet started. */
    public GeminiSimulator build() {
      return new GeminiSimulator(this);
    }

    /** Builds and {@link GeminiSimulator#start() starts} a simulator. */
    public GeminiSimulator start() {
      return build().start();
    }
  }
}

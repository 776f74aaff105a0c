package dev.contextgateway.simulator.faultmatrix;

import dev.contextgateway.gateway.ContextGateway;
import dev.contextgateway.gateway.ContextGatewayBuilder;
import dev.contextgateway.gateway.ContextRequest;
import dev.contextgateway.llm.GeminiClient;
import dev.contextgateway.resilience.RetrySettings;
import dev.contextgateway.simulator.GeminiSimulator;
import dev.contextgateway.simulator.ReplyGenerator;
import dev.contextgateway.simulator.profile.Profile;
import dev.contextgateway.time.Scheduler;
import dev.contextgateway.time.Ticker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fault-matrix scenario: a real {@link ContextGateway} with a real {@link GeminiClient} sending
 * over HTTP to a {@link GeminiSimulator} on 127.0.0.1, on the system ticker and scheduler, serving
 * real workspaces in a temporary folder.
 *
 * <p>Before each test it takes a baseline of the JVM's threads and file descriptors; after it, it
 * closes the gateways and then the simulators the test made (closing a simulator also closes the
 * server side of requests it still holds, such as hung ones), and fails unless every thread and
 * descriptor the scenario opened is gone within {@link #LEAK_BOUND}, naming those that are not.
 */
abstract class FaultMatrixScenario {
  /** How long after closing everything threads and descriptors may take to go. */
  static final Duration LEAK_BOUND = Duration.ofSeconds(10);

  /** The margin the issue allows a caller past its timeout. */
  static final Duration TIMEOUT_MARGIN = Duration.ofMillis(50);

  /** The model the gateways call. */
  static final String MODEL = "gemini-2.5-flash";

  @TempDir Path temp;

  private ProcessResources.Snapshot baseline;
  private final Deque<AutoCloseable> gateways = new ArrayDeque<>();
  private final Deque<AutoCloseable> simulators = new ArrayDeque<>();
  private int workspaces;

  @BeforeEach
  final void takeBaseline() throws Exception {
    JvmWarmUp.ensure();
    // JVM-wide services made on first use, never closed: make them before the baseline.
    var unused = SharedHttp.CLIENT;
    CompletableFuture<Void> timer = new CompletableFuture<>();
    var scheduled = Scheduler.system().schedule(Runnable::run, () -> timer.complete(null), Duration.ZERO);
    timer.get(10, TimeUnit.SECONDS);
    baseline = ProcessResources.snapshot();
  }

  @AfterEach
  final void closeAndCheckForLeaks() throws Exception {
    Exception failure = null;
    for (Deque<AutoCloseable> group : List.of(gateways, simulators)) {
      while (!group.isEmpty()) {
        try {
          group.pop().close();
        } catch (Exception e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    ProcessResources.awaitNoLeaks(baseline, LEAK_BOUND);
  }

  /** A simulator with {@code profile} and replies to the gateway's selection prompt, started. */
  GeminiSimulator simulator(Profile profile) {
    return simulator(GeminiSimulator.builder().profile(profile));
  }

  /** A simulator from {@code builder}, with replies to the gateway's selection prompt, started. */
  GeminiSimulator simulator(GeminiSimulator.Builder builder) {
    GeminiSimulator simulator = builder.replies(ReplyGenerator.contextSelection()).seed(42).start();
    simulators.push(simulator);
    return simulator;
  }

  /**
   * A gateway builder wired to {@code simulator} through a real Gemini client on the shared HTTP
   * client: system time, the gateway's own executor, workspaces watched (the defaults), no
   * retries and no early refresh unless the test says otherwise.
   */
  static ContextGatewayBuilder gatewayFor(GeminiSimulator simulator) {
    GeminiClient gemini =
        GeminiClient.builder()
            .baseUrl(simulator.baseUrl())
            .apiKey(simulator.apiKey())
            .model(MODEL)
            .httpClient(SharedHttp.CLIENT)
            .executor(SharedHttp.EXECUTOR)
            .ticker(Ticker.system())
            .scheduler(Scheduler.system())
            .build();
    return ContextGateway.builder().llmClient(gemini).retry(RetrySettings.none()).earlyRefreshBeta(0);
  }

  /** Builds the gateway; it is closed after the test, before the simulators. */
  ContextGateway start(ContextGatewayBuilder builder) {
    ContextGateway gateway = builder.build();
    gateways.push(gateway);
    return gateway;
  }

  /** A new workspace of eight files in the test's temporary folder. */
  Path workspace() throws IOException {
    return Workspaces.create(temp.resolve("workspace-" + ++workspaces));
  }

  /** {@code count} requests for distinct contexts (distinct queries) of {@code workspace}. */
  static List<ContextRequest> distinctRequests(Path workspace, int count, Duration timeout) {
    List<ContextRequest> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      requests.add(new ContextRequest(workspace, "cache limiter breaker retry query " + i, "session-" + i, 4_000, timeout));
    }
    return requests;
  }

  /**
   * {@code count} requests for distinct contexts whose prompts differ in length by four characters
   * from one to the next, so that each one's estimated prompt tokens (one token per four
   * characters) are its own: the journal's {@code promptTokens} then tells which call a request
   * belongs to, retries included.
   */
  static List<ContextRequest> requestsOfDistinctSizes(Path workspace, int count, Duration timeout) {
    List<ContextRequest> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String query = "rate limiter retry delay quota " + "z".repeat(4 * i + 3);
      requests.add(new ContextRequest(workspace, query, "session-" + i, 4_000, timeout));
    }
    return requests;
  }

  /** {@code count} identical requests (one context) of {@code workspace}. */
  static List<ContextRequest> identicalRequests(Path workspace, int count, Duration timeout) {
    List<ContextRequest> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      requests.add(new ContextRequest(workspace, "single flight cache expiry", "session-" + i, 4_000, timeout));
    }
    return requests;
  }
}

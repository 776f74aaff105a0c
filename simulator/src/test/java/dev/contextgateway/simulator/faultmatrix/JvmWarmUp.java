package dev.contextgateway.simulator.faultmatrix;

import dev.contextgateway.gateway.ContextGateway;
import dev.contextgateway.simulator.GeminiSimulator;
import dev.contextgateway.simulator.ReplyGenerator;
import dev.contextgateway.simulator.profile.FaultKind;
import dev.contextgateway.simulator.profile.FaultProfile;
import dev.contextgateway.simulator.profile.Latency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs the gateway's paths (answers, errors, caller timeouts over hung calls) a few times in this
 * JVM before any scenario measures a caller's lateness.
 *
 * <p>A cold JVM interprets, loads classes and compiles on the same two cores the callers wait on:
 * measured here, callers of the first round of a fresh JVM came back 200 to 350 ms past their
 * timeout, of the third round 10 to 45 ms. The 50 ms the fault matrix allows is for the gateway,
 * not for the JIT compiler, so the scenarios measure a warmed JVM, as a service that has served
 * some traffic is.
 */
final class JvmWarmUp {
  private static final int ROUNDS = 5;
  private static final int REQUESTS = 40;
  private static boolean done;

  private JvmWarmUp() {}

  /** Warms the JVM once; later calls return at once. Called before a scenario's baseline. */
  static synchronized void ensure() throws Exception {
    if (done) {
      return;
    }
    Path temp = Files.createTempDirectory("fault-matrix-warm-up");
    FaultProfile mixed =
        FaultProfile.builder("warm-up")
            .latency(Latency.uniform(Duration.ZERO, Duration.ofMillis(200)))
            .fault(0.3, FaultKind.HANG)
            .fault(0.1, FaultKind.UNAVAILABLE)
            .fault(0.05, FaultKind.MALFORMED_JSON)
            .build();
    try (GeminiSimulator gemini =
        GeminiSimulator.builder()
            .profile(mixed)
            .replies(ReplyGenerator.contextSelection())
            .hangTimeout(Duration.ofSeconds(2))
            .start()) {
      for (int round = 0; round < ROUNDS; round++) {
        try (ContextGateway gateway =
            FaultMatrixScenario.gatewayFor(gemini).llmTimeout(Duration.ofMillis(400)).build()) {
          Path workspace = Workspaces.create(temp.resolve("round-" + round));
          Callers.run(gateway, FaultMatrixScenario.distinctRequests(workspace, REQUESTS, Duration.ofMillis(150)), 8);
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(temp)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    done = true;
  }
}

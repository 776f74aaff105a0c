package dev.contextgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.contextgateway.llm.UnavailableException;
import dev.contextgateway.resilience.RetrySettings;
import dev.contextgateway.time.FakeTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway with a real workspace watcher: a file change drops the workspace's contexts, also one
 * whose generation was in flight (DESIGN.md I2 end to end); and no file handle outlives a request
 * whose LLM step failed.
 */
class ContextGatewayWorkspaceTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path workspace;
  private final FakeTime time = new FakeTime();
  private final FakeLlm llm = new FakeLlm();
  private ContextGateway gateway;

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(workspace.resolve("src"));
    Files.writeString(workspace.resolve("src/Cache.java"), "class Cache { /* single flight */ }");
    Files.writeString(workspace.resolve("src/Other.java"), "class Other {}");
  }

  @AfterEach
  void tearDown() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private ContextGateway gateway(boolean watch) {
    gateway =
        ContextGateway.builder()
            .llmClient(llm)
            .retry(RetrySettings.none())
            .ticker(time)
            .scheduler(time)
            .executor(Runnable::run)
            .earlyRefreshBeta(0)
            .watchWorkspaces(watch)
            .build();
    return gateway;
  }

  private ContextRequest request() {
    return new ContextRequest(workspace, "single flight cache", "s", 1_000, TIMEOUT);
  }

  /** Advances fake time until the watcher's debounced invalidation has been seen. */
  private void awaitInvalidation(long before) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              time.advance(Duration.ofMillis(250)); // past the quiet period once the event is in
              assertThat(gateway.metrics().snapshot().workspaceInvalidations()).isGreaterThan(before);
            });
  }

  @Test
  void fileChange_inAWatchedWorkspace_dropsItsContexts() throws IOException {
    gateway(true);
    CompletableFuture<PreparedContext> first = gateway.prepareContext(request());
    llm.answerSelecting("src/Cache.java");
    assertThat(first.join().degraded()).isFalse();
    gateway.prepareContext(request()).join();
    assertThat(llm.calls()).isEqualTo(1);

    Files.writeString(workspace.resolve("src/Cache.java"), "class Cache { /* changed */ }");
    awaitInvalidation(0);

    gateway.prepareContext(request());
    assertThat(llm.calls()).as("the changed workspace is generated again").isEqualTo(2);
  }

  @Test
  void generationInFlight_whenAFileChanges_doesNotInstallItsResult() throws IOException {
    gateway(true);
    CompletableFuture<PreparedContext> before = gateway.prepareContext(request());
    assertThat(llm.calls()).isEqualTo(1);

    Files.writeString(workspace.resolve("src/Other.java"), "class Other { /* single flight too */ }");
    awaitInvalidation(0);
    llm.answerSelecting("src/Cache.java");

    assertThat(before.join().source()).as("its own caller still gets it").isEqualTo(PreparedContext.Source.LLM);
    gateway.prepareContext(request());
    assertThat(llm.calls()).as("but it was not cached").isEqualTo(2);
  }

  @Test
  void llmFailure_leavesNoFileHandleOpen() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    assumeThat(Files.isDirectory(fds)).as("Linux /proc").isTrue();
    gateway(false);
    for (int i = 0; i < 20; i++) {
      Files.writeString(workspace.resolve("src/File" + i + ".java"), "class File" + i + " { /* single flight */ }");
    }
    long before = handlesInto(fds, workspace);

    for (int round = 0; round < 10; round++) {
      gateway.invalidateWorkspace(workspace);
      CompletableFuture<PreparedContext> future = gateway.prepareContext(request());
      llm.fail(new UnavailableException("down", 503, null));
      assertThat(future.join().degraded()).isTrue();
    }

    assertThat(handlesInto(fds, workspace)).isEqualTo(before);
  }

  /** Open descriptors of this process that point into {@code folder}. */
  private static long handlesInto(Path fds, Path folder) throws IOException {
    Path real = folder.toRealPath();
    try (Stream<Path> entries = Files.list(fds)) {
      return entries
          .filter(
              fd -> {
                try {
                  return Files.readSymbolicLink(fd).startsWith(real);
                } catch (IOException | UnsupportedOperationException gone) {
                  return false;
                }
              })
          .count();
    }
  }
}

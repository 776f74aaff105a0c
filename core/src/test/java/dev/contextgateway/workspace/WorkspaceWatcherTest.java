package dev.contextgateway.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.contextgateway.time.FakeTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher on a real folder and the platform's watch service. Debounce runs on fake time;
 * real events are awaited with a bound. Files are created by an atomic rename from a hidden
 * temporary file, so each visible change is exactly one event.
 */
class WorkspaceWatcherTest {
  private static final Duration QUIET = Duration.ofMillis(100);

  @TempDir Path temp;

  private final FakeTime time = new FakeTime();
  private final List<Path> invalidated = new CopyOnWriteArrayList<>();
  private final RecordingListener listener = new RecordingListener();
  private final List<WorkspaceWatcher> started = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    started.forEach(WorkspaceWatcher::close);
  }

  @Test
  void change_afterTheQuietPeriod_invalidatesTheRootOnce() throws IOException {
    Path root = workspace();
    WorkspaceWatcher watcher = watch(root);

    create(root.resolve("a.txt"));
    awaitUntil(() -> watcher.eventCount() == 1 && time.pendingTasks() == 1);

    time.advance(QUIET.minusMillis(1));
    assertThat(invalidated).isEmpty();
    time.advanceMillis(1);
    assertThat(invalidated).containsExactly(root);
    assertThat(listener.invalidations).containsExactly(WorkspaceWatcher.Cause.CHANGES);
    assertThat(watcher.invalidationCount()).isEqualTo(1);
  }

  @Test
  void burstOfChanges_isDebouncedIntoOneInvalidation() throws IOException {
    Path root = workspace();
    WorkspaceWatcher watcher = watch(root);

    for (int i = 0; i < 5; i++) {
      create(root.resolve("f" + i + ".txt"));
    }
    awaitUntil(() -> watcher.eventCount() == 5);

    assertThat(time.pendingTasks()).isEqualTo(1);
    time.advance(QUIET);
    assertThat(invalidated).containsExactly(root);
  }

  @Test
  void newSubfolders_areWatchedAsTheyAppear() throws IOException {
    Path root = workspace();
    WorkspaceWatcher watcher = watch(root);
    assertThat(watcher.watchedDirectories()).isEqualTo(1);

    Files.createDirectory(root.resolve("sub"));
    awaitUntil(() -> watcher.eventCount() == 1 && watcher.watchedDirectories() == 2);
    time.advance(QUIET);
    assertThat(invalidated).hasSize(1);

    create(root.resolve("sub").resolve("deep.txt"));
    awaitUntil(() -> watcher.eventCount() == 2 && time.pendingTasks() == 1);
    time.advance(QUIET);
    assertThat(invalidated).hasSize(2);
  }

  @Test
  void existingSubfolders_areWatchedFromTheStart() throws IOException {
    Path root = workspace();
    Files.createDirectories(root.resolve("a").resolve("b"));
    WorkspaceWatcher watcher = watch(root);
    assertThat(watcher.watchedDirectories()).isEqualTo(3);

    create(root.resolve("a").resolve("b").resolve("x.txt"));
    awaitUntil(() -> watcher.eventCount() == 1 && time.pendingTasks() == 1);
    time.advance(QUIET);

    assertThat(invalidated).containsExactly(root);
  }

  @Test
  void hiddenAndExcludedEntries_areIgnoredAndNotWatched() throws IOException {
    Path root = workspace();
    Files.createDirectories(root.resolve(".git"));
    Files.createDirectories(root.resolve("target").resolve("classes"));
    WorkspaceWatcher watcher = watch(root);
    assertThat(watcher.watchedDirectories()).isEqualTo(1);

    Files.writeString(root.resolve(".git").resolve("HEAD"), "ref"); // not watched: no event
    Files.writeString(root.resolve("target").resolve("classes").resolve("A.class"), "x");
    Files.writeString(root.resolve(".env"), "SECRET=1"); // seen and ignored
    Files.createDirectory(root.resolve("node_modules")); // an excluded folder appearing
    awaitUntil(() -> watcher.ignoredEventCount() >= 2);
    create(root.resolve("visible.txt"));
    awaitUntil(() -> watcher.eventCount() == 1 && time.pendingTasks() == 1);
    time.advance(QUIET);

    assertThat(invalidated).containsExactly(root);
    assertThat(watcher.eventCount()).isEqualTo(1);
    assertThat(watcher.watchedDirectories()).isEqualTo(1);
  }

  @Test
  void deletedRoot_isReportedInvalidatesAndStopsTheWatcher() throws IOException {
    Path root = workspace();
    WorkspaceWatcher watcher = watch(root);

    Files.delete(root);

    awaitUntil(() -> !watcher.isRunning());
    assertThat(listener.deletedRoots).containsExactly(root);
    assertThat(invalidated).containsExactly(root);
    assertThat(listener.invalidations).containsExactly(WorkspaceWatcher.Cause.ROOT_DELETED);
    assertThat(watcher.errorCount()).isZero();
  }

  @Test
  void thread_isNamedAndDaemon_andCloseStopsIt() throws IOException {
    Path root = workspace();
    WorkspaceWatcher watcher = watch(root);
    Thread thread = watcherThread(root);
    assertThat(thread.isDaemon()).isTrue();
    assertThat(watcher.isRunning()).isTrue();

    watcher.close();

    assertThat(thread.isAlive()).isFalse();
    assertThat(watcher.isRunning()).isFalse();
    watcher.close(); // idempotent
  }

  @Test
  void close_dropsAPendingInvalidation() throws IOException {
    Path root = workspace();
    WorkspaceWatcher watcher = watch(root);
    create(root.resolve("a.txt"));
    awaitUntil(() -> time.pendingTasks() == 1);

    watcher.close();
    time.advance(QUIET);

    assertThat(invalidated).isEmpty();
    assertThat(time.pendingTasks()).isZero();
  }

  @Test
  void builder_rejectsBadSettings_namingThem() throws IOException {
    Path root = workspace();
    Path file = Files.writeString(temp.resolve("file.txt"), "x");

    assertThatThrownBy(() -> WorkspaceWatcher.builder().quietPeriod(Duration.ZERO))
        .hasMessage("quietPeriod must be positive, was PT0S");
    assertThatThrownBy(() -> WorkspaceWatcher.builder().maxDelay(Duration.ofMillis(-1)))
        .hasMessage("maxDelay must be positive, was PT-0.001S");
    assertThatThrownBy(
            () ->
                WorkspaceWatcher.builder()
                    .root(root)
                    .invalidation(invalidated::add)
                    .quietPeriod(Duration.ofSeconds(2))
                    .maxDelay(Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maxDelay must be at least quietPeriod (PT2S), was PT1S");
    assertThatThrownBy(() -> WorkspaceWatcher.builder().invalidation(invalidated::add).build())
        .hasMessage("root must be set");
    assertThatThrownBy(() -> WorkspaceWatcher.builder().root(root).build())
        .hasMessage("invalidation must be set");
    assertThatThrownBy(() -> WorkspaceWatcher.builder().root(file).invalidation(invalidated::add).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("root must be a directory");
  }

  private Path workspace() throws IOException {
    return Files.createDirectory(temp.resolve("ws"));
  }

  private WorkspaceWatcher watch(Path root) {
    WorkspaceWatcher watcher = WorkspaceWatcher.builder()
        .root(root)
        .invalidation(invalidated::add)
        .listener(listener)
        .quietPeriod(QUIET)
        .maxDelay(Duration.ofSeconds(1))
        .ticker(time)
        .scheduler(time)
        .executor(Runnable::run)
        .build();
    started.add(watcher);
    return watcher;
  }

  /** Creates {@code file} as one event: written hidden, then renamed into place. */
  private static void create(Path file) throws IOException {
    Path hidden = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(hidden, "content of " + file.getFileName());
    Files.move(hidden, file, StandardCopyOption.ATOMIC_MOVE);
  }

  private static Thread watcherThread(Path root) {
    String name = "workspace-watcher-" + root.getFileName();
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no thread named " + name));
  }

  private static void awaitUntil(BooleanSupplier condition) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5)).until(condition::getAsBoolean);
  }
}

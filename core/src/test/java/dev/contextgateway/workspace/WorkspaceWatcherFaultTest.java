package dev.contextgateway.workspace;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.contextgateway.time.FakeTime;
import dev.contextgateway.workspace.WorkspaceWatcher.Cause;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected through a fake event source: whatever fails, the loop counts it, reports it and
 * goes on with the next event (invariant I9).
 */
class WorkspaceWatcherFaultTest {
  private static final Duration QUIET = Duration.ofMillis(100);

  @TempDir Path root;

  private final FakeTime time = new FakeTime();
  private final FakeWatchSource source = new FakeWatchSource();
  private final RecordingListener listener = new RecordingListener();
  private final List<Path> invalidated = new CopyOnWriteArrayList<>();
  private final List<WorkspaceWatcher> started = new CopyOnWriteArrayList<>();

  @BeforeEach
  void absoluteRoot() {
    root = root.toAbsolutePath().normalize();
  }

  @AfterEach
  void close() {
    started.forEach(WorkspaceWatcher::close);
  }

  @Test
  void failingInvalidationOnTheWatcherThread_isCountedAndTheNextEventIsProcessed() {
    AtomicInteger calls = new AtomicInteger();
    WorkspaceWatcher watcher =
        watch(
            path -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("cache unavailable");
              }
              invalidated.add(path);
            });

    source.overflow(root); // invalidates at once, on the watcher thread (direct executor)
    awaitUntil(() -> watcher.errorCount() == 1);
    source.emit(root, ENTRY_CREATE, "a.txt");
    awaitUntil(() -> watcher.eventCount() == 1 && time.pendingTasks() == 1);
    time.advance(QUIET);

    assertThat(calls).hasValue(2);
    assertThat(invalidated).containsExactly(root);
    assertThat(listener.errors).singleElement().satisfies(e -> assertThat(e).hasMessage("cache unavailable"));
    assertThat(watcher.isRunning()).isTrue();
  }

  @Test
  void failingDebouncedInvalidation_isCountedAndTheNextBurstInvalidatesAgain() {
    AtomicInteger calls = new AtomicInteger();
    WorkspaceWatcher watcher =
        watch(
            path -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("cache unavailable");
              }
              invalidated.add(path);
            });

    source.emit(root, ENTRY_MODIFY, "a.txt");
    awaitUntil(() -> time.pendingTasks() == 1);
    time.advance(QUIET); // the callback throws, on this thread, inside the watcher's guard
    assertThat(watcher.errorCount()).isEqualTo(1);

    source.emit(root, ENTRY_MODIFY, "a.txt");
    awaitUntil(() -> watcher.eventCount() == 2 && time.pendingTasks() == 1);
    time.advance(QUIET);

    assertThat(invalidated).containsExactly(root);
  }

  @Test
  void overflow_reregistersTheTreeAndInvalidatesAtOnce() throws IOException {
    WorkspaceWatcher watcher = watch(invalidated::add);
    Path missed = Files.createDirectory(root.resolve("created-while-events-were-lost"));

    source.overflow(root);
    awaitUntil(() -> invalidated.size() == 1);

    assertThat(source.registered).contains(missed);
    assertThat(watcher.watchedDirectories()).isEqualTo(2);
    assertThat(listener.invalidations).containsExactly(Cause.OVERFLOW);
    assertThat(time.pendingTasks()).isZero();
  }

  @Test
  void overflow_cancelsThePendingDebouncedInvalidation() {
    WorkspaceWatcher watcher = watch(invalidated::add);
    source.emit(root, ENTRY_CREATE, "a.txt");
    awaitUntil(() -> time.pendingTasks() == 1);

    source.overflow(root);
    awaitUntil(() -> invalidated.size() == 1);
    time.advance(QUIET);

    assertThat(invalidated).hasSize(1);
  }

  @Test
  void takeThrowing_isCountedAndEventsKeepFlowing() {
    WorkspaceWatcher watcher = watch(invalidated::add);

    source.failNextTake(new IllegalStateException("poller broke"));
    source.emit(root, ENTRY_CREATE, "a.txt");
    awaitUntil(() -> watcher.eventCount() == 1 && time.pendingTasks() == 1);
    time.advance(QUIET);

    assertThat(watcher.errorCount()).isEqualTo(1);
    assertThat(invalidated).containsExactly(root);
  }

  @Test
  void pollEventsThrowing_stillResetsTheKeyAndInvalidatesToBeSafe() {
    WorkspaceWatcher watcher = watch(invalidated::add);
    FakeWatchSource.FakeKey broken =
        new FakeWatchSource.FakeKey(root, List.of(), true) {
          @Override
          public List<WatchEvent<?>> pollEvents() {
            throw new IllegalStateException("corrupt key");
          }
        };

    source.deliver(broken);
    awaitUntil(() -> watcher.errorCount() == 1 && time.pendingTasks() == 1);
    time.advance(QUIET);

    assertThat(broken.resets).hasValue(1);
    assertThat(invalidated).containsExactly(root);
    source.emit(root, ENTRY_CREATE, "b.txt");
    awaitUntil(() -> watcher.eventCount() == 1);
  }

  @Test
  void failingRegistrationOfANewFolder_isCountedAndTheLoopGoesOn() throws IOException {
    WorkspaceWatcher watcher = watch(invalidated::add);
    source.failRegistrationOf(dir -> dir.getFileName().toString().equals("bad"));
    Files.createDirectory(root.resolve("bad"));
    Path good = Files.createDirectory(root.resolve("good"));

    source.emit(root, ENTRY_CREATE, "bad");
    source.emit(root, ENTRY_CREATE, "good");
    awaitUntil(() -> watcher.eventCount() == 2);

    assertThat(watcher.errorCount()).isEqualTo(1);
    assertThat(listener.errors).singleElement().satisfies(e -> assertThat(e).isInstanceOf(IOException.class));
    assertThat(source.registered).contains(good);
    awaitUntil(() -> time.pendingTasks() == 1);
    time.advance(QUIET);
    assertThat(invalidated).containsExactly(root);
  }

  @Test
  void failingListener_isCountedAndDoesNotStopTheLoop() {
    AtomicInteger heard = new AtomicInteger();
    WorkspaceWatcher watcher =
        started(builder(invalidated::add)
            .listener(
                new WorkspaceWatcher.Listener() {
                  @Override
                  public void onInvalidated(Path root, Cause cause) {
                    heard.incrementAndGet();
                    throw new IllegalStateException("metrics broke");
                  }
                })
            .build());

    source.overflow(root);
    source.overflow(root);
    awaitUntil(() -> heard.get() == 2);

    assertThat(invalidated).hasSize(2);
    assertThat(watcher.errorCount()).isEqualTo(2);
    assertThat(watcher.isRunning()).isTrue();
  }

  @Test
  void interruptOfTheWatcherThread_doesNotStopIt() {
    WorkspaceWatcher watcher = watch(invalidated::add);
    Thread thread = watcherThread();

    thread.interrupt();
    source.emit(root, ENTRY_CREATE, "a.txt");
    awaitUntil(() -> watcher.eventCount() == 1);

    assertThat(watcher.isRunning()).isTrue();
  }

  @Test
  void watchServiceClosingUnexpectedly_isReportedInvalidatesAndEndsTheLoop() {
    WorkspaceWatcher watcher = watch(invalidated::add);

    source.breakService();
    awaitUntil(() -> !watcher.isRunning());

    assertThat(invalidated).containsExactly(root);
    assertThat(listener.invalidations).containsExactly(Cause.WATCH_FAILED);
    assertThat(listener.errors).singleElement().isInstanceOf(ClosedWatchServiceException.class);
    assertThat(source.closed).isTrue();
  }

  @Test
  void close_closesTheSourceAndEndsTheLoopQuietly() {
    WorkspaceWatcher watcher = watch(invalidated::add);

    watcher.close();

    assertThat(source.closed).isTrue();
    assertThat(watcher.isRunning()).isFalse();
    assertThat(watcher.errorCount()).isZero();
    assertThat(invalidated).isEmpty();
  }

  @Test
  void closeFromTheCallback_doesNotDeadlock() {
    AtomicInteger calls = new AtomicInteger();
    AtomicReference<WorkspaceWatcher> self = new AtomicReference<>();
    WorkspaceWatcher watcher =
        watch(
            path -> {
              calls.incrementAndGet();
              java.util.Objects.requireNonNull(self.get()).close(); // on the watcher thread: must not wait for itself
            });
    self.set(watcher);

    source.overflow(root);
    awaitUntil(() -> !watcher.isRunning());

    assertThat(calls).hasValue(1);
  }

  private WorkspaceWatcher watch(Consumer<Path> invalidation) {
    return started(builder(invalidation).listener(listener).build());
  }

  private WorkspaceWatcher started(WorkspaceWatcher watcher) {
    started.add(watcher);
    return watcher;
  }

  private WorkspaceWatcher.Builder builder(Consumer<Path> invalidation) {
    return WorkspaceWatcher.builder()
        .root(root)
        .invalidation(invalidation)
        .quietPeriod(QUIET)
        .maxDelay(Duration.ofSeconds(1))
        .ticker(time)
        .scheduler(time)
        .executor(Runnable::run)
        .source(source);
  }

  private Thread watcherThread() {
    String name = "workspace-watcher-" + root.getFileName();
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no thread named " + name));
  }

  private static void awaitUntil(BooleanSupplier condition) {
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(2)).until(condition::getAsBoolean);
  }
}

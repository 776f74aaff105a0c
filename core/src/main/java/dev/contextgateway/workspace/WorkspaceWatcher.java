package dev.contextgateway.workspace;

import dev.contextgateway.internal.Checks;
import dev.contextgateway.time.Scheduler;
import dev.contextgateway.time.Ticker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a workspace folder and calls an invalidation callback with the workspace root when
 * something in it changes, so that cached context built from the old files is dropped.
 *
 * <h2>Behaviour</h2>
 *
 * <ul>
 *   <li><b>Recursive.</b> Every folder under the root is registered with a {@link
 *       java.nio.file.WatchService} when the watcher is built, and folders created later are
 *       registered as their creation is seen. Links to folders are not followed.
 *   <li><b>Filtered.</b> Changes to hidden entries (a name starting with {@code .}) and inside
 *       excluded folders (by default {@link FileDiscoverer#DEFAULT_EXCLUDED_DIRECTORIES}, the
 *       folders discovery never reads) are ignored; such folders are not even registered. The
 *       deletion of an entry named like an excluded folder still invalidates, since it may have
 *       been a file.
 *   <li><b>Debounced.</b> A burst of changes gives one invalidation, once no change has come for
 *       the quiet period, or once the burst has lasted the maximum delay. The timer runs on the
 *       injected {@link Scheduler} and {@link Ticker}; the callback runs on the injected executor.
 *   <li><b>Lost events.</b> An {@code OVERFLOW} (the system dropped events) re-registers the whole
 *       tree and invalidates at once. A deleted root is reported to the {@link Listener} and
 *       invalidates at once; the watcher then stops, since there is nothing left to watch.
 *   <li><b>Never dies of an error.</b> An exception anywhere in handling (the callback, the
 *       listener, registration, the event source) is counted, logged and reported to {@link
 *       Listener#onError}, and the loop goes on with the next event. Only a watch service that
 *       closes under it (not by {@link #close()}) ends the loop; that too is reported and
 *       invalidates, and {@link #isRunning()} then says so. A failed invalidation is not
 *       retried: the next change invalidates again.
 * </ul>
 *
 * <p>Building starts the watcher: the tree is registered on the building thread (so every change
 * after {@code build()} returns is seen), then a daemon thread named {@code
 * workspace-watcher-<folder name>} takes events until {@link #close()}.
 *
 * <h2>Thread safety</h2>
 *
 * Thread-safe. The event loop and its registrations are confined to the watcher's thread; the
 * debounce state is guarded by the debouncer's lock; counters are {@code LongAdder}s. The
 * invalidation callback and the listener may be called from the watcher's thread, the executor
 * and the scheduler's thread, and calls may overlap: they must be thread-safe. {@link #close()}
 * blocks for at most a few seconds while the thread ends.
 */
public final class WorkspaceWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkspaceWatcher.class);

  /** How long {@link #close()} waits for the thread to end. */
  private static final long CLOSE_WAIT_MILLIS = 5_000;

  /** Why the workspace was invalidated. */
  public enum Cause {
    /** Entries changed and the quiet period (or the maximum delay) passed. */
    CHANGES,
    /** The system dropped events; any change may have been missed. */
    OVERFLOW,
    /** The workspace root was deleted. */
    ROOT_DELETED,
    /** The watch service failed; changes from now on are not seen. */
    WATCH_FAILED
  }

  /**
   * Hears what the watcher does, for logs and metrics. Methods are called on the watcher's
   * thread, the executor or the scheduler's thread; an exception they throw is logged and
   * counted as an error, never passed on.
   */
  public interface Listener {
    /** The invalidation callback returned normally. */
    default void onInvalidated(Path root, Cause cause) {}

    /** The root is gone; the watcher has invalidated and stops. */
    default void onRootDeleted(Path root) {}

    /** Something failed (the callback, a registration, the event source); the watcher goes on. */
    default void onError(Path root, Throwable error) {}
  }

  private final Path root;
  private final WatchLoop loop;
  private final Thread thread;

  private WorkspaceWatcher(Path root, WatchLoop loop) {
    this.root = root;
    this.loop = loop;
    Path name = loop.watchRoot().getFileName();
    this.thread = new Thread(loop, "workspace-watcher-" + (name == null ? "root" : name));
    this.thread.setDaemon(true);
  }

  /** A builder; {@link Builder#root} and {@link Builder#invalidation} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The root, exactly as given to the builder; the callback receives this path. */
  public Path root() {
    return root;
  }

  /** Whether the watcher's thread still takes events. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /** How many folders are registered (each holds one system watch). */
  public int watchedDirectories() {
    return loop.watched.size();
  }

  /** Changes seen that count towards an invalidation. */
  public long eventCount() {
    return loop.events.sum();
  }

  /** Changes seen and ignored (hidden entries, excluded folders). */
  public long ignoredEventCount() {
    return loop.ignoredEvents.sum();
  }

  /** Invalidation callbacks that returned normally. */
  public long invalidationCount() {
    return loop.invalidations.sum();
  }

  /** Errors counted (each also logged and reported to the listener). */
  public long errorCount() {
    return loop.errors.sum();
  }

  /**
   * Stops watching: drops a pending invalidation, closes the watch service and waits a few
   * seconds at most for the thread to end. Injected executors and schedulers stay open.
   * Idempotent; may be called from the listener or the callback.
   */
  @Override
  public void close() {
    loop.close();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(CLOSE_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        log.warn("Watcher thread {} did not stop within {} ms", thread.getName(), CLOSE_WAIT_MILLIS);
      }
    }
  }

  @Override
  public String toString() {
    return "WorkspaceWatcher{root=" + root + ", running=" + isRunning() + ", watched="
        + watchedDirectories() + ", invalidations=" + invalidationCount() + ", errors="
        + errorCount() + '}';
  }

  /**
   * Configures and starts a {@link WorkspaceWatcher}. Not thread-safe. Each setting is validated
   * when set, with a message naming the setting and the bad value.
   */
  public static final class Builder {
    private @Nullable Path root;
    private @Nullable Consumer<Path> invalidation;
    private Listener listener = new Listener() {};
    private Duration quietPeriod = Duration.ofMillis(200);
    private Duration maxDelay = Duration.ofSeconds(5);
    private Set<String> excludedDirectories = FileDiscoverer.DEFAULT_EXCLUDED_DIRECTORIES;
    private Executor executor = ForkJoinPool.commonPool();
    private Ticker ticker = Ticker.system();
    private Scheduler scheduler = Scheduler.system();
    private @Nullable WatchSource source;

    private Builder() {}

    /** The workspace folder; required. The callback receives exactly this path. */
    public Builder root(Path root) {
      this.root = Objects.requireNonNull(root, "root");
      return this;
    }

    /** Called with the root when the workspace changed; required; must be thread-safe. */
    public Builder invalidation(Consumer<Path> invalidation) {
      this.invalidation = Objects.requireNonNull(invalidation, "invalidation");
      return this;
    }

    /** Hears invalidations, a deleted root and errors; default: none. */
    public Builder listener(Listener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** How long changes must pause before the invalidation; default 200 ms. */
    public Builder quietPeriod(Duration quietPeriod) {
      this.quietPeriod = Checks.positive("quietPeriod", quietPeriod);
      return this;
    }

    /**
     * The longest a burst of changes may delay its invalidation; default 5 s. Checked against
     * the quiet period at {@link #build()}.
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = Checks.positive("maxDelay", maxDelay);
      return this;
    }

    /** Folder names whose contents are not watched; default {@link FileDiscoverer#DEFAULT_EXCLUDED_DIRECTORIES}. */
    public Builder excludedDirectories(Collection<String> names) {
      Objects.requireNonNull(names, "excludedDirectories");
      this.excludedDirectories = PathRules.directoryNames("excludedDirectories", names);
      return this;
    }

    /** Where invalidations and their listener calls run; default the common pool. */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** The time source of the debounce; must share the scheduler's time line. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** Fires the debounce timer; default {@link Scheduler#system()}. */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Scheduler.guarded(scheduler);
      return this;
    }

    /** The event source; for fault-injection tests. Default: a new watch service. */
    Builder source(WatchSource source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Registers the tree and starts the watcher's thread.
     *
     * @throws IllegalStateException if {@code root} or {@code invalidation} is not set, or
     *     {@code maxDelay} is shorter than {@code quietPeriod}
     * @throws IllegalArgumentException if the root is not a folder
     * @throws UncheckedIOException if the watch service cannot be opened or the root cannot be
     *     registered
     */
    public WorkspaceWatcher build() {
      Path root = this.root;
      Consumer<Path> invalidation = this.invalidation;
      if (root == null) {
        throw new IllegalStateException("root must be set");
      }
      if (invalidation == null) {
        throw new IllegalStateException("invalidation must be set");
      }
      if (maxDelay.compareTo(quietPeriod) < 0) {
        throw new IllegalStateException(
            "maxDelay must be at least quietPeriod (" + quietPeriod + "), was " + maxDelay);
      }
      if (!Files.isDirectory(root)) {
        throw new IllegalArgumentException("root must be a directory, was " + root);
      }
      WatchSource source = this.source;
      if (source == null) {
        try {
          source = WatchSource.open(root.getFileSystem());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot open a watch service for " + root, e);
        }
      }
      WatchLoop loop =
          new WatchLoop(
              root,
              invalidation,
              listener,
              executor,
              excludedDirectories,
              source,
              action -> new Debouncer(ticker, scheduler, executor, quietPeriod, maxDelay, action));
      try {
        loop.registerRoot();
      } catch (IOException | RuntimeException e) {
        loop.closeSource();
        throw new UncheckedIOException(
            "cannot watch workspace root " + root,
            e instanceof IOException ? (IOException) e : new IOException(e));
      }
      loop.registerTree(loop.watchRoot());
      WorkspaceWatcher watcher = new WorkspaceWatcher(root, loop);
      watcher.thread.start();
      return watcher;
    }
  }
}

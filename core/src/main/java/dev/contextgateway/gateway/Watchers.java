package dev.contextgateway.gateway;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.contextgateway.metrics.GatewayMetrics;
import dev.contextgateway.time.Scheduler;
import dev.contextgateway.time.Ticker;
import dev.contextgateway.workspace.WorkspaceWatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's workspace watchers: one per workspace served, started on first use, at most a
 * configured number. A watcher is built (which registers the whole tree, blocking on I/O) on the
 * executor, never on a caller's thread. A workspace that cannot be watched (no watch instances
 * left, an I/O error) is served without watching; its failure is logged and counted once.
 *
 * <p>Thread-safe; all state is guarded by this object's lock, which is never held while a watcher
 * is built or closed.
 */
final class Watchers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Watchers.class);

  private final boolean enabled;
  private final int maxWatched;
  private final Consumer<Path> invalidation;
  private final GatewayMetrics metrics;
  private final Executor executor;
  private final Ticker ticker;
  private final Scheduler scheduler;

  /** Null while the watcher is being built, or when the workspace could not be watched. */
  @GuardedBy("this")
  private final Map<Path, @Nullable WorkspaceWatcher> byRoot = new HashMap<>();

  @GuardedBy("this")
  private boolean closed;

  Watchers(
      boolean enabled,
      int maxWatched,
      Consumer<Path> invalidation,
      GatewayMetrics metrics,
      Executor executor,
      Ticker ticker,
      Scheduler scheduler) {
    this.enabled = enabled;
    this.maxWatched = maxWatched;
    this.invalidation = invalidation;
    this.metrics = metrics;
    this.executor = executor;
    this.ticker = ticker;
    this.scheduler = scheduler;
  }

  /** Starts watching {@code root} unless it is watched, being started, or the limit is reached. */
  void watch(Path root) {
    if (!enabled) {
      return;
    }
    synchronized (this) {
      if (closed || byRoot.containsKey(root) || byRoot.size() >= maxWatched) {
        return;
      }
      byRoot.put(root, null);
    }
    try {
      executor.execute(() -> start(root));
    } catch (RuntimeException rejected) {
      forget(root);
    }
  }

  /** Whether {@code root} has a running watcher. */
  synchronized boolean isWatching(Path root) {
    WorkspaceWatcher watcher = byRoot.get(root);
    return watcher != null && watcher.isRunning();
  }

  private void start(Path root) {
    WorkspaceWatcher watcher;
    try {
      watcher =
          WorkspaceWatcher.builder()
              .root(root)
              .invalidation(invalidation)
              .listener(
                  new WorkspaceWatcher.Listener() {
                    @Override
                    public void onInvalidated(Path r, WorkspaceWatcher.Cause cause) {
                      metrics.recordWorkspaceInvalidation();
                    }

                    @Override
                    public void onError(Path r, Throwable error) {
                      metrics.recordWatcherError();
                    }

                    @Override
                    public void onRootDeleted(Path r) {
                      forget(r);
                    }
                  })
              .executor(executor)
              .ticker(ticker)
              .scheduler(scheduler)
              .build();
    } catch (RuntimeException cannotWatch) {
      // Keep the null entry: the workspace is served unwatched rather than retried on every request.
      LOG.warn("Cannot watch workspace {}; its contexts will expire by time only", root, cannotWatch);
      metrics.recordWatcherError();
      return;
    }
    boolean keep;
    synchronized (this) {
      keep = !closed && byRoot.containsKey(root);
      if (keep) {
        byRoot.put(root, watcher);
      }
    }
    if (!keep) {
      watcher.close();
    }
  }

  private synchronized void forget(Path root) {
    byRoot.remove(root);
  }

  @Override
  public void close() {
    List<WorkspaceWatcher> running = new ArrayList<>();
    synchronized (this) {
      closed = true;
      for (WorkspaceWatcher watcher : byRoot.values()) {
        if (watcher != null) {
          running.add(watcher);
        }
      }
      byRoot.clear();
    }
    for (WorkspaceWatcher watcher : running) {
      watcher.close();
    }
  }
}

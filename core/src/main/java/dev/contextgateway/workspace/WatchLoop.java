package dev.contextgateway.workspace;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event loop behind {@link WorkspaceWatcher}: takes signalled keys, filters their events,
 * registers new folders and turns changes into invalidations.
 *
 * <h2>Implementation notes</h2>
 *
 * <p><b>Confinement.</b> {@link #run()} and the registrations it makes run on the watcher's
 * thread only (the initial registration runs on the building thread before that thread starts,
 * which orders it before the loop). The set of watched folders is concurrent only so that other
 * threads can read its size.
 *
 * <p><b>Never dies.</b> Every step that runs foreign code or touches the file system is guarded:
 * a failure is counted, logged, reported to the listener (whose own failure is only counted and
 * logged) and the loop goes on. A key is reset in a {@code finally}, so a failure while reading
 * its events never leaves its folder unwatched; a failure in handling invalidates to be safe. A
 * failing {@code take} backs off (10 ms doubling up to 1 s) on the close latch, so a broken
 * source cannot spin the loop and {@code close()} still ends the wait at once.
 * {@link VirtualMachineError}s are rethrown.
 *
 * <p><b>Invalidation.</b> Changes go to the {@link Debouncer}; lost events (overflow), a deleted
 * root and a failed service invalidate at once on the executor, cancelling the pending
 * debounce. The callback and listener never run under a lock of this class.
 *
 * <p><b>Closing.</b> {@code closed} is set before the source is closed; the loop checks it after
 * every take, so a {@link ClosedWatchServiceException} after close ends the loop quietly, and
 * one before close is reported as a failed service.
 */
final class WatchLoop implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(WatchLoop.class);

  /** After a failed take, the loop waits this long times 2^(failures - 1), at most a second. */
  private static final long BACKOFF_MILLIS = 10;

  private static final long MAX_BACKOFF_MILLIS = 1_000;

  private final Path root;
  private final Path watchRoot;
  private final Consumer<Path> invalidation;
  private final WorkspaceWatcher.Listener listener;
  private final Executor executor;
  private final Set<String> excludedDirectories;
  private final WatchSource source;
  private final Debouncer debouncer;

  /** Folders registered and not yet seen gone; written on the watcher's thread. */
  final Set<Path> watched = ConcurrentHashMap.newKeySet();

  final AtomicBoolean closed = new AtomicBoolean();
  final CountDownLatch closedSignal = new CountDownLatch(1);
  final LongAdder events = new LongAdder();
  final LongAdder ignoredEvents = new LongAdder();
  final LongAdder invalidations = new LongAdder();
  final LongAdder errors = new LongAdder();

  WatchLoop(
      Path root,
      Consumer<Path> invalidation,
      WorkspaceWatcher.Listener listener,
      Executor executor,
      Set<String> excludedDirectories,
      WatchSource source,
      DebouncerFactory debouncer) {
    this.root = root;
    this.watchRoot = root.toAbsolutePath().normalize();
    this.invalidation = invalidation;
    this.listener = listener;
    this.executor = executor;
    this.excludedDirectories = excludedDirectories;
    this.source = source;
    this.debouncer = debouncer.create(() -> invalidate(WorkspaceWatcher.Cause.CHANGES));
  }

  /** Makes the debouncer once the loop's action exists. */
  @FunctionalInterface
  interface DebouncerFactory {
    Debouncer create(Runnable action);
  }

  /** The root as registered: absolute and normalized, the form the keys' folders take. */
  Path watchRoot() {
    return watchRoot;
  }

  /** Registers the root itself; a failure here means the workspace cannot be watched at all. */
  void registerRoot() throws IOException {
    source.register(watchRoot);
  }

  /** Ends the loop: no more invalidations, the pending one dropped, the source closed. */
  void close() {
    if (closed.compareAndSet(false, true)) {
      closedSignal.countDown();
      debouncer.close();
      closeSource();
    }
  }

  // ------------------------------------------------------------------ the loop

  @Override
  public void run() {
    int failures = 0;
    try {
      while (!closed.get()) {
        WatchKey key;
        try {
          key = source.take();
          failures = 0;
        } catch (ClosedWatchServiceException e) {
          if (!closed.get()) {
            error("The watch service closed unexpectedly; changes are no longer seen", e);
            invalidateNow(WorkspaceWatcher.Cause.WATCH_FAILED);
          }
          return;
        } catch (InterruptedException e) {
          // Not ours to act on: close() wakes the thread by closing the service. Keep watching.
          continue;
        } catch (Throwable e) {
          rethrowIfFatal(e);
          error("Taking the next watch event failed", e);
          backOff(++failures);
          continue;
        }
        try {
          if (!handle(key)) {
            return;
          }
        } catch (Throwable e) {
          rethrowIfFatal(e);
          error("Handling watch events failed; invalidating to be safe", e);
          signalChange();
        }
      }
    } finally {
      if (!closed.get()) {
        closeSource();
      }
    }
  }

  /** Handles one signalled key; returns false when the loop should end (root gone). */
  private boolean handle(WatchKey key) {
    Path dir = (Path) key.watchable();
    boolean changed = false;
    boolean overflow = false;
    boolean valid;
    try {
      for (WatchEvent<?> event : key.pollEvents()) {
        try {
          WatchEvent.Kind<?> kind = event.kind();
          if (kind == StandardWatchEventKinds.OVERFLOW) {
            overflow = true;
            continue;
          }
          Object context = event.context();
          if (!(context instanceof Path)) {
            changed = true;
            continue;
          }
          Path child = dir.resolve((Path) context);
          if (isIgnored(child, kind)) {
            ignoredEvents.increment();
            continue;
          }
          events.increment();
          changed = true;
          if (kind == StandardWatchEventKinds.ENTRY_CREATE
              && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
            registerTree(child);
          }
        } catch (RuntimeException e) {
          error("Handling a watch event failed", e);
          changed = true;
        }
      }
    } finally {
      valid = key.reset();
    }
    if (!valid) {
      watched.remove(dir);
      if (dir.equals(watchRoot)) {
        if (!Files.isDirectory(watchRoot)) {
          rootDeleted();
          return false;
        }
        // The root's watch was cancelled but the root is still there: watch it again, and treat
        // the gap like lost events.
        overflow = true;
      }
    }
    if (overflow) {
      log.info("Watch events overflowed for {}; re-registering and invalidating", root);
      registerTree(watchRoot);
      invalidateNow(WorkspaceWatcher.Cause.OVERFLOW);
    } else if (changed) {
      signalChange();
    }
    return true;
  }

  private boolean isIgnored(Path child, WatchEvent.Kind<?> kind) {
    Path relative = watchRoot.relativize(child);
    if (PathRules.isIgnoredBelow(relative, excludedDirectories)) {
      return true;
    }
    Path name = child.getFileName();
    return name != null
        && excludedDirectories.contains(name.toString())
        && kind != StandardWatchEventKinds.ENTRY_DELETE
        && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
  }

  private void rootDeleted() {
    log.warn("Workspace root {} was deleted; invalidating and stopping its watcher", root);
    notifyListener(() -> listener.onRootDeleted(root));
    invalidateNow(WorkspaceWatcher.Cause.ROOT_DELETED);
  }

  // ------------------------------------------------------------------ registration

  /**
   * Registers {@code start} and every folder below it that is neither hidden nor excluded. A
   * folder that cannot be registered is reported as an error and the walk goes on. Registering a
   * folder again is harmless (the service keeps one key per folder).
   */
  void registerTree(Path start) {
    try {
      Files.walkFileTree(
          start,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              Path name = dir.getFileName();
              if (!dir.equals(start)
                  && name != null
                  && (PathRules.isHidden(name.toString())
                      || excludedDirectories.contains(name.toString()))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              try {
                source.register(dir);
                watched.add(dir);
              } catch (IOException | RuntimeException e) {
                error("Could not watch " + dir, e);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              // Gone or unreadable since it was listed; its parent's watch still reports it.
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      error("Could not walk " + start, e);
    }
  }

  // ------------------------------------------------------------------ invalidation

  private void signalChange() {
    try {
      debouncer.signal();
    } catch (RuntimeException e) {
      error("Could not schedule the invalidation; invalidating now", e);
      invalidateNow(WorkspaceWatcher.Cause.CHANGES);
    }
  }

  private void invalidateNow(WorkspaceWatcher.Cause cause) {
    debouncer.cancel();
    try {
      executor.execute(() -> invalidate(cause));
    } catch (RuntimeException e) {
      error("The executor rejected the invalidation; invalidating on the watcher thread", e);
      invalidate(cause);
    }
  }

  private void invalidate(WorkspaceWatcher.Cause cause) {
    if (closed.get()) {
      return;
    }
    try {
      invalidation.accept(root);
    } catch (Throwable e) {
      rethrowIfFatal(e);
      error("Invalidating workspace " + root + " (" + cause + ") failed", e);
      return;
    }
    invalidations.increment();
    notifyListener(() -> listener.onInvalidated(root, cause));
  }

  // ------------------------------------------------------------------ errors

  private void error(String message, Throwable e) {
    errors.increment();
    log.warn("{} (workspace {})", message, root, e);
    notifyListener(() -> listener.onError(root, e));
  }

  private void notifyListener(Runnable call) {
    try {
      call.run();
    } catch (Throwable e) {
      rethrowIfFatal(e);
      errors.increment();
      log.warn("A workspace watcher listener failed (workspace {})", root, e);
    }
  }

  private void backOff(int failures) {
    long millis = Math.min(MAX_BACKOFF_MILLIS, BACKOFF_MILLIS << Math.min(failures - 1, 20));
    try {
      // Waits on the close signal, so close() ends the wait at once.
      closedSignal.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      // Keep watching; close() is the way to stop.
    }
  }

  void closeSource() {
    try {
      source.close();
    } catch (IOException | RuntimeException e) {
      log.warn("Closing the watch service of {} failed", root, e);
    }
  }

  private static void rethrowIfFatal(Throwable e) {
    if (e instanceof VirtualMachineError) {
      throw (VirtualMachineError) e;
    }
  }
}

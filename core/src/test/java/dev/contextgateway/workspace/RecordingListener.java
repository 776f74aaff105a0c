package dev.contextgateway.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a watcher reports. Thread-safe. */
class RecordingListener implements WorkspaceWatcher.Listener {
  final List<WorkspaceWatcher.Cause> invalidations = new CopyOnWriteArrayList<>();
  final List<Path> deletedRoots = new CopyOnWriteArrayList<>();
  final List<Throwable> errors = new CopyOnWriteArrayList<>();

  @Override
  public void onInvalidated(Path root, WorkspaceWatcher.Cause cause) {
    invalidations.add(cause);
  }

  @Override
  public void onRootDeleted(Path root) {
    deletedRoots.add(root);
  }

  @Override
  public void onError(Path root, Throwable error) {
    errors.add(error);
  }
}

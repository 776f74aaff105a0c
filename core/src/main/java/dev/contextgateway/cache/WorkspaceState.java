package dev.contextgateway.cache;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A workspace's invalidation epoch. Entries and flights remember the epoch of their workspace when
 * their generation started; {@code invalidateWorkspace} advances it, which retires every one of
 * them at once (readers compare epochs), before they are physically removed.
 */
final class WorkspaceState {
  /** The state of keys that carry no workspace (a cache built without {@code workspaceOf}). */
  static final WorkspaceState NONE = new WorkspaceState(Path.of(""));

  final Path path;
  private final AtomicLong epoch = new AtomicLong();

  WorkspaceState(Path path) {
    this.path = path;
  }

  long epoch() {
    return epoch.get();
  }

  void advance() {
    epoch.incrementAndGet();
  }
}

package dev.contextgateway.lincheck;

import java.nio.file.Path;

/**
 * The small key space of the tests. Keys 1..3 make operations collide; odd keys share workspace 1
 * and key 2 is alone in workspace 0, so one workspace invalidation covers two keys.
 */
final class Keys {
  static final int MIN = 1;
  static final int MAX = 3;
  static final int WORKSPACES = 2;

  private Keys() {}

  static int workspaceOf(int key) {
    return key % WORKSPACES;
  }

  static Path workspacePath(int workspace) {
    return Path.of("/ws" + workspace);
  }

  static Path workspacePathOf(int key) {
    return workspacePath(workspaceOf(key));
  }
}

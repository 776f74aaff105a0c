package dev.contextgateway.workspace;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** The naming rules that discovery and the watcher share. Stateless. */
final class PathRules {
  private PathRules() {}

  /** Hidden by name, as on Unix: the name starts with a dot. */
  static boolean isHidden(String name) {
    return name.startsWith(".");
  }

  /**
   * Whether {@code relative} (a path below a workspace root) lies in a hidden entry or, for every
   * name but the last, in an excluded folder.
   */
  static boolean isIgnoredBelow(Path relative, Set<String> excludedDirectories) {
    int count = relative.getNameCount();
    for (int i = 0; i < count; i++) {
      String name = relative.getName(i).toString();
      if (isHidden(name) || (i < count - 1 && excludedDirectories.contains(name))) {
        return true;
      }
    }
    return false;
  }

  /** Validates folder names for a builder setting. */
  static Set<String> directoryNames(String setting, Iterable<String> names) {
    Set<String> copy = new LinkedHashSet<>();
    for (String name : names) {
      if (name == null || name.isEmpty() || name.contains("/") || name.contains("\\")) {
        throw new IllegalArgumentException(
            setting + " must hold plain folder names, was '" + name + "'");
      }
      copy.add(name);
    }
    return Set.copyOf(copy);
  }
}

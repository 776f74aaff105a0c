package dev.contextgateway.session;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * The files offered in one served context, and those the session reported using. Immutable.
 *
 * @param offered the files offered with the context
 * @param used the files reported used (not necessarily among {@code offered})
 */
public record ContextUsage(Set<Path> offered, Set<Path> used) {
  static final ContextUsage EMPTY = new ContextUsage(Set.of(), Set.of());

  /** Copies the sets. */
  public ContextUsage {
    offered = Set.copyOf(Objects.requireNonNull(offered, "offered"));
    used = Set.copyOf(Objects.requireNonNull(used, "used"));
  }
}

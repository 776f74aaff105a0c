package dev.contextgateway.workspace;

/** Why {@link FileDiscoverer} passed over an entry of the workspace. Each skip is counted once. */
public enum SkipReason {
  /** A file or folder whose name starts with {@code .}; a hidden folder is not entered. */
  HIDDEN,
  /** A folder excluded by name (build output such as {@code target} or {@code node_modules}). */
  EXCLUDED_DIRECTORY,
  /** A folder deeper than the configured maximum depth; it is not entered. */
  TOO_DEEP,
  /** Not a regular file: a device, pipe or socket, or a link to a folder (links are not walked). */
  NOT_REGULAR,
  /** A symbolic link whose real path lies outside the workspace's real root. */
  OUTSIDE_ROOT,
  /** A file larger than the configured byte cap. */
  TOO_LARGE,
  /** A file with a NUL byte among its first bytes. */
  BINARY,
  /** A file or folder that could not be opened or read, or a broken link. */
  UNREADABLE
}

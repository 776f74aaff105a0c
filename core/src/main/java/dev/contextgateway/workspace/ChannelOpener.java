package dev.contextgateway.workspace;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/** Opens a file for reading; a seam for fault-injection tests. */
@FunctionalInterface
interface ChannelOpener {

  /** Opens {@code file} for reading; the caller closes the channel. */
  SeekableByteChannel open(Path file) throws IOException;

  /**
   * The default: opens without following a link in the last name, so a file swapped for a link
   * between the walk's check and the read fails instead of being read through the link.
   */
  static ChannelOpener noFollow() {
    return file ->
        Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
  }
}

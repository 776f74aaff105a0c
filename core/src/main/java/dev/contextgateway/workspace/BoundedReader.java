package dev.contextgateway.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Reads at most a cap of bytes from a file, sniffs for binary content and decodes the rest as
 * UTF-8, replacing malformed input. The channel is closed on every path.
 *
 * <p>Not thread-safe: one instance per discovery, which reuses one buffer for every file.
 */
final class BoundedReader {
  /** A NUL byte among this many leading bytes marks a file as binary (as git and grep do). */
  static final int SNIFF_BYTES = 8192;

  private final ChannelOpener opener;
  private final ByteBuffer buffer;

  BoundedReader(ChannelOpener opener, int maxBytes) {
    this.opener = opener;
    // One byte past the cap tells a file at the cap from one that has grown past it.
    this.buffer = ByteBuffer.allocate(maxBytes + 1);
  }

  /** What one read gave: text, or the reason the file was skipped. */
  static final class Read {
    final @Nullable String text;
    final @Nullable SkipReason skip;

    private Read(@Nullable String text, @Nullable SkipReason skip) {
      this.text = text;
      this.skip = skip;
    }
  }

  /**
   * Reads {@code file}.
   *
   * @throws IOException if the file cannot be opened or read (the channel is closed)
   */
  Read read(Path file) throws IOException {
    buffer.clear();
    try (SeekableByteChannel channel = opener.open(file)) {
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          break;
        }
      }
    }
    if (!buffer.hasRemaining()) {
      return new Read(null, SkipReason.TOO_LARGE);
    }
    byte[] bytes = buffer.array();
    int length = buffer.position();
    int sniff = Math.min(length, SNIFF_BYTES);
    for (int i = 0; i < sniff; i++) {
      if (bytes[i] == 0) {
        return new Read(null, SkipReason.BINARY);
      }
    }
    // The String constructor replaces malformed UTF-8 with U+FFFD, never throws.
    return new Read(new String(bytes, 0, length, StandardCharsets.UTF_8), null);
  }
}

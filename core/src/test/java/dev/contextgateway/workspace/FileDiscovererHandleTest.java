package dev.contextgateway.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No file handle stays open after a discovery, whatever fails in the middle of it. Counts both the
 * channels the discoverer opened and closed (exact, any platform) and, on Linux, the process's
 * descriptors in {@code /proc/self/fd} that point into the workspace, which also covers the
 * directory streams of the walk. Only descriptors into the workspace are counted: other threads,
 * class loading and the garbage collector open and close unrelated descriptors at any time.
 */
class FileDiscovererHandleTest {
  @TempDir Path root;

  /** Channels opened through the discoverer and not yet closed. */
  private final AtomicInteger openChannels = new AtomicInteger();

  private final AtomicInteger opened = new AtomicInteger();

  @BeforeEach
  void tree() throws IOException {
    // Nested folders, so that directory streams are open when a read fails deep inside.
    for (int i = 0; i < 4; i++) {
      Path dir = Files.createDirectories(root.resolve("a" + i).resolve("b").resolve("c"));
      for (int j = 0; j < 5; j++) {
        Files.writeString(dir.resolve("f" + j + ".txt"), "alpha beta ".repeat(100 + j));
      }
    }
  }

  @Test
  void discover_success_leavesNoHandleOpen() throws IOException {
    FileDiscoverer discoverer = discoverer(ChannelOpener.noFollow());

    assertNoHandleLeft(() -> assertThat(discoverer.discover(root, "alpha").candidates()).hasSize(20));
  }

  @Test
  void discover_readFailingAfterOpen_countsUnreadableAndClosesTheChannel() throws IOException {
    FileDiscoverer discoverer = discoverer(failingReads(() -> new IOException("disk error")));

    assertNoHandleLeft(
        () -> {
          DiscoveryResult result = discoverer.discover(root, "alpha");
          assertThat(result.candidates()).isEmpty();
          assertThat(result.skipped(SkipReason.UNREADABLE)).isEqualTo(20);
        });
  }

  @Test
  void discover_openDenied_countsUnreadable() throws IOException {
    ChannelOpener real = ChannelOpener.noFollow();
    FileDiscoverer discoverer =
        discoverer(
            file -> {
              if (file.getFileName().toString().equals("f0.txt")) {
                throw new AccessDeniedException(file.toString());
              }
              return real.open(file);
            });

    assertNoHandleLeft(
        () -> {
          DiscoveryResult result = discoverer.discover(root, "alpha");
          assertThat(result.skipped(SkipReason.UNREADABLE)).isEqualTo(4);
          assertThat(result.filesScanned()).isEqualTo(20);
          assertThat(result.candidates()).hasSize(16);
        });
  }

  @Test
  void discover_unexpectedExceptionMidRead_propagatesAndClosesEverything() throws IOException {
    FileDiscoverer discoverer = discoverer(failingReads(() -> new IllegalStateException("bug")));

    assertNoHandleLeft(
        () ->
            assertThatThrownBy(() -> discoverer.discover(root, "alpha"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bug"));
  }

  @Test
  void discover_boostThrowing_leavesNoHandleOpen() throws IOException {
    FileDiscoverer discoverer = discoverer(ChannelOpener.noFollow());

    assertNoHandleLeft(
        () -> {
          DiscoveryResult result =
              discoverer.discover(
                  root,
                  "alpha",
                  path -> {
                    throw new IllegalStateException("tracker down");
                  },
                  null);
          assertThat(result.boostErrors()).isEqualTo(20);
          assertThat(result.candidates()).hasSize(20);
        });
  }

  private FileDiscoverer discoverer(ChannelOpener opener) {
    return FileDiscoverer.builder()
        .maxCandidates(20)
        .opener(
            file -> {
              SeekableByteChannel channel = opener.open(file);
              opened.incrementAndGet();
              openChannels.incrementAndGet();
              return new Tracked(channel);
            })
        .build();
  }

  /** Opens the real file (a real descriptor), then fails on the first read. */
  private static ChannelOpener failingReads(Supplier<? extends Exception> failure) {
    ChannelOpener real = ChannelOpener.noFollow();
    return file -> new FailingChannel(real.open(file), failure);
  }

  private void assertNoHandleLeft(ThrowingRunnable scenario) throws IOException {
    openChannels.set(0);
    opened.set(0);
    assertThat(descriptorsIntoWorkspace()).as("descriptors into the workspace before").isIn(0L, -1L);

    scenario.run();

    assertThat(opened.get()).as("channels opened").isPositive();
    assertThat(openChannels.get()).as("channels left open").isZero();
    assertThat(descriptorsIntoWorkspace()).as("descriptors into the workspace after").isIn(0L, -1L);
  }

  /**
   * The process's open descriptors whose target lies in the workspace, or -1 where {@code
   * /proc/self/fd} does not exist.
   */
  private long descriptorsIntoWorkspace() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return -1;
    }
    String workspace = root.toRealPath().toString();
    long count = 0;
    try (DirectoryStream<Path> list = Files.newDirectoryStream(fds)) {
      for (Path fd : list) {
        try {
          if (Files.readSymbolicLink(fd).toString().startsWith(workspace)) {
            count++;
          }
        } catch (IOException e) {
          // Closed since it was listed (or the listing's own descriptor): not in the workspace.
        }
      }
    }
    return count;
  }

  @Test
  void descriptorProbe_seesAnOpenFileAndFolderInTheWorkspace() throws IOException {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd");
    Path folder = root.resolve("a0").resolve("b").resolve("c");

    try (SeekableByteChannel channel = Files.newByteChannel(folder.resolve("f0.txt"))) {
      assertThat(channel.isOpen()).isTrue();
      assertThat(descriptorsIntoWorkspace()).isEqualTo(1);
      try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
        assertThat(listing).isNotNull();
        assertThat(descriptorsIntoWorkspace()).isGreaterThan(1); // one or two, by platform
      }
    }
    assertThat(descriptorsIntoWorkspace()).isZero();
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws IOException;
  }

  /** A real channel; subclasses change one operation. */
  private abstract static class DelegatingChannel implements SeekableByteChannel {
    final SeekableByteChannel delegate;

    DelegatingChannel(SeekableByteChannel delegate) {
      this.delegate = delegate;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return delegate.read(dst);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      return delegate.write(src);
    }

    @Override
    public long position() throws IOException {
      return delegate.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
      return delegate.position(newPosition);
    }

    @Override
    public long size() throws IOException {
      return delegate.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
      return delegate.truncate(size);
    }

    @Override
    public boolean isOpen() {
      return delegate.isOpen();
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }

  /** Counts its own close. */
  private final class Tracked extends DelegatingChannel {
    private boolean closed;

    Tracked(SeekableByteChannel delegate) {
      super(delegate);
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        openChannels.decrementAndGet();
      }
      delegate.close();
    }
  }

  /** A real channel whose reads fail. */
  private static final class FailingChannel extends DelegatingChannel {
    private final Supplier<? extends Exception> failure;

    FailingChannel(SeekableByteChannel delegate, Supplier<? extends Exception> failure) {
      super(delegate);
      this.failure = failure;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      Exception e = failure.get();
      if (e instanceof IOException) {
        throw (IOException) e;
      }
      throw (RuntimeException) e;
    }
  }
}

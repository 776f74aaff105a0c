package dev.contextgateway.workspace;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

/**
 * Where the watcher's events come from: a {@link WatchService} in production, a fake or a faulty
 * wrapper in tests. Implementations must allow {@link #close()} from any thread while another
 * thread waits in {@link #take()}, which must then throw {@link
 * java.nio.file.ClosedWatchServiceException}.
 */
interface WatchSource extends Closeable {

  /** Watches {@code directory} for entries created, deleted and modified in it. */
  WatchKey register(Path directory) throws IOException;

  /** Waits for the next signalled key. */
  WatchKey take() throws InterruptedException;

  /** Opens a source on a new watch service of {@code fileSystem}. */
  static WatchSource open(FileSystem fileSystem) throws IOException {
    WatchService service = fileSystem.newWatchService();
    return new WatchSource() {
      @Override
      public WatchKey register(Path directory) throws IOException {
        return directory.register(
            service,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_DELETE,
            StandardWatchEventKinds.ENTRY_MODIFY);
      }

      @Override
      public WatchKey take() throws InterruptedException {
        return service.take();
      }

      @Override
      public void close() throws IOException {
        service.close();
      }
    };
  }
}

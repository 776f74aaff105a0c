package dev.contextgateway.workspace;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.Watchable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A watch source driven by the test: it delivers the keys, failures and closures the test queues,
 * in order. Thread-safe.
 */
final class FakeWatchSource implements WatchSource {
  private static final Object CLOSED = new Object();

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  final Set<Path> registered = ConcurrentHashMap.newKeySet();
  final AtomicBoolean closed = new AtomicBoolean();
  private volatile Predicate<Path> failRegistration = dir -> false;

  @Override
  public WatchKey register(Path directory) throws IOException {
    if (failRegistration.test(directory)) {
      throw new IOException("inotify watch limit reached");
    }
    registered.add(directory);
    return new FakeKey(directory, List.of(), true);
  }

  @Override
  public WatchKey take() throws InterruptedException {
    Object next = queue.take();
    if (next == CLOSED) {
      queue.add(CLOSED); // stays closed for any later take
      throw new ClosedWatchServiceException();
    }
    if (next instanceof RuntimeException) {
      throw (RuntimeException) next;
    }
    return (WatchKey) next;
  }

  @Override
  public void close() {
    closed.set(true);
    queue.add(CLOSED);
  }

  /** Delivers one event of {@code kind} for {@code name} in {@code dir}. */
  void emit(Path dir, WatchEvent.Kind<Path> kind, String name) {
    queue.add(new FakeKey(dir, List.of(new FakeEvent<>(kind, Path.of(name))), true));
  }

  /** Delivers an OVERFLOW for {@code dir}. */
  void overflow(Path dir) {
    queue.add(new FakeKey(dir, List.of(new FakeEvent<>(StandardWatchEventKinds.OVERFLOW, null)), true));
  }

  /** Delivers {@code key} as it is. */
  void deliver(WatchKey key) {
    queue.add(key);
  }

  /** Makes the next take throw {@code failure}. */
  void failNextTake(RuntimeException failure) {
    queue.add(failure);
  }

  /** The service closes under the watcher, as if from outside. */
  void breakService() {
    queue.add(CLOSED);
  }

  void failRegistrationOf(Predicate<Path> which) {
    this.failRegistration = which;
  }

  /** A key with fixed events, counting its resets. */
  static class FakeKey implements WatchKey {
    private final Path dir;
    private final List<WatchEvent<?>> events;
    private final boolean valid;
    final AtomicInteger resets = new AtomicInteger();

    FakeKey(Path dir, List<WatchEvent<?>> events, boolean valid) {
      this.dir = dir;
      this.events = events;
      this.valid = valid;
    }

    @Override
    public boolean isValid() {
      return valid;
    }

    @Override
    public List<WatchEvent<?>> pollEvents() {
      return events;
    }

    @Override
    public boolean reset() {
      resets.incrementAndGet();
      return valid;
    }

    @Override
    public void cancel() {}

    @Override
    public Watchable watchable() {
      return dir;
    }
  }

  static final class FakeEvent<T> implements WatchEvent<T> {
    private final Kind<T> kind;
    private final @Nullable T context;

    @SuppressWarnings("unchecked")
    FakeEvent(Kind<?> kind, @Nullable Object context) {
      this.kind = (Kind<T>) kind;
      this.context = (T) context;
    }

    @Override
    public Kind<T> kind() {
      return kind;
    }

    @Override
    public int count() {
      return 1;
    }

    @Override
    public @Nullable T context() {
      return context;
    }
  }
}

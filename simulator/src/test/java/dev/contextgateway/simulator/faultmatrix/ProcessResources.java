package dev.contextgateway.simulator.faultmatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The threads and file descriptors of this JVM (Linux: {@code /proc/self/fd}), to check that a
 * scenario left none behind.
 *
 * <p>Jar files are left out of the descriptor comparison: the class loader opens a jar of the
 * class path the first time it loads a class from it and keeps it open for the JVM's life, so a
 * scenario that is the first to need some class would otherwise be blamed for it. So is {@code
 * /proc}: listing {@code /proc/self/fd} opens a handle on it, whose number varies.
 */
final class ProcessResources {
  private static final Path FD_DIRECTORY = Path.of("/proc/self/fd");
  private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");

  private ProcessResources() {}

  /** What was open at one moment. */
  record Snapshot(Set<Thread> threads, Map<Integer, String> descriptors) {
    /** The threads alive now that were not in this snapshot, by name. */
    List<String> newThreadsNow() {
      List<String> names = new ArrayList<>();
      for (Thread thread : liveThreads()) {
        if (!threads.contains(thread)) {
          names.add(thread.getName() + (thread.isDaemon() ? " (daemon)" : "") + " " + thread.getState());
        }
      }
      return names;
    }

    /**
     * The descriptors open now that were not open in this snapshot (a number now pointing at a
     * different target counts as new), counted by kind of target: a file, {@code pipe}, {@code
     * anon_inode:inotify}, a TCP connection.
     */
    Map<String, Integer> extraDescriptorsNow() {
      Map<Integer, String> opened = new HashMap<>(openDescriptors());
      opened.entrySet().removeIf(open -> open.getValue().equals(descriptors.get(open.getKey())));
      return kinds(opened, describeSockets());
    }
  }

  /** The live threads and open descriptors now. */
  static Snapshot snapshot() {
    return new Snapshot(liveThreads(), openDescriptors());
  }

  /**
   * Waits (at most {@code bound}) until no thread and no descriptor beyond {@code baseline}'s is
   * left, and fails naming the leaked ones otherwise.
   */
  static void awaitNoLeaks(Snapshot baseline, Duration bound) {
    await("threads and file descriptors back to their baseline")
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(50))
        .atMost(bound)
        .untilAsserted(
            () -> {
              List<String> threads = baseline.newThreadsNow();
              Map<String, Integer> descriptors = baseline.extraDescriptorsNow();
              assertThat(threads.isEmpty() && descriptors.isEmpty())
                  .as(
                      "threads started by the scenario and still alive: %s; file descriptors opened"
                          + " by it and still open, by target: %s",
                      threads,
                      descriptors)
                  .isTrue();
            });
  }

  /** The inodes of this process's sockets. */
  static Set<Long> ownSocketInodes() {
    Set<Long> inodes = new HashSet<>();
    for (String target : openDescriptors().values()) {
      Matcher matcher = SOCKET.matcher(target);
      if (matcher.matches()) {
        inodes.add(Long.parseLong(matcher.group(1)));
      }
    }
    return inodes;
  }

  private static Set<Thread> liveThreads() {
    Set<Thread> threads = new HashSet<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.isAlive()) {
        threads.add(thread);
      }
    }
    return threads;
  }

  /** The open descriptors by number, each with its link target. */
  private static Map<Integer, String> openDescriptors() {
    Map<Integer, String> descriptors = new HashMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(FD_DIRECTORY)) {
      for (Path entry : entries) {
        try {
          descriptors.put(Integer.parseInt(entry.getFileName().toString()), Files.readSymbolicLink(entry).toString());
        } catch (IOException closedMeanwhile) {
          // listed, then closed before it could be read: not open any more
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return descriptors;
  }

  /** Counts descriptors by kind of target; sockets by their TCP ends where known. */
  private static Map<String, Integer> kinds(Map<Integer, String> descriptors, Map<String, String> tcp) {
    Map<String, Integer> kinds = new TreeMap<>();
    for (String target : descriptors.values()) {
      if (target.endsWith(".jar") || target.startsWith("/proc/")) {
        continue; // class path jars stay open; /proc/<pid>/fd is the listing's own handle
      }
      String kind = target.startsWith("pipe:") ? "pipe" : tcp.getOrDefault(target, target.startsWith("socket:") ? "socket" : target);
      kinds.merge(kind, 1, Integer::sum);
    }
    return kinds;
  }

  /** {@code socket:[inode]} to a description of the TCP connection, for the sockets found. */
  private static Map<String, String> describeSockets() {
    Map<String, String> described = new HashMap<>();
    for (TcpTable.Socket socket : TcpTable.read()) {
      described.put("socket:[" + socket.inode() + "]", socket.toString());
    }
    return described;
  }
}

package dev.contextgateway.benchmarks.latency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The workspace the gateway scenarios serve: a temporary folder of small source and documentation
 * files whose words the scenarios' queries share, so that discovery always finds candidates and
 * every request goes on to the model.
 */
final class BenchWorkspace {
  /** Topics: each becomes a source file and a note, both naming the topic's words. */
  private static final List<String> TOPICS =
      List.of(
          "cache expiry", "single flight", "rate limiter", "circuit breaker", "retry budget",
          "file watcher", "relevance ranking", "prompt builder");

  private BenchWorkspace() {}

  /** Writes a new workspace into a temporary folder and returns the folder. */
  static Path create() throws IOException {
    Path root = Files.createTempDirectory("context-gateway-bench-");
    for (String topic : TOPICS) {
      String type = camelCase(topic);
      Path source = root.resolve("src").resolve(type + ".java");
      Files.createDirectories(source.getParent());
      Files.writeString(
          source,
          "/** " + topic + ": how the gateway handles " + topic + " under load. */\n"
              + "final class " + type + " {\n  void handle() {}\n}\n");
      Path note = root.resolve("docs").resolve(topic.replace(' ', '-') + ".md");
      Files.createDirectories(note.getParent());
      Files.writeString(note, "# " + topic + "\n\nOperating notes on " + topic + ".\n");
    }
    return root;
  }

  /** The query of request {@code n}: shared topic words and a number that makes its context new. */
  static String query(long n) {
    String topic = TOPICS.get((int) (n % TOPICS.size()));
    return topic + " " + TOPICS.get((int) ((n / TOPICS.size()) % TOPICS.size())) + " request " + n;
  }

  /** Deletes {@code root} and everything under it. */
  static void delete(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static String camelCase(String words) {
    StringBuilder name = new StringBuilder();
    for (String word : words.split(" ")) {
      name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
    }
    return name.toString();
  }
}

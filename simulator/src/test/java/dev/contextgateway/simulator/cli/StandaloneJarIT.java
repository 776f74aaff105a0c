package dev.contextgateway.simulator.cli;

import static dev.contextgateway.simulator.TestClient.prompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar runs standalone: {@code java -jar target/gemini-simulator.jar} answers, and stops
 * cleanly on SIGTERM (the shutdown path Ctrl-C takes) without waiting for a hung request.
 */
class StandaloneJarIT {
  private static final Pattern LISTENING =
      Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

  @Test
  void jar_servesUntilTerminated_thenStopsWithoutWaitingForHungRequests(@TempDir Path dir)
      throws Exception {
    Path jar = Path.of(System.getProperty("simulator.jar", "target/gemini-simulator.jar"));
    assertThat(jar).exists();
    Path log = dir.resolve("simulator.log");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-jar",
                jar.toString(),
                "--port",
                "0",
                "--profile",
                "hanging",
                "--seed",
                "42")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      String baseUrl =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> baseUrl(Files.readString(log)), url -> !url.isEmpty());
      HttpClient client = HttpClient.newHttpClient();
      CompletableFuture<HttpResponse<String>> hung =
          client.sendAsync(
              HttpRequest.newBuilder(
                      URI.create(baseUrl + "/v1beta/models/gemini-2.5-flash:generateContent"))
                  .header("x-goog-api-key", "simulator-api-key")
                  .POST(HttpRequest.BodyPublishers.ofString(prompt("hang")))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpRequest counters =
          HttpRequest.newBuilder(URI.create(baseUrl + "/__sim/counters"))
              .timeout(Duration.ofSeconds(5))
              .build();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> client.send(counters, HttpResponse.BodyHandlers.ofString()).body(),
              body -> body.contains("\"HANG\": 1"));

      process.destroy(); // SIGTERM: runs the shutdown hook, as Ctrl-C does

      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited").isTrue();
      assertThat(Files.readString(log)).contains("Gemini simulator stopped");
      assertThat(hung).failsWithin(Duration.ofSeconds(10));
    } finally {
      process.destroyForcibly();
    }
  }

  private static String baseUrl(String output) {
    Matcher matcher = LISTENING.matcher(output);
    return matcher.find() ? matcher.group(1) : "";
  }
}

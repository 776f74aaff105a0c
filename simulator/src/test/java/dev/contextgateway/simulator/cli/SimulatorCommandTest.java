package dev.contextgateway.simulator.cli;

import static dev.contextgateway.simulator.TestClient.prompt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.simulator.TestClient;
import dev.contextgateway.simulator.profile.Profiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line, run in-process with a stop signal in place of Ctrl-C. */
class SimulatorCommandTest {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

  /** Collects output and completes {@link #baseUrl} once the simulator prints it. */
  private static final class Output extends Writer {
    private final StringBuilder text = new StringBuilder();
    final CompletableFuture<String> baseUrl = new CompletableFuture<>();

    synchronized String text() {
      return text.toString();
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
      text.append(buffer, offset, length);
      Matcher matcher = LISTENING.matcher(text);
      if (matcher.find()) {
        baseUrl.complete(matcher.group(1));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void serves_printsItsBaseUrl_andStopsCleanlyOnTheStopSignal() throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    Output out = new Output();
    CommandLine commandLine = new CommandLine(new SimulatorCommand(stop)).setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> commandLine.execute("--port", "0", "--profile", "outage", "--seed", "42", "--api-key", "k"));

    String baseUrl = out.baseUrl.get(10, TimeUnit.SECONDS);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/v1beta/models/gemini-2.5-flash:generateContent"))
                    .header("x-goog-api-key", "k")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(prompt("hi")))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    stop.countDown();

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(out.text())
        .contains("profile outage, seed 42")
        .contains("/__sim/counters")
        .endsWith("Gemini simulator stopped" + System.lineSeparator());
  }

  @Test
  void repliesContextSelection_answersTheGatewaysSelectionPrompt() throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    Output out = new Output();
    CommandLine commandLine = new CommandLine(new SimulatorCommand(stop)).setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> commandLine.execute("--port", "0", "--replies", "context-selection"));

    String baseUrl = out.baseUrl.get(10, TimeUnit.SECONDS);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/v1beta/models/gemini-2.5-flash:generateContent"))
                    .header("x-goog-api-key", "simulator-api-key")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(
                        prompt("Question: cache\nChoose at most 2 of them.\n=== path: src/Cache.java ===\nclass Cache {}\n")))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    stop.countDown();

    assertThat(response.statusCode()).isEqualTo(200);
    String text = TestClient.json(response.body()).path("candidates").path(0).path("content").path("parts").path(0).path("text").asText();
    assertThat(text).contains("{\"files\":[{\"path\":\"src/Cache.java\",\"summary\":");
    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(out.text()).contains("replies context-selection");
  }

  @Test
  void unknownReplies_isAUsageError_listingTheChoices() {
    StringWriter err = new StringWriter();

    int exit =
        new CommandLine(new SimulatorCommand()).setErr(new PrintWriter(err)).execute("--replies", "poetry");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--replies must be one of filler, context-selection, was 'poetry'");
  }

  @Test
  void printProfile_printsTheFileFormat() {
    StringWriter out = new StringWriter();
    int exit =
        new CommandLine(new SimulatorCommand())
            .setOut(new PrintWriter(out))
            .execute("--profile", "flaky", "--print-profile");

    assertThat(exit).isZero();
    assertThat(Profiles.parse(out.toString())).isEqualTo(Profiles.FLAKY);
  }

  @Test
  void profileFile_isLoaded(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.yaml");
    Files.writeString(file, "name: from-file\nfaults:\n  - {kind: internal, probability: 0.5}\n");
    StringWriter out = new StringWriter();

    int exit =
        new CommandLine(new SimulatorCommand())
            .setOut(new PrintWriter(out))
            .execute("--profile-file", file.toString(), "--print-profile");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("name: \"from-file\"").contains("internal");
  }

  @Test
  void unknownProfile_isAUsageError_listingTheBuiltIns() {
    StringWriter err = new StringWriter();

    int exit =
        new CommandLine(new SimulatorCommand()).setErr(new PrintWriter(err)).execute("--profile", "nope");

    assertThat(exit).as(err.toString()).isEqualTo(2);
    assertThat(err.toString()).contains("unknown profile 'nope'").contains("outage-then-recovery");
  }

  @Test
  void profileAndProfileFile_together_areAUsageError() {
    StringWriter err = new StringWriter();

    int exit =
        new CommandLine(new SimulatorCommand())
            .setErr(new PrintWriter(err))
            .execute("--profile", "flaky", "--profile-file", "x.yaml");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("either --profile or --profile-file");
  }

  @Test
  void badDuration_isAUsageError() {
    StringWriter err = new StringWriter();

    int exit =
        new CommandLine(new SimulatorCommand()).setErr(new PrintWriter(err)).execute("--hang-timeout", "forever");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("not a duration: 'forever'");
  }
}

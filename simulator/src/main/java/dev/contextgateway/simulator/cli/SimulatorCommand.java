package dev.contextgateway.simulator.cli;

import dev.contextgateway.simulator.GeminiSimulator;
import dev.contextgateway.simulator.ReplyGenerator;
import dev.contextgateway.simulator.profile.Durations;
import dev.contextgateway.simulator.profile.Profile;
import dev.contextgateway.simulator.profile.Profiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The standalone simulator: {@code java -jar gemini-simulator.jar --port 8089 --profile flaky
 * --seed 42}. Prints its base URL, serves until the process is interrupted (Ctrl-C or SIGTERM),
 * then closes the simulator and exits.
 */
@Command(
    name = "gemini-simulator",
    mixinStandardHelpOptions = true,
    version = "gemini-simulator (Context Gateway)",
    sortOptions = false,
    description = {
      "Serves a simulated Gemini API on 127.0.0.1 with reproducible faults.",
      "Admin endpoint: GET /__sim/counters, GET /__sim/journal, GET|POST /__sim/profile,"
          + " POST /__sim/reset."
    })
public final class SimulatorCommand implements Callable<Integer> {
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

  /** The answer-text generators by their command-line names. */
  static final Map<String, ReplyGenerator> REPLIES = replies();

  @Spec private @Nullable CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8089",
      description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(
      names = "--profile",
      description = "Built-in profile: ${COMPLETION-CANDIDATES} (default: healthy).",
      completionCandidates = BuiltInNames.class)
  private @Nullable String profileName;

  @Option(names = "--profile-file", description = "Profile file, JSON (*.json) or YAML.")
  private @Nullable Path profileFile;

  @Option(
      names = "--seed",
      defaultValue = "0",
      description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(
      names = "--api-key",
      defaultValue = GeminiSimulator.DEFAULT_API_KEY,
      description = "The API key to accept (default: ${DEFAULT-VALUE}).")
  private String apiKey = GeminiSimulator.DEFAULT_API_KEY;

  @Option(
      names = "--models",
      split = ",",
      description = "Models to serve, comma-separated (default: the current Gemini models).")
  private @Nullable List<String> models;

  @Option(
      names = "--replies",
      defaultValue = "filler",
      completionCandidates = ReplyNames.class,
      description =
          "Answer texts: ${COMPLETION-CANDIDATES}; context-selection answers Context Gateway's"
              + " selection prompt (default: ${DEFAULT-VALUE}).")
  private String replies = "filler";

  @Option(
      names = "--hang-timeout",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description = "How long a hung request is held (default: ${DEFAULT-VALUE}).")
  private Duration hangTimeout = Duration.ofMinutes(10);

  @Option(
      names = "--print-profile",
      description = "Print the selected profile as YAML (the file format) and exit.")
  private boolean printProfile;

  private final CountDownLatch stop;

  /** The command as run from {@code main}: it stops on Ctrl-C. */
  public SimulatorCommand() {
    this(new CountDownLatch(1));
  }

  /** A command that serves until {@code stop} is counted down (for tests and embedding). */
  SimulatorCommand(CountDownLatch stop) {
    this.stop = stop;
  }

  public static void main(String[] args) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.exit(new CommandLine(new SimulatorCommand()).execute(args));
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    CommandLine commandLine = commandLine();
    PrintWriter out = commandLine.getOut();
    Profile profile = selectedProfile();
    ReplyGenerator replyGenerator = REPLIES.get(replies);
    if (replyGenerator == null) {
      throw new CommandLine.ParameterException(
          commandLine(),
          "--replies must be one of " + String.join(", ", REPLIES.keySet()) + ", was '" + replies + "'");
    }
    if (printProfile) {
      out.print(Profiles.toYaml(profile));
      out.flush();
      return 0;
    }
    GeminiSimulator.Builder builder =
        GeminiSimulator.builder()
            .port(port)
            .apiKey(apiKey)
            .profile(profile)
            .seed(seed)
            .replies(replyGenerator)
            .hangTimeout(hangTimeout);
    if (models != null) {
      builder.models(models);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              awaitQuietly(stopped);
            },
            "gemini-simulator-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (GeminiSimulator simulator = builder.start()) {
      out.println("Gemini simulator listening on " + simulator.baseUrl());
      out.println(
          "profile "
              + profile.name()
              + ", seed "
              + seed
              + ", replies "
              + replies
              + ", API key "
              + apiKey
              + "; admin: "
              + simulator.baseUrl()
              + "/__sim/counters; stop with Ctrl-C");
      out.flush();
      stop.await();
    } finally {
      out.println("Gemini simulator stopped");
      out.flush();
      stopped.countDown();
      removeHook(hook);
    }
    return 0;
  }

  private Profile selectedProfile() throws IOException {
    if (profileName != null && profileFile != null) {
      throw new CommandLine.ParameterException(
          commandLine(), "use either --profile or --profile-file, not both");
    }
    try {
      if (profileFile != null) {
        return Profiles.read(profileFile);
      }
      return Profiles.builtIn(profileName == null ? Profiles.HEALTHY.name() : profileName);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine(), String.valueOf(e.getMessage()), e);
    }
  }

  private CommandLine commandLine() {
    if (spec == null) {
      throw new IllegalStateException("run the command through picocli's CommandLine");
    }
    return spec.commandLine();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: the JVM is on its way out
    }
  }

  /** Parses {@code 250ms}, {@code 1.5s}, {@code 10m}, ISO-8601. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Durations.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(String.valueOf(e.getMessage()));
      }
    }
  }

  private static Map<String, ReplyGenerator> replies() {
    Map<String, ReplyGenerator> replies = new LinkedHashMap<>();
    replies.put("filler", ReplyGenerator.filler());
    replies.put("context-selection", ReplyGenerator.contextSelection());
    return java.util.Collections.unmodifiableMap(replies);
  }

  /** The reply generator names, for help and completion. */
  static final class ReplyNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return REPLIES.keySet().iterator();
    }
  }

  /** The built-in profile names, for help and completion. */
  static final class BuiltInNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Profiles.builtIn().keySet().iterator();
    }
  }
}

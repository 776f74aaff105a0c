package dev.contextgateway.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The suite's command line: runs the JMH benchmarks and the latency scenarios, writes the run
 * directory and its report, and prints the report's path last. Exit status 0 when everything
 * ran, 1 when something failed (the report is still written, with the failures in its notes),
 * 2 on a usage error.
 */
@Command(
    name = "bench/run",
    mixinStandardHelpOptions = true,
    description =
        "Runs the benchmarks (JMH and open-loop latency), writes a run directory and its report,"
            + " and prints the path of the report.")
public final class BenchMain implements Callable<Integer> {

  @Option(
      names = "--mode",
      defaultValue = "short",
      description =
          "short (about 7 minutes on 2 cores), full (about half an hour) or smoke (seconds; checks"
              + " the pipeline, its figures mean nothing). Default: ${DEFAULT-VALUE}.")
  SuiteMode mode = SuiteMode.SHORT;

  @Option(
      names = "--out",
      paramLabel = "<dir>",
      description = "The run directory to write. Default: reports-out/<date>-<time>-<mode>.")
  @Nullable Path out;

  @Option(
      names = "--jmh",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Run the JMH benchmarks (--no-jmh skips them).")
  boolean jmh = true;

  @Option(
      names = "--latency",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Run the latency scenarios (--no-latency skips them).")
  boolean latency = true;

  private final PrintStream console;
  private final Clock clock;

  BenchMain(PrintStream console, Clock clock) {
    this.console = console;
    this.clock = clock;
  }

  public static void main(String[] args) {
    System.exit(execute(System.out, System.err, Clock.systemUTC(), args));
  }

  /** Parses {@code args}, runs the suite and returns the exit status. */
  static int execute(PrintStream out, PrintStream err, Clock clock, String... args) {
    CommandLine command =
        new CommandLine(new BenchMain(out, clock)).setCaseInsensitiveEnumValuesAllowed(true);
    command.setOut(new java.io.PrintWriter(out, true));
    command.setErr(new java.io.PrintWriter(err, true));
    return command.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    Path directory = out != null ? out : defaultDirectory();
    Suite.Outcome outcome = new Suite(mode, jmh, latency, console, clock).run(directory);
    for (String failure : outcome.failures()) {
      console.println("FAILED: " + failure);
    }
    console.println("Summary: " + outcome.index().resolveSibling("summary.md"));
    console.println("Report: " + outcome.index());
    return outcome.failures().isEmpty() ? 0 : 1;
  }

  private Path defaultDirectory() {
    String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return Path.of("reports-out", stamp + "-" + mode.id());
  }
}

package dev.contextgateway.reports;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line: {@code ReportMain --run <dir>} writes the report of a run directory and
 * prints the path of its {@code index.html} (and nothing else) on standard output.
 *
 * <p>Exit status 0 on success, 1 if the run cannot be read or the report written (the reason on
 * standard error), 2 on a usage error.
 */
@Command(
    name = "report",
    description = "Writes the HTML and markdown report of a benchmark run directory into <dir>/report.",
    mixinStandardHelpOptions = true,
    versionProvider = ReportMain.Version.class,
    sortOptions = false)
public final class ReportMain implements Callable<Integer> {

  @Option(
      names = "--run",
      required = true,
      paramLabel = "<dir>",
      description = "The run directory: run.json, jmh/*.json, latency/<scenario>/<impl>.hlog.")
  private @Nullable Path run;

  private final PrintWriter out;
  private final PrintWriter err;

  private ReportMain(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** Runs the command and exits the JVM with its status. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Runs the command with the given streams and returns its exit status. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new ReportMain(out, err));
    commandLine.setOut(out);
    commandLine.setErr(err);
    int status = commandLine.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ReportMain.class.getPackage().getImplementationVersion();
      return new String[] {"context-gateway-reports " + (version == null ? "(development)" : version)};
    }
  }

  @Override
  public Integer call() {
    Path dir = run;
    if (dir == null) {
      err.println("report: --run is required");
      return 2;
    }
    try {
      out.println(Reports.generate(dir));
      return 0;
    } catch (NoSuchFileException e) {
      err.println("report: " + e.getFile() + (e.getReason() == null ? "" : ": " + e.getReason()));
      return 1;
    } catch (IOException e) {
      err.println("report: " + e.getMessage());
      return 1;
    }
  }
}

package dev.contextgateway.reports.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The layout of a run directory, and the reading and writing of its {@code run.json}.
 *
 * <pre>
 * &lt;run&gt;/run.json                                   {@link RunInfo}
 * &lt;run&gt;/jmh/&lt;name&gt;.json                             JMH -rf json output, any number of files
 * &lt;run&gt;/latency/&lt;scenario&gt;/&lt;implementation&gt;.hlog   HdrHistogram interval log, nanoseconds
 * &lt;run&gt;/report/                                    written by the report generator
 * </pre>
 *
 * <p>Instances are immutable and thread-safe; the methods that touch files block on I/O.
 * Concurrent writers of the same file are not coordinated.
 */
public final class RunDirectory {

  /** The file name of the run description. */
  public static final String RUN_JSON = "run.json";

  private final Path root;

  private RunDirectory(Path root) {
    this.root = root;
  }

  /** Names the run directory at {@code root}; touches no file. */
  public static RunDirectory of(Path root) {
    if (root == null) {
      throw new IllegalArgumentException("root must be present, was null");
    }
    return new RunDirectory(root.toAbsolutePath().normalize());
  }

  /**
   * Creates the run directory at {@code root} with its {@code jmh} and {@code latency} folders
   * (keeping whatever they hold).
   *
   * @throws IOException if a folder cannot be created
   */
  public static RunDirectory create(Path root) throws IOException {
    RunDirectory run = of(root);
    Files.createDirectories(run.jmhDirectory());
    Files.createDirectories(run.latencyDirectory());
    return run;
  }

  /** The absolute, normalised root of the run. */
  public Path root() {
    return root;
  }

  /** {@code <run>/run.json}. */
  public Path runJson() {
    return root.resolve(RUN_JSON);
  }

  /** {@code <run>/jmh}: every {@code *.json} file in it is read as JMH output. */
  public Path jmhDirectory() {
    return root.resolve("jmh");
  }

  /** {@code <run>/jmh/<name>.json}, the file to pass to JMH's {@code -rff}. */
  public Path jmhResult(String name) {
    return jmhDirectory().resolve(Names.check("JMH result name", name) + ".json");
  }

  /** {@code <run>/latency}. */
  public Path latencyDirectory() {
    return root.resolve("latency");
  }

  /** {@code <run>/latency/<scenario>/<implementation>.hlog}. */
  public Path latencyLog(String scenario, String implementation) {
    return latencyDirectory()
        .resolve(Names.check("scenario name", scenario))
        .resolve(Names.check("implementation name", implementation) + ".hlog");
  }

  /** {@code <run>/report}, where the generator writes. */
  public Path reportDirectory() {
    return root.resolve("report");
  }

  /**
   * Opens {@link #latencyLog} for writing, replacing an earlier log, creating its folder.
   *
   * @param startTimeEpochMillis when the measured phase started; interval times are relative to it
   * @throws IOException if the file cannot be created
   */
  public LatencyLogWriter openLatencyLog(
      String scenario, String implementation, long startTimeEpochMillis) throws IOException {
    Path log = latencyLog(scenario, implementation);
    Files.createDirectories(log.getParent());
    return new LatencyLogWriter(Files.newOutputStream(log), startTimeEpochMillis);
  }

  /**
   * Writes {@code run.json}, replacing it atomically where the file system allows.
   *
   * @throws IOException if it cannot be written
   */
  public void writeRunInfo(RunInfo run) throws IOException {
    Files.createDirectories(root);
    Path target = runJson();
    Path temp = root.resolve("." + RUN_JSON + ".tmp");
    try {
      Files.writeString(temp, RunJson.write(run), StandardCharsets.UTF_8);
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Reads {@code run.json}.
   *
   * @throws NoSuchFileException if the run has no {@code run.json}
   * @throws IOException if it cannot be read or is not a valid run description; the message names
   *     the file and the problem
   */
  public RunInfo readRunInfo() throws IOException {
    Path file = runJson();
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no run.json in the run directory");
    }
    String json = Files.readString(file, StandardCharsets.UTF_8);
    try {
      return RunJson.read(json);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IOException(file + ": " + cause.getMessage(), e);
    } catch (JsonMappingException e) {
      throw new IOException(
          file + ": " + path(e) + e.getOriginalMessage() + " " + location(e), e);
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": " + e.getOriginalMessage() + " " + location(e), e);
    }
  }

  /** {@code machine.cores: } for the field a mapping error is about, or empty. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "" : path + ": ";
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : "(line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  @Override
  public String toString() {
    return root.toString();
  }
}

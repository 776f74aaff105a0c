package dev.contextgateway.reports.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The contents of a run's {@code run.json}: the machine, the mode and settings of the run, and
 * per latency scenario its description, parameters and counters. Immutable.
 *
 * @param formatVersion the version of this format, {@value #FORMAT_VERSION}
 * @param machine the machine and JVM, and when the run started
 * @param mode how long the run was, such as {@code short} or {@code full}
 * @param settings free-form settings of the run (JMH forks and iterations, JVM flags...), sorted
 * @param scenarios the latency scenarios, in the order the run executed them; names unique
 * @param notes free-form remarks shown in the report, such as why a target was missed
 * @param targetNotes per target id, a remark shown beside that target (why it was missed)
 */
public record RunInfo(
    int formatVersion,
    MachineInfo machine,
    String mode,
    Map<String, String> settings,
    List<ScenarioInfo> scenarios,
    List<String> notes,
    Map<String, String> targetNotes) {

  /** The format version this library reads and writes. */
  public static final int FORMAT_VERSION = 1;

  /** Validates and takes unmodifiable copies. */
  public RunInfo {
    if (formatVersion != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "formatVersion must be " + FORMAT_VERSION + ", was " + formatVersion);
    }
    if (machine == null) {
      throw new IllegalArgumentException("machine must be present, was null");
    }
    Names.nonBlank("mode", mode);
    settings = sortedCopy("setting", settings);
    List<ScenarioInfo> scenarioList = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (scenarios != null) {
      for (ScenarioInfo scenario : scenarios) {
        if (scenario == null) {
          throw new IllegalArgumentException("scenarios must not contain null");
        }
        if (!seen.add(scenario.name())) {
          throw new IllegalArgumentException(
              "scenario names must be unique, was '" + scenario.name() + "' twice");
        }
        scenarioList.add(scenario);
      }
    }
    scenarios = List.copyOf(scenarioList);
    notes = notes == null ? List.of() : List.copyOf(notes);
    targetNotes = sortedCopy("target note", targetNotes);
  }

  private static Map<String, String> sortedCopy(String what, @Nullable Map<String, String> map) {
    SortedMap<String, String> copy = new TreeMap<>();
    if (map != null) {
      map.forEach(
          (key, value) -> {
            Names.nonBlank(what + " name", key);
            if (value == null) {
              throw new IllegalArgumentException(what + " " + key + " must not be null");
            }
            copy.put(key, value);
          });
    }
    return Collections.unmodifiableSortedMap(copy);
  }

  /** Returns the scenario named {@code name}, if the run has one. */
  public Optional<ScenarioInfo> scenario(String name) {
    return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** Returns a builder of a run measured on {@code machine}, in mode {@code short}. */
  public static Builder builder(MachineInfo machine) {
    return new Builder(machine);
  }

  /** Accumulates a run; not thread-safe. */
  public static final class Builder {
    private final MachineInfo machine;
    private String mode = "short";
    private final Map<String, String> settings = new TreeMap<>();
    private final List<ScenarioInfo> scenarios = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> targetNotes = new TreeMap<>();

    private Builder(MachineInfo machine) {
      if (machine == null) {
        throw new IllegalArgumentException("machine must be present, was null");
      }
      this.machine = machine;
    }

    /** Sets the mode, such as {@code short} or {@code full}. */
    public Builder mode(String mode) {
      this.mode = Names.nonBlank("mode", mode);
      return this;
    }

    /** Sets a free-form setting, replacing an earlier value. */
    public Builder setting(String name, String value) {
      settings.put(Names.nonBlank("setting name", name), value);
      return this;
    }

    /** Adds a scenario; names must be unique by {@link #build()}. */
    public Builder scenario(ScenarioInfo scenario) {
      scenarios.add(scenario);
      return this;
    }

    /** Adds a remark. */
    public Builder note(String note) {
      notes.add(Names.nonBlank("note", note));
      return this;
    }

    /** Sets the remark shown beside target {@code targetId}. */
    public Builder targetNote(String targetId, String note) {
      targetNotes.put(Names.nonBlank("target id", targetId), Names.nonBlank("note", note));
      return this;
    }

    /**
     * Builds the run.
     *
     * @throws IllegalArgumentException if two scenarios have the same name
     */
    public RunInfo build() {
      return new RunInfo(FORMAT_VERSION, machine, mode, settings, scenarios, notes, targetNotes);
    }
  }
}

package dev.contextgateway.simulator.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Phases of steady behaviour by elapsed time, e.g. healthy for 10 s, an outage for 5 s, then
 * healthy again. Either the last phase lasts for ever ({@link Builder#then}), or the whole
 * sequence repeats ({@link Builder#repeat()}). A phase boundary belongs to the later phase.
 *
 * <p>Immutable and thread-safe.
 */
public final class Timeline implements Profile {
  private final String name;
  private final List<Phase> phases;
  private final boolean repeat;
  private final long cycleNanos;

  /**
   * One phase.
   *
   * @param duration how long it lasts, or {@code null} for the final phase that lasts for ever
   * @param profile what the simulator does meanwhile
   */
  public record Phase(@Nullable Duration duration, FaultProfile profile) {
    public Phase {
      Objects.requireNonNull(profile, "profile");
      if (duration != null && (duration.isNegative() || duration.isZero())) {
        throw new IllegalArgumentException(
            "duration of phase '" + profile.name() + "' must be positive, was " + duration);
      }
    }
  }

  private Timeline(String name, List<Phase> phases, boolean repeat) {
    this.name = name;
    this.phases = List.copyOf(phases);
    this.repeat = repeat;
    long total = 0;
    for (Phase phase : phases) {
      if (phase.duration() != null) {
        total = Math.addExact(total, phase.duration().toNanos());
      }
    }
    this.cycleNanos = total;
  }

  /** Starts a timeline called {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  @Override
  public String name() {
    return name;
  }

  /** The phases in order. */
  public List<Phase> phases() {
    return phases;
  }

  /** Whether the phases start over after the last one. */
  public boolean repeats() {
    return repeat;
  }

  @Override
  public FaultProfile activeAt(Duration elapsed) {
    long at = Math.max(0, elapsed.toNanos());
    if (repeat) {
      at %= cycleNanos;
    }
    for (Phase phase : phases) {
      Duration duration = phase.duration();
      if (duration == null || at < duration.toNanos()) {
        return phase.profile();
      }
      at -= duration.toNanos();
    }
    // Not repeating and past every timed phase: the builder guarantees a final untimed phase, so
    // this is only reached for rounding at the very end of a repeating cycle.
    return phases.get(phases.size() - 1).profile();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Timeline that
        && name.equals(that.name)
        && phases.equals(that.phases)
        && repeat == that.repeat;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, phases, repeat);
  }

  @Override
  public String toString() {
    return "Timeline{" + name + ", phases=" + phases + (repeat ? ", repeating" : "") + "}";
  }

  /** Collects the phases; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final List<Phase> phases = new ArrayList<>();
    private boolean finished;

    private Builder(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("timeline name must not be blank, was '" + name + "'");
      }
      this.name = name;
    }

    /** Adds a phase that lasts {@code duration}. */
    public Builder phase(Duration duration, FaultProfile profile) {
      requireOpen();
      phases.add(new Phase(Objects.requireNonNull(duration, "duration"), profile));
      return this;
    }

    /** Adds the final phase, which lasts for ever, and builds the timeline. */
    public Timeline then(FaultProfile profile) {
      requireOpen();
      phases.add(new Phase(null, profile));
      finished = true;
      return new Timeline(name, phases, false);
    }

    /** Builds a timeline that starts over after its last phase. */
    public Timeline repeat() {
      requireOpen();
      if (phases.isEmpty()) {
        throw new IllegalArgumentException("timeline '" + name + "' needs at least one phase");
      }
      finished = true;
      return new Timeline(name, phases, true);
    }

    private void requireOpen() {
      if (finished) {
        throw new IllegalStateException("timeline '" + name + "' is already built");
      }
    }
  }
}

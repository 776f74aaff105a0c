package dev.contextgateway.simulator.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A steady behaviour: every request is delayed by a {@link Latency}, then gets at most one of the
 * weighted {@link Fault}s, and, if it got none (or only a {@link FaultKind#SLOW_DRIP}), is checked
 * against the optional {@link Quota}. The fault is chosen from one uniform draw in {@code [0, 1)}:
 * the faults take consecutive slices of that interval in the order given, and a draw past them
 * all means no fault.
 *
 * <p>Immutable and thread-safe. Profiles compose: {@link #toBuilder()} starts a new profile from
 * this one, and a {@link Timeline} strings profiles together.
 */
public final class FaultProfile implements Profile {
  private static final double PROBABILITY_SLACK = 1e-9;

  private final String name;
  private final Latency latency;
  private final List<WeightedFault> faults;
  private final @Nullable Quota quota;

  private FaultProfile(Builder builder) {
    this.name = builder.name;
    this.latency = builder.latency;
    this.faults = List.copyOf(builder.faults);
    this.quota = builder.quota;
  }

  /** Starts a profile called {@code name}: no latency, no faults, no quota until set. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A builder holding this profile's settings, to derive a new profile from it. */
  public Builder toBuilder() {
    Builder builder = new Builder(name).latency(latency);
    builder.faults.addAll(faults);
    builder.quota = quota;
    return builder;
  }

  @Override
  public String name() {
    return name;
  }

  public Latency latency() {
    return latency;
  }

  /** The weighted faults, in the order their slices are laid out. */
  public List<WeightedFault> faults() {
    return faults;
  }

  /** The emulated quota, or {@code null} for none. */
  public @Nullable Quota quota() {
    return quota;
  }

  /**
   * The fault for a uniform {@code draw} in {@code [0, 1)}, or {@code null} when the draw falls
   * past every fault's slice.
   */
  public @Nullable Fault faultFor(double draw) {
    double upper = 0;
    for (WeightedFault weighted : faults) {
      upper += weighted.probability();
      if (draw < upper) {
        return weighted.fault();
      }
    }
    return null;
  }

  @Override
  public FaultProfile activeAt(Duration elapsed) {
    return this;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof FaultProfile that
        && name.equals(that.name)
        && latency.equals(that.latency)
        && faults.equals(that.faults)
        && Objects.equals(quota, that.quota);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, latency, faults, quota);
  }

  @Override
  public String toString() {
    return "FaultProfile{"
        + name
        + ", latency="
        + latency
        + ", faults="
        + faults.stream()
            .map(f -> f.fault() + "@" + f.probability())
            .collect(Collectors.joining(", ", "[", "]"))
        + (quota == null ? "" : ", quota=" + quota)
        + "}";
  }

  /** Collects a fault profile's settings; not thread-safe. */
  public static final class Builder {
    private final String name;
    private Latency latency = Latency.none();
    private final List<WeightedFault> faults = new ArrayList<>();
    private @Nullable Quota quota;

    private Builder(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("profile name must not be blank, was '" + name + "'");
      }
      this.name = name;
    }

    /** The delay before each answer (default none). */
    public Builder latency(Latency latency) {
      this.latency = Objects.requireNonNull(latency, "latency");
      return this;
    }

    /** Adds {@code fault} with {@code probability}; the probabilities must total at most 1. */
    public Builder fault(double probability, Fault fault) {
      faults.add(new WeightedFault(probability, fault));
      return this;
    }

    /** Adds the fault {@code kind} with its default parameters. */
    public Builder fault(double probability, FaultKind kind) {
      return fault(probability, Fault.of(kind));
    }

    /** Removes every fault added so far (for profiles derived with {@link #toBuilder()}). */
    public Builder clearFaults() {
      faults.clear();
      return this;
    }

    /** The emulated quota, or {@code null} for none (the default). */
    public Builder quota(@Nullable Quota quota) {
      this.quota = quota;
      return this;
    }

    /**
     * Builds the profile.
     *
     * @throws IllegalArgumentException if the fault probabilities add up to more than 1
     */
    public FaultProfile build() {
      double total = faults.stream().mapToDouble(WeightedFault::probability).sum();
      if (total > 1 + PROBABILITY_SLACK) {
        throw new IllegalArgumentException(
            "fault probabilities of profile '"
                + name
                + "' must add up to at most 1, was "
                + total
                + " "
                + faults.stream()
                    .map(f -> f.fault().kind().id() + "=" + f.probability())
                    .collect(Collectors.joining(", ", "(", ")")));
      }
      return new FaultProfile(this);
    }
  }
}

package dev.contextgateway.simulator.profile;

import java.util.Objects;

/**
 * A fault and the probability with which a request gets it.
 *
 * @param probability in {@code [0, 1]}
 * @param fault the fault
 */
public record WeightedFault(double probability, Fault fault) {
  public WeightedFault {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException(
          "probability of " + fault + " must be in [0, 1], was " + probability);
    }
    Objects.requireNonNull(fault, "fault");
  }
}

package dev.contextgateway.benchmarks.subject;

/**
 * A generated value: which generation made it, when it was finished, and how many bytes it
 * stands for (what the weigher reports).
 *
 * @param serial the order in which generations finished, from 1; unique per generator
 * @param bornNanos the ticker reading when the generation finished
 * @param weight the size in bytes the value stands for
 */
public record Value(long serial, long bornNanos, int weight) {

  /** Validates the components. */
  public Value {
    if (serial < 0) {
      throw new IllegalArgumentException("serial must not be negative, was " + serial);
    }
    if (weight < 0) {
      throw new IllegalArgumentException("weight must not be negative, was " + weight);
    }
  }
}

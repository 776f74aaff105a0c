package dev.contextgateway.session;

/**
 * The boost of a file from its decayed offer and use counts. Immutable.
 *
 * <p>Each offer and each use adds 1 to a counter that halves every {@code halfLifeNanos}; at time
 * {@code t}, with {@code u} and {@code o} the decayed use and offer counters:
 *
 * <pre>{@code
 * boost = usedWeight * u / (1 + u) + offeredWeight * o / (1 + o)
 * }</pre>
 *
 * <p>Each term saturates (many uses never outweigh a strong lexical match), so the boost lies in
 * {@code [0, usedWeight + offeredWeight)}; one fresh use gives {@code usedWeight / 2}.
 */
record BoostFormula(double usedWeight, double offeredWeight, long halfLifeNanos) {

  /** {@code value}, recorded at {@code from}, decayed to {@code to}; never grows. */
  double decay(double value, long from, long to) {
    long elapsed = to - from;
    if (elapsed <= 0 || value == 0) {
      return value;
    }
    return value * Math.pow(0.5, (double) elapsed / halfLifeNanos);
  }

  /** The boost of {@code file} at {@code now}. */
  double boost(FileRelevance file, long now) {
    double used = decay(file.decayedUses, file.decayedAsOf, now);
    double offered = decay(file.decayedOffers, file.decayedAsOf, now);
    return usedWeight * used / (1 + used) + offeredWeight * offered / (1 + offered);
  }
}

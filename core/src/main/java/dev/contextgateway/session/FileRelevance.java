package dev.contextgateway.session;

/**
 * What one session did with one file. Immutable.
 *
 * <p>Times are readings of the tracker's ticker, meaningful only relative to each other.
 */
public final class FileRelevance {
  static final FileRelevance NONE = new FileRelevance(0, 0, 0, 0, 0, 0, 0);

  private final long timesOffered;
  private final long timesUsed;
  private final long lastOfferedNanos;
  private final long lastUsedNanos;
  /** The offer counter, decayed to {@link #decayedAsOf}. */
  final double decayedOffers;
  /** The use counter, decayed to {@link #decayedAsOf}. */
  final double decayedUses;
  final long decayedAsOf;

  private FileRelevance(
      long timesOffered,
      long timesUsed,
      long lastOfferedNanos,
      long lastUsedNanos,
      double decayedOffers,
      double decayedUses,
      long decayedAsOf) {
    this.timesOffered = timesOffered;
    this.timesUsed = timesUsed;
    this.lastOfferedNanos = lastOfferedNanos;
    this.lastUsedNanos = lastUsedNanos;
    this.decayedOffers = decayedOffers;
    this.decayedUses = decayedUses;
    this.decayedAsOf = decayedAsOf;
  }

  /** In how many contexts the file was offered. */
  public long timesOffered() {
    return timesOffered;
  }

  /** In how many contexts the file was reported used. */
  public long timesUsed() {
    return timesUsed;
  }

  /** When it was last offered; meaningless while {@link #timesOffered()} is 0. */
  public long lastOfferedNanos() {
    return lastOfferedNanos;
  }

  /** When it was last used; meaningless while {@link #timesUsed()} is 0. */
  public long lastUsedNanos() {
    return lastUsedNanos;
  }

  /** The last time anything happened to the file. */
  long lastTouchedNanos() {
    if (timesUsed == 0) {
      return lastOfferedNanos;
    }
    if (timesOffered == 0) {
      return lastUsedNanos;
    }
    return lastUsedNanos - lastOfferedNanos > 0 ? lastUsedNanos : lastOfferedNanos;
  }

  /** This file offered once more at {@code now}. */
  FileRelevance offered(long now, BoostFormula formula) {
    long asOf = decayTarget(now);
    return new FileRelevance(
        timesOffered + 1,
        timesUsed,
        timesOffered == 0 ? now : later(lastOfferedNanos, now),
        lastUsedNanos,
        formula.decay(decayedOffers, decayedAsOf, asOf) + 1,
        formula.decay(decayedUses, decayedAsOf, asOf),
        asOf);
  }

  /** This file used once more at {@code now}. */
  FileRelevance used(long now, BoostFormula formula) {
    long asOf = decayTarget(now);
    return new FileRelevance(
        timesOffered,
        timesUsed + 1,
        lastOfferedNanos,
        timesUsed == 0 ? now : later(lastUsedNanos, now),
        formula.decay(decayedOffers, decayedAsOf, asOf),
        formula.decay(decayedUses, decayedAsOf, asOf) + 1,
        asOf);
  }

  /** The time to decay to: {@code now}, unless an update that read a later time came first. */
  private long decayTarget(long now) {
    return timesOffered == 0 && timesUsed == 0 ? now : later(decayedAsOf, now);
  }

  private static long later(long a, long b) {
    return b - a > 0 ? b : a;
  }

  @Override
  public String toString() {
    return "FileRelevance{offered=" + timesOffered + ", used=" + timesUsed + '}';
  }
}

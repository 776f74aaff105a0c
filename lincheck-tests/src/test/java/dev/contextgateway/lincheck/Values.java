package dev.contextgateway.lincheck;

/**
 * The values the linearizability tests write. A generated value names the test thread whose call
 * started the generation, so two generations that overlap in time always differ and a double
 * generation shows in the results; a put value names its parameter.
 *
 * <p>Why not number generations with a counter: a generation superseded by an invalidation may
 * call its generator after a later generation already did (the cache does not wait for generators
 * to start), so numbers in generator-call order do not follow any linearization order and a
 * correct cache would fail. The owner's name depends only on which call started the generation,
 * which is what the sequential specification decides.
 */
final class Values {
  private Values() {}

  static String generated(int thread) {
    return "gen-t" + thread;
  }

  static String put(int value) {
    return "put" + value;
  }
}

package dev.contextgateway.benchmarks.jmh;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A precomputed sequence of keys drawn from a Zipf distribution (a few keys are hot, most are
 * cold, as with real contexts), scrambled so that the hot keys are not neighbours. Benchmark
 * threads walk it from a random offset, so drawing a key costs an array read.
 */
final class ZipfKeys {
  /** YCSB's skew, the usual choice for cache benchmarks. */
  static final double EXPONENT = 0.99;

  private final Integer[] sequence;
  private final int mask;

  /**
   * @param distinct how many keys there are: {@code 0 .. distinct-1}
   * @param length how many draws to precompute; a power of two
   * @param seed the seed, so that every implementation sees the same sequence
   */
  ZipfKeys(int distinct, int length, long seed) {
    if (distinct < 1) {
      throw new IllegalArgumentException("distinct must be positive, was " + distinct);
    }
    if (length < 1 || Integer.bitCount(length) != 1) {
      throw new IllegalArgumentException("length must be a power of two, was " + length);
    }
    UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int[] keyOfRank = PermutationSampler.natural(distinct);
    PermutationSampler.shuffle(random, keyOfRank);
    Integer[] boxed = new Integer[distinct];
    for (int key = 0; key < distinct; key++) {
      boxed[key] = key;
    }
    DiscreteSampler ranks = RejectionInversionZipfSampler.of(random, distinct, EXPONENT);
    this.sequence = new Integer[length];
    for (int i = 0; i < length; i++) {
      sequence[i] = boxed[keyOfRank[ranks.sample() - 1]];
    }
    this.mask = length - 1;
  }

  /** The key at position {@code index} of the sequence (wrapping around). */
  Integer at(int index) {
    return sequence[index & mask];
  }
}

package dev.contextgateway.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ZipfKeysTest {

  @Test
  void sameSeed_sameSequence() {
    ZipfKeys first = new ZipfKeys(1000, 1 << 12, 42);
    ZipfKeys second = new ZipfKeys(1000, 1 << 12, 42);

    for (int i = 0; i < 1 << 12; i++) {
      assertThat(first.at(i)).isEqualTo(second.at(i));
    }
  }

  @Test
  void keysLieInRange_andAFewAreHot() {
    int distinct = 1000;
    int length = 1 << 16;
    ZipfKeys keys = new ZipfKeys(distinct, length, 7);

    int[] counts = new int[distinct];
    for (int i = 0; i < length; i++) {
      int key = keys.at(i);
      assertThat(key).isBetween(0, distinct - 1);
      counts[key]++;
    }
    Arrays.sort(counts);
    int hottest = counts[distinct - 1];
    // Zipf(0.99) over 1000 keys gives the top key about 13 % of the draws; uniform gives 0.1 %.
    assertThat(hottest).isGreaterThan(length / 20);
  }

  @Test
  void hotKeysAreScrambled_notTheSmallest() {
    ZipfKeys keys = new ZipfKeys(1000, 1 << 16, 7);
    int[] counts = new int[1000];
    for (int i = 0; i < 1 << 16; i++) {
      counts[keys.at(i)]++;
    }
    int hottest = 0;
    for (int key = 1; key < 1000; key++) {
      if (counts[key] > counts[hottest]) {
        hottest = key;
      }
    }
    assertThat(hottest).as("the permutation moved rank 1 away from key 0").isNotZero();
  }

  @Test
  void at_wrapsAroundTheSequence() {
    ZipfKeys keys = new ZipfKeys(10, 8, 1);

    assertThat(keys.at(8)).isEqualTo(keys.at(0));
    assertThat(keys.at(-1)).isEqualTo(keys.at(7));
  }

  @Test
  void badSizes_areRejected_namingThem() {
    assertThatThrownBy(() -> new ZipfKeys(0, 8, 1)).hasMessage("distinct must be positive, was 0");
    assertThatThrownBy(() -> new ZipfKeys(10, 12, 1))
        .hasMessage("length must be a power of two, was 12");
  }
}

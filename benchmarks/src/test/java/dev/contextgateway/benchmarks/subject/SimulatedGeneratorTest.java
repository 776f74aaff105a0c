package dev.contextgateway.benchmarks.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contextgateway.time.FakeTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SimulatedGeneratorTest {
  private static final Duration LATENCY = Duration.ofMillis(50);
  private static final Duration TTL = Duration.ofMillis(500);

  private final FakeTime time = new FakeTime();
  private final SimulatedGenerator generator =
      SimulatedGenerator.builder()
          .ticker(time)
          .scheduler(time)
          .latency(LATENCY)
          .timeToLive(TTL)
          .weightOfKey(key -> 100 + key)
          .build();

  /** Generates {@code key} to completion and serves the value, as a cache's caller would get it. */
  private Value generateAndServe(int key) {
    CompletableFuture<Value> value = generator.generateAsync(key);
    time.advance(LATENCY);
    generator.served(key, value.join());
    return value.join();
  }

  @Test
  void generateAsync_completesAfterTheLatency_withAValueBornThen() {
    long startedAt = time.read();
    CompletableFuture<Value> value = generator.generateAsync(7);

    time.advance(LATENCY.minusNanos(1));
    assertThat(value).isNotDone();
    assertThat(generator.inFlight()).isEqualTo(1);

    time.advance(Duration.ofNanos(1));
    assertThat(value).isCompleted();
    assertThat(value.join().bornNanos()).isEqualTo(startedAt + LATENCY.toNanos());
    assertThat(value.join().weight()).isEqualTo(107);
    assertThat(generator.inFlight()).isZero();
  }

  @Test
  void firstGenerationOfAKey_isACallButNotAnExpiry() {
    generateAndServe(1);

    assertThat(generator.calls()).isEqualTo(1);
    assertThat(generator.expiries()).isZero();
  }

  @Test
  void herdOnAnExpiredValue_countsEveryCall_andOneExpiry() {
    generateAndServe(1);
    time.advance(TTL);

    List<CompletableFuture<Value>> herd = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      herd.add(generator.generateAsync(1));
    }
    time.advance(LATENCY);

    assertThat(herd).allMatch(CompletableFuture::isDone);
    assertThat(generator.calls()).isEqualTo(6);
    assertThat(generator.expiries()).isEqualTo(1);
  }

  @Test
  void generationWhileTheNewestValueIsFresh_isNotAnExpiry() {
    generateAndServe(1);
    time.advance(TTL.minusNanos(1));

    generator.generateAsync(1); // an early refresh, or a straggler of a herd

    assertThat(generator.expiries()).isZero();
  }

  @Test
  void eachExpiredNewestValue_countsOnce() {
    generateAndServe(1);
    for (int round = 1; round <= 3; round++) {
      time.advance(TTL);
      CompletableFuture<Value> first = generator.generateAsync(1);
      CompletableFuture<Value> second = generator.generateAsync(1);
      time.advance(LATENCY);
      generator.served(1, first.join());
      generator.served(1, second.join());
    }

    assertThat(generator.calls()).isEqualTo(7);
    assertThat(generator.expiries()).isEqualTo(3);
  }

  @Test
  void expiriesAreCountedPerKey() {
    generateAndServe(1);
    generateAndServe(2);
    time.advance(TTL);

    generator.generateAsync(1);
    generator.generateAsync(2);

    assertThat(generator.expiries()).isEqualTo(2);
  }

  @Test
  void aFinishedValueNotYetServed_doesNotHideTheExpiryOfTheServedOne() {
    generateAndServe(1);
    time.advance(TTL.minus(LATENCY));
    generator.generateAsync(1); // a straggler: finishes while the served value is still fresh,
    time.advance(LATENCY); //    but its caller has not got it into the cache yet

    generator.generateAsync(1); // the cache saw its entry expire

    assertThat(generator.expiries()).isEqualTo(1);
  }

  @Test
  void servingAnOlderValue_doesNotMoveTheNewestBack() {
    Value older = generateAndServe(1);
    generateAndServe(1);
    generator.served(1, older);
    time.advance(TTL.minusNanos(1)); // the older value has expired, the newer has not

    generator.generateAsync(1);

    assertThat(generator.expiries()).isZero();
  }

  @Test
  void generate_withoutLatency_returnsAtOnce_withIncreasingSerials() {
    SimulatedGenerator instant = SimulatedGenerator.builder().ticker(time).build();

    Value first = instant.generate(1);
    Value second = instant.generate(1);

    assertThat(second.serial()).isGreaterThan(first.serial());
    assertThat(instant.calls()).isEqualTo(2);
    assertThat(instant.inFlight()).isZero();
  }

  @Test
  void builder_rejectsBadSettings_namingThem() {
    assertThatThrownBy(() -> SimulatedGenerator.builder().latency(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("latency must not be negative, was PT-0.001S");
    assertThatThrownBy(() -> SimulatedGenerator.builder().timeToLive(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeToLive must be positive, was PT0S");
  }
}

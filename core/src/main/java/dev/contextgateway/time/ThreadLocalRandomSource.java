package dev.contextgateway.time;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The default random source of every component that takes one: a thread-safe {@link
 * RandomGenerator} that draws from the calling thread's {@link ThreadLocalRandom}, so one instance
 * can be shared by all threads without contention. Tests inject a seeded or scripted generator
 * instead.
 */
public enum ThreadLocalRandomSource implements RandomGenerator {
  INSTANCE;

  @Override
  public long nextLong() {
    return ThreadLocalRandom.current().nextLong();
  }

  @Override
  public double nextDouble() {
    return ThreadLocalRandom.current().nextDouble();
  }
}

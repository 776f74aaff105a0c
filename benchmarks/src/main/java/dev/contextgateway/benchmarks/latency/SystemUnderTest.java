package dev.contextgateway.benchmarks.latency;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * One implementation, set up for one scenario run: what the driver calls at the arrival rate.
 *
 * <p>{@link #call()} is invoked by the driver's single dispatch thread and must return quickly:
 * an implementation whose calls block must hand them to threads of its own, or it delays the
 * requests behind it (which the driver then measures, since latency counts from the intended
 * start). The returned stage may complete on any thread.
 */
public interface SystemUnderTest extends AutoCloseable {

  /**
   * Issues one request. The stage completes when the request is answered, with whether its
   * latency belongs in the log, or exceptionally when the request failed (counted as an error
   * and logged).
   */
  CompletionStage<Logged> call();

  /** Called once, on the dispatch thread, just before the first measured request. */
  default void startMeasurement() {}

  /**
   * Counters of the measured phase (since {@link #startMeasurement()}), by name, such as {@code
   * generatorCalls}; non-negative. Called after the run.
   */
  Map<String, Long> counters();

  /** Releases everything the run created. */
  @Override
  void close() throws Exception;
}

package dev.contextgateway.benchmarks.latency;

import java.util.List;
import java.util.Map;

/**
 * One open-loop latency scenario: what a request does, at what rate, for which implementations.
 * A scenario is one small class; {@link ScenarioRunner} runs it once per implementation and
 * records the logs and counters in the run directory. The gateway scenarios against the
 * simulator ({@code gateway-healthy}, {@code gateway-slow}, {@code gateway-quota}, {@code
 * gateway-hanging}, {@code gateway-outage-recovery}) plug in here with the implementation name
 * {@code gateway}: start a simulator and a gateway in {@link #start}, issue one gateway request
 * per {@link SystemUnderTest#call()}, and report {@code upstreamCalls}, {@code status429}, {@code
 * quotaLimit} and {@code quotaUsed} as counters.
 */
public interface LatencyScenario {

  /** The scenario name, a file-name component such as {@code herd-expiry}. */
  String name();

  /** One or two sentences saying what the scenario does, for the report. */
  String description();

  /** Requests issued per second. */
  double arrivalRatePerSecond();

  /** Numeric settings for the report besides the load, such as {@code generatorLatencyMillis}. */
  Map<String, Double> parameters();

  /** The implementations to compare, in the order they run. */
  List<String> implementations();

  /**
   * Sets up {@code implementation} for one run; the runner closes it afterwards.
   *
   * @throws Exception if it cannot be set up
   */
  SystemUnderTest start(String implementation) throws Exception;
}

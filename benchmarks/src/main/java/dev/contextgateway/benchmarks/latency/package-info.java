/**
 * Open-loop latency measurement: {@link dev.contextgateway.benchmarks.latency.OpenLoopDriver}
 * issues requests at a constant arrival rate whatever the system under test does, and records
 * each request's {@code end - intended start} into HdrHistogram {@code Recorder}s, written once a
 * second as interval logs. A {@link dev.contextgateway.benchmarks.latency.LatencyScenario} says
 * what one request is and which implementations to compare; {@link
 * dev.contextgateway.benchmarks.latency.ScenarioRunner} runs it for each and records the results
 * in the run directory.
 */
@NullMarked
package dev.contextgateway.benchmarks.latency;

import org.jspecify.annotations.NullMarked;

/**
 * The run-directory contract between the benchmarks, which write a run, and the report
 * generator, which reads it.
 *
 * <p>A run directory holds {@code run.json} ({@link dev.contextgateway.reports.run.RunInfo}),
 * {@code jmh/*.json} (JMH's {@code -rf json} output) and {@code latency/<scenario>/<implementation>.hlog}
 * (HdrHistogram interval logs of {@code end - intended start} in nanoseconds).
 * {@link dev.contextgateway.reports.run.RunDirectory} names those paths and reads and writes
 * {@code run.json}; {@link dev.contextgateway.reports.run.LatencyLogWriter} writes the logs.
 */
@NullMarked
package dev.contextgateway.reports.run;

import org.jspecify.annotations.NullMarked;

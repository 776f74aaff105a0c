/**
 * The benchmark suite: {@link dev.contextgateway.benchmarks.BenchMain} runs the JMH benchmarks
 * and the open-loop latency scenarios for a {@link dev.contextgateway.benchmarks.SuiteMode},
 * writes a run directory and generates its report.
 */
@NullMarked
package dev.contextgateway.benchmarks;

import org.jspecify.annotations.NullMarked;

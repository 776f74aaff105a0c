/**
 * jcstress tests of {@link dev.contextgateway.metrics.GatewayMetrics}: every event recorded while
 * other threads record and take snapshots is counted exactly once, in the cumulative figures and
 * in exactly one interval snapshot. Beside them deliberately broken counters written here ({@link
 * dev.contextgateway.jcstress.metrics.PlainCounters}, {@link
 * dev.contextgateway.jcstress.metrics.ReadThenResetCounters}), which the same tests must catch.
 */
package dev.contextgateway.jcstress.metrics;

/**
 * The gateway's own figures: {@link dev.contextgateway.metrics.GatewayMetrics} counts and times
 * what the gateway does and hands out immutable {@link dev.contextgateway.metrics.MetricsSnapshot}s;
 * {@link dev.contextgateway.metrics.GatewayMeterBinder} shows them in a Micrometer registry.
 *
 * <p>Micrometer is an optional dependency: only {@code GatewayMeterBinder} refers to it, and every
 * other class here loads and works without it.
 */
@NullMarked
package dev.contextgateway.metrics;

import org.jspecify.annotations.NullMarked;

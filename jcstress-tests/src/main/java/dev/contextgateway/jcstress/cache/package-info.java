/**
 * jcstress tests of {@link dev.contextgateway.cache.ContextCache}, each beside the seed's baseline
 * with the matching defect ({@code dev.contextgateway.baseline}, from core's test-jar). Caches run
 * on fake time with generators and maintenance on the calling thread, so every race is between the
 * actors themselves.
 */
package dev.contextgateway.jcstress.cache;

/**
 * The seed's designs, ported faithfully with their defects, to prove that the harness can see
 * bugs: a verification module is trusted only if it fails on the matching baseline and passes on
 * {@link dev.contextgateway.cache.ContextCache}. Shipped in core's test-jar, never in the main jar.
 *
 * <ol>
 *   <li>{@link dev.contextgateway.baseline.NaiveCache}: check-then-act; every concurrent miss
 *       regenerates (thundering herd).
 *   <li>{@link dev.contextgateway.baseline.LockDeletingCache}: per-key locks deleted after
 *       generation while others may still wait on them; two generations can run at once.
 *   <li>{@link dev.contextgateway.baseline.RacyTypeStats}: unsynchronized per-type counters; lost
 *       updates.
 *   <li>{@link dev.contextgateway.baseline.ScanLruCache}: LRU eviction by scanning for the oldest
 *       entry without a lock; double eviction and size drift.
 *   <li>{@link dev.contextgateway.baseline.GlobalLockLruCache}: the corrected but serialized
 *       version of 4 (one global lock), a performance baseline; and {@link
 *       dev.contextgateway.baseline.LockedTypeStats}, the same for 3.
 * </ol>
 *
 * <p>Some baselines take a {@code Runnable} pause point between the steps of their racy
 * sequence, so that a test can force the losing interleaving with latches; it does nothing by
 * default, which is how the harness and the benchmarks use them.
 */
package dev.contextgateway.baseline;

/**
 * jcstress race proofs of core's invariants (DESIGN.md, "Invariants the harness proves").
 *
 * <p>One outer class per property; its nested {@code @JCStressTest} classes are the property on
 * core (names ending in {@code Test}) and on a design with the known defect (names ending in
 * {@code Baseline}). The build runs the two groups separately and requires the first to be clean
 * and every test of the second to observe a forbidden outcome ({@link
 * dev.contextgateway.jcstress.harness.JcstressGate}).
 *
 * <ul>
 *   <li>{@link dev.contextgateway.jcstress.cache}: the context cache: exact statistics (I3),
 *       eviction accounting (I4), single flight (I1), no stale resurrection (I2), waiter isolation
 *       (I6).
 *   <li>{@link dev.contextgateway.jcstress.resilience}: the circuit breaker in half-open, at most
 *       the permitted trial calls, one decision and legal transitions only (I7).
 *   <li>{@link dev.contextgateway.jcstress.session}: the relevance tracker, no lost update within a
 *       session and the session bound (I10).
 *   <li>{@link dev.contextgateway.jcstress.metrics}: the gateway's counters and snapshots under
 *       concurrent recording: exact counts, and interval snapshots that partition the events.
 *   <li>{@link dev.contextgateway.jcstress.harness}: the runner that judges a run.
 * </ul>
 */
package dev.contextgateway.jcstress;

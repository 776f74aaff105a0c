/**
 * jcstress tests of {@link dev.contextgateway.session.RelevanceTracker} (I10): no update of a
 * session is lost, and the bound on sessions holds. The tracker runs on fake time with its
 * maintenance on the calling thread. Beside it a deliberately broken tracker written here ({@link
 * dev.contextgateway.jcstress.session.GetThenPutTracker}), which the same tests must catch.
 */
package dev.contextgateway.jcstress.session;

/**
 * Per-session relevance: which files a session was offered and which it used, turned into a boost
 * for discovery's ranking. The API is {@link dev.contextgateway.session.RelevanceTracker} and its
 * immutable snapshots.
 */
@NullMarked
package dev.contextgateway.session;

import org.jspecify.annotations.NullMarked;

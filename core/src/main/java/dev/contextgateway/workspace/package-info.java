/**
 * The workspace side of the gateway: {@link dev.contextgateway.workspace.FileDiscoverer} finds and
 * ranks the files of a workspace for a query, and {@link
 * dev.contextgateway.workspace.WorkspaceWatcher} tells the cache when a workspace changed.
 *
 * <p>Both skip the same things: hidden entries (a name starting with {@code .}) and the
 * configured build-output folders. Neither calls the LLM. Everything not named in these two
 * classes and their result types is package-private machinery.
 */
@NullMarked
package dev.contextgateway.workspace;

import org.jspecify.annotations.NullMarked;

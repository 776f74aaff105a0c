package dev.contextgateway.gateway;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The cache key of a prepared context: requests that differ only in case or spacing of the query,
 * or in their session, share one context.
 */
record ContextKey(Path workspace, String query, int tokenBudget) {

  static ContextKey of(Path workspace, ContextRequest request) {
    String query = request.query().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    return new ContextKey(workspace, query, request.tokenBudget());
  }

  /** Omits the query; tells its length instead. */
  @Override
  public String toString() {
    return "ContextKey[workspace=" + workspace + ", queryChars=" + query.length() + ", tokenBudget=" + tokenBudget + "]";
  }
}

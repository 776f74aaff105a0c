package dev.contextgateway.gateway;

import dev.contextgateway.internal.Checks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A request for prepared context.
 *
 * @param workspace the workspace folder whose files are searched; must exist when the request is
 *     served
 * @param query what the caller needs context for; not blank
 * @param session the caller's session, whose history of used files boosts the ranking; not blank
 * @param tokenBudget the most tokens the prepared context may hold; positive
 * @param timeout how long the caller waits at most; the future always completes within it (give
 *     or take the scheduler's lateness), with a degraded answer or a {@link
 *     GatewayTimeoutException} if nothing better is ready; positive
 */
public record ContextRequest(
    Path workspace, String query, String session, int tokenBudget, Duration timeout) {

  /** Validates the components; messages name the bad component and value. */
  public ContextRequest {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(timeout, "timeout");
    if (query.isBlank()) {
      throw new IllegalArgumentException("query must not be blank, was '" + query + "'");
    }
    if (session.isBlank()) {
      throw new IllegalArgumentException("session must not be blank, was '" + session + "'");
    }
    Checks.positive("tokenBudget", tokenBudget);
    Checks.positive("timeout", timeout);
  }

  /** Omits the query, which may be sensitive; tells its length instead. */
  @Override
  public String toString() {
    return "ContextRequest[workspace="
        + workspace
        + ", queryChars="
        + query.length()
        + ", session="
        + session
        + ", tokenBudget="
        + tokenBudget
        + ", timeout="
        + timeout
        + "]";
  }
}

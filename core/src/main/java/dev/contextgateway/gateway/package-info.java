/**
 * The gateway: {@link dev.contextgateway.gateway.ContextGateway} turns a {@link
 * dev.contextgateway.gateway.ContextRequest} into a {@link
 * dev.contextgateway.gateway.PreparedContext} through the context cache, file discovery and the
 * LLM behind its resilience policy, and degrades instead of failing when the LLM is unavailable.
 */
@NullMarked
package dev.contextgateway.gateway;

import org.jspecify.annotations.NullMarked;

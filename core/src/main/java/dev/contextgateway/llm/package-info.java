/**
 * The LLM client: {@link dev.contextgateway.llm.LlmClient}, its request and response types, the
 * typed failures under {@link dev.contextgateway.llm.LlmException}, and {@link
 * dev.contextgateway.llm.GeminiClient}, which speaks the Gemini REST API over {@code
 * java.net.http}.
 *
 * <p>Every call carries a deadline, a reading of the injected {@link
 * dev.contextgateway.time.Ticker}. Retry, rate limiting and circuit breaking are not here but in
 * {@code dev.contextgateway.resilience}, which decorates any {@code LlmClient}.
 */
@NullMarked
package dev.contextgateway.llm;

import org.jspecify.annotations.NullMarked;

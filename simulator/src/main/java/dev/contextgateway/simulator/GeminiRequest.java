package dev.contextgateway.simulator;

import org.jspecify.annotations.Nullable;

/**
 * A valid {@code generateContent} or {@code streamGenerateContent} request, as a {@link
 * ReplyGenerator} sees it.
 *
 * @param sequence the request's journal sequence number
 * @param model the model named in the path, e.g. {@code gemini-2.5-flash}
 * @param method the API method
 * @param body the raw JSON body
 * @param promptText the text of every text part of {@code contents} and {@code
 *     systemInstruction}, joined by newlines
 * @param promptTokens the estimated input tokens (see {@link TokenEstimator})
 * @param maxOutputTokens {@code generationConfig.maxOutputTokens}, or {@code null}
 * @param responseMimeType {@code generationConfig.responseMimeType}, or {@code null}
 */
public record GeminiRequest(
    long sequence,
    String model,
    ApiMethod method,
    String body,
    String promptText,
    long promptTokens,
    @Nullable Integer maxOutputTokens,
    @Nullable String responseMimeType) {}

package dev.contextgateway.simulator;

import java.util.random.RandomGenerator;

/** The default {@link ReplyGenerator}. */
enum FillerReplies implements ReplyGenerator {
  INSTANCE;

  private static final String[] WORDS = {
    "context", "cache", "gateway", "file", "summary", "relevant", "query", "workspace", "token",
    "module", "class", "method", "test", "change", "ranked", "source", "budget", "session",
    "stale", "fresh", "generation", "result", "the", "a", "of", "and", "for", "with", "in", "is"
  };

  @Override
  public String reply(GeminiRequest request, RandomGenerator random) {
    long target = Math.min(20 + request.promptTokens() / 8, 400);
    StringBuilder text = new StringBuilder("Simulated reply from ").append(request.model()).append('.');
    while (TokenEstimator.estimate(text) < target) {
      text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
    }
    text.append('.');
    if ("application/json".equals(request.responseMimeType())) {
      return "{\"reply\": \"" + text + "\"}";
    }
    return text.toString();
  }
}

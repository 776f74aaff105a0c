package dev.contextgateway.simulator.faultmatrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small real workspaces on disk whose files the scenarios' queries find. */
final class Workspaces {
  private Workspaces() {}

  /** Writes a workspace of eight source and documentation files under {@code root}. */
  static Path create(Path root) throws IOException {
    write(root, "src/cache/SingleFlightCache.java",
        "/** Single flight cache: one generation per key; callers join the flight in progress. */\n"
            + "final class SingleFlightCache { Flight join(Key key) { return flights.get(key); } }\n");
    write(root, "src/cache/Expiry.java",
        "/** Expiry of cached context: time to live, stale while revalidate, stale if error. */\n"
            + "final class Expiry { long freshUntil; long staleUntil; }\n");
    write(root, "src/llm/GeminiClient.java",
        "/** Gemini client: generateContent over HTTP with a deadline and typed errors. */\n"
            + "final class GeminiClient { Response generate(Request request) { return send(request); } }\n");
    write(root, "src/resilience/RateLimiter.java",
        "/** Rate limiter: token bucket of requests and tokens per minute; pauses after a 429. */\n"
            + "final class RateLimiter { boolean tryAcquire(long tokens) { return bucket.tryConsume(tokens); } }\n");
    write(root, "src/resilience/CircuitBreaker.java",
        "/** Circuit breaker: opens on failures, fails fast, probes half open, closes on recovery. */\n"
            + "final class CircuitBreaker { State state; }\n");
    write(root, "src/resilience/Retry.java",
        "/** Retry with backoff and jitter under a retry budget; honours the retry delay. */\n"
            + "final class Retry { int maxAttempts; }\n");
    write(root, "docs/operations.md",
        "# Operations\n\nDegraded mode: stale context or a local ranking when the model is down.\n");
    write(root, "README.md",
        "# Workspace\n\nA cache and gateway for prepared context in front of a language model.\n");
    return root;
  }

  private static void write(Path root, String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}

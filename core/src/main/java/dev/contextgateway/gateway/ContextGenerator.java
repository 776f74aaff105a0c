package dev.contextgateway.gateway;

import dev.contextgateway.llm.LlmClient;
import dev.contextgateway.llm.LlmException;
import dev.contextgateway.llm.LlmRequest;
import dev.contextgateway.llm.LlmResponse;
import dev.contextgateway.metrics.GatewayMetrics;
import dev.contextgateway.session.RelevanceTracker;
import dev.contextgateway.time.Ticker;
import dev.contextgateway.workspace.Candidate;
import dev.contextgateway.workspace.DiscoveryResult;
import dev.contextgateway.workspace.FileDiscoverer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * One generation of a context: discover candidates locally, then ask the LLM to select and
 * summarise among them, then fit the selection into the token budget.
 *
 * <p>The locally ranked context is built first and published while the LLM step runs, so that a
 * caller whose own timeout passes can be served it ({@link #localRanking}). When the LLM step
 * fails with an {@link LlmException} (breaker open, rate limited, quota, timeout, unavailable, an
 * unusable answer), the generation fails with a {@link DegradedGenerationException} that carries
 * the local context: the cache then stores nothing, serves a stale entry if its stale-if-error
 * window allows, and otherwise the gateway serves the local context. Any other failure (the
 * workspace cannot be read) fails the generation as it is.
 *
 * <p>Runs on the cache's executor: discovery blocks on file I/O there; the LLM call does not block.
 * Cancelling the returned future (the cache's generation timeout, or close) cancels the LLM call.
 */
final class ContextGenerator {
  private final FileDiscoverer discoverer;
  private final LlmClient llm;
  private final RelevanceTracker tracker;
  private final GatewayMetrics metrics;
  private final Ticker ticker;
  private final RandomGenerator random;
  private final Duration discoveryTimeLimit;
  private final long llmTimeoutNanos;
  private final int maxSelectedFiles;
  private final int maxPromptChars;
  private final boolean degradeLocally;
  private final ConcurrentHashMap<ContextKey, CompletableFuture<GeneratedContext>> localRankings =
      new ConcurrentHashMap<>();

  ContextGenerator(ContextGatewayBuilder settings, LlmClient llm, RelevanceTracker tracker, GatewayMetrics metrics) {
    this.discoverer = settings.discoverer();
    this.llm = llm;
    this.tracker = tracker;
    this.metrics = metrics;
    this.ticker = settings.ticker;
    this.random = settings.random;
    this.discoveryTimeLimit = settings.discoveryTimeLimit;
    this.llmTimeoutNanos = settings.llmTimeout.toNanos();
    this.maxSelectedFiles = settings.maxSelectedFiles;
    this.maxPromptChars = settings.maxPromptTokens * 4;
    this.degradeLocally = settings.degradeLocally;
  }

  /**
   * The locally ranked context of the generation of {@code key} in flight, if it is ready; always
   * empty when local ranking is not to be served ({@code degradeLocally(false)}), since generations
   * then publish none.
   */
  Optional<GeneratedContext> localRanking(ContextKey key) {
    CompletableFuture<GeneratedContext> local = localRankings.get(key);
    if (local == null || !local.isDone() || local.isCompletedExceptionally()) {
      return Optional.empty();
    }
    return Optional.of(local.join());
  }

  CompletableFuture<GeneratedContext> generate(ContextKey key, String session) {
    long start = ticker.read();
    CompletableFuture<GeneratedContext> local = new CompletableFuture<>();
    if (degradeLocally) {
      localRankings.put(key, local); // callers past their timeout may be served it
    }
    CompletableFuture<GeneratedContext> generation = new CompletableFuture<>();
    var unused =
        generation.whenComplete(
        (context, failure) -> {
          localRankings.remove(key, local);
          local.cancel(false); // no-op once completed; frees a waiter if discovery failed
          metrics.recordGeneration(ticker.read() - start, failure == null);
        });
    List<Candidate> candidates;
    GeneratedContext localContext;
    try {
      DiscoveryResult found =
          discoverer.discover(key.workspace(), key.query(), tracker.boostFunction(session), discoveryTimeLimit);
      candidates = found.candidates();
      localContext = assemble(key, localChoice(candidates), PreparedContext.Source.LOCAL);
    } catch (RuntimeException discoveryFailure) {
      generation.completeExceptionally(discoveryFailure);
      return generation;
    }
    local.complete(localContext);
    if (candidates.isEmpty()) {
      generation.complete(localContext); // nothing to select from: no LLM call
      return generation;
    }

    Map<String, Path> byPath = new HashMap<>();
    Map<Path, Candidate> byRelativePath = new HashMap<>();
    for (Candidate candidate : candidates) {
      byPath.put(candidate.path().toString(), candidate.path());
      byRelativePath.put(candidate.path(), candidate);
    }
    CompletableFuture<LlmResponse> call;
    try {
      String prompt = SelectionPrompt.build(key.query(), candidates, maxSelectedFiles, maxPromptChars);
      call = llm.generate(LlmRequest.of(prompt, start + llmTimeoutNanos));
    } catch (RuntimeException callFailure) {
      settle(generation, null, callFailure, localContext);
      return generation;
    }
    var unusedCancelsCall =
        generation.whenComplete(
        (context, failure) -> {
          if (failure instanceof CancellationException) {
            call.cancel(true); // the cache gave up on this generation
          }
        });
    var unusedSettles =
        call.whenComplete(
        (response, failure) -> {
          @Nullable GeneratedContext selected = null;
          Throwable problem = failure;
          if (problem == null) {
            try {
              List<SelectionPrompt.Selection> selection =
                  SelectionPrompt.parse(response.text(), byPath, maxSelectedFiles);
              selected = assemble(key, llmChoice(selection, byRelativePath), PreparedContext.Source.LLM);
            } catch (RuntimeException unusable) {
              problem = unusable;
            }
          }
          settle(generation, selected, problem, localContext);
        });
    return generation;
  }

  private void settle(
      CompletableFuture<GeneratedContext> generation,
      @Nullable GeneratedContext selected,
      @Nullable Throwable failure,
      GeneratedContext localContext) {
    if (failure == null) {
      generation.complete(Objects.requireNonNull(selected));
      return;
    }
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (degradeLocally && cause instanceof LlmException) {
      generation.completeExceptionally(
          new DegradedGenerationException(localContext, MetricsListener.degradedReason(cause), cause));
    } else {
      generation.completeExceptionally(cause);
    }
  }

  private static List<Assembler.Chosen> localChoice(List<Candidate> candidates) {
    List<Assembler.Chosen> chosen = new ArrayList<>();
    for (Candidate candidate : candidates) {
      chosen.add(new Assembler.Chosen(candidate.path(), "", candidate.content()));
    }
    return chosen;
  }

  private static List<Assembler.Chosen> llmChoice(
      List<SelectionPrompt.Selection> selection, Map<Path, Candidate> byRelativePath) {
    List<Assembler.Chosen> chosen = new ArrayList<>();
    for (SelectionPrompt.Selection selected : selection) {
      Candidate candidate = byRelativePath.get(selected.path());
      if (candidate != null) {
        chosen.add(new Assembler.Chosen(selected.path(), selected.summary(), candidate.content()));
      }
    }
    return chosen;
  }

  private GeneratedContext assemble(ContextKey key, List<Assembler.Chosen> chosen, PreparedContext.Source source) {
    Assembler.Fitted fitted = Assembler.fit(chosen, key.tokenBudget());
    String id = Long.toHexString(random.nextLong());
    return new GeneratedContext(id, key.workspace(), fitted.files(), fitted.totalTokens(), source);
  }
}

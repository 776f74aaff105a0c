package dev.contextgateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The reply generator for Context Gateway's selection prompt. */
class ContextSelectionRepliesTest {
  private static final ReplyGenerator REPLIES = ReplyGenerator.contextSelection();

  /** A prompt in the shape of the gateway's {@code SelectionPrompt}. */
  private static String prompt(String question, int maximum, String... pathsAndContents) {
    StringBuilder prompt =
        new StringBuilder("You select and summarise source files that help answer a developer's question.\n")
            .append("Question: ").append(question).append("\n\nChoose at most ").append(maximum)
            .append(" of the candidate files below, most helpful first.\n")
            .append("Answer with JSON only, exactly in this shape:\n")
            .append("{\"files\":[{\"path\":\"<candidate path as given>\",\"summary\":\"<summary>\"}]}\n\n")
            .append("Candidates:\n");
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      prompt.append("=== path: ").append(pathsAndContents[i]).append(" ===\n")
          .append(pathsAndContents[i + 1]).append('\n');
    }
    return prompt.toString();
  }

  private static GeminiRequest request(String prompt, @Nullable String mimeType) {
    return new GeminiRequest(
        0, "gemini-2.5-flash", ApiMethod.GENERATE_CONTENT, "{}", prompt,
        TokenEstimator.estimate(prompt), null, mimeType);
  }

  private static List<String> selectedPaths(String reply) {
    JsonNode files = TestClient.json(reply.substring(reply.indexOf('{'), reply.lastIndexOf('}') + 1)).path("files");
    List<String> paths = new ArrayList<>();
    files.forEach(file -> {
      assertThat(file.path("summary").asText()).isNotBlank();
      paths.add(file.path("path").asText());
    });
    return paths;
  }

  private static final String[] CANDIDATES = {
    "src/cache/SingleFlight.java", "class SingleFlight { /* one generation per key */ }",
    "src/limiter/TokenBucket.java", "class TokenBucket { /* rate limiter */ }",
    "docs/notes.md", "Notes about the cache.",
    "src/Main.java", "class Main {}",
  };

  @Test
  void reply_selectsBetweenOneAndTheMaximumOfTheListedCandidates_withSummaries() {
    String prompt = prompt("single flight cache", 3, CANDIDATES);
    for (long seed = 0; seed < 50; seed++) {
      List<String> paths = selectedPaths(REPLIES.reply(request(prompt, null), new SplittableRandom(seed)));

      assertThat(paths).hasSizeBetween(1, 3).doesNotHaveDuplicates()
          .isSubsetOf("src/cache/SingleFlight.java", "src/limiter/TokenBucket.java", "docs/notes.md", "src/Main.java");
    }
  }

  @Test
  void reply_isTheSameForTheSameSeed_andVariesWithIt() {
    String prompt = prompt("single flight cache", 4, CANDIDATES);
    List<List<String>> selections = new ArrayList<>();
    for (long seed = 0; seed < 20; seed++) {
      String first = REPLIES.reply(request(prompt, null), new SplittableRandom(seed));
      String again = REPLIES.reply(request(prompt, null), new SplittableRandom(seed));
      assertThat(again).isEqualTo(first);
      selections.add(selectedPaths(first));
    }
    assertThat(selections.stream().distinct().count()).isGreaterThan(1);
  }

  @Test
  void reply_putsTheCandidatesThatMatchTheQuestionFirst() {
    String prompt = prompt("token bucket limiter", 1, CANDIDATES);
    for (long seed = 0; seed < 20; seed++) {
      assertThat(selectedPaths(REPLIES.reply(request(prompt, null), new SplittableRandom(seed))))
          .containsExactly("src/limiter/TokenBucket.java");
    }
  }

  @Test
  void reply_isBareJsonInJsonMode_andFencedOtherwise() {
    String prompt = prompt("cache", 2, CANDIDATES);

    assertThat(REPLIES.reply(request(prompt, "application/json"), new SplittableRandom(1))).startsWith("{\"files\":[");
    assertThat(REPLIES.reply(request(prompt, null), new SplittableRandom(1))).startsWith("```json\n{\"files\":[").endsWith("\n```");
  }

  @Test
  void reply_toAPromptWithoutCandidates_selectsNothing() {
    assertThat(REPLIES.reply(request("Say hello.", "application/json"), new SplittableRandom(1))).isEqualTo("{\"files\":[]}");
  }
}

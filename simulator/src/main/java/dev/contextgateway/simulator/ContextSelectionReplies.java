package dev.contextgateway.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers Context Gateway's selection prompt the way a model does: a JSON selection of some of the
 * candidate files the prompt lists, each with a short summary. See {@link
 * ReplyGenerator#contextSelection()} for the contract.
 */
enum ContextSelectionReplies implements ReplyGenerator {
  INSTANCE;

  /** How many files are selected when the prompt does not say ("Choose at most N ..."). */
  static final int DEFAULT_MAXIMUM = 8;

  private static final Pattern CANDIDATE = Pattern.compile("^=== path: (.+) ===$", Pattern.MULTILINE);
  private static final Pattern MAXIMUM = Pattern.compile("Choose at most (\\d{1,4}) ");
  private static final Pattern QUESTION = Pattern.compile("^Question: (.*)$", Pattern.MULTILINE);
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]{3,}");
  private static final int SUMMARY_LINE_CHARS = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A candidate as the prompt shows it: its path and the content shown under it. */
  private record Candidate(String path, String content, double score) {}

  @Override
  public String reply(GeminiRequest request, RandomGenerator random) {
    String prompt = request.promptText();
    Set<String> questionWords = words(question(prompt));
    List<Candidate> candidates = candidates(prompt, questionWords, random);
    int limit = Math.min(candidates.size(), maximum(prompt));
    int count = limit == 0 ? 0 : 1 + random.nextInt(limit);
    candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());

    ObjectNode answer = JSON.createObjectNode();
    ArrayNode files = answer.putArray("files");
    for (Candidate candidate : candidates.subList(0, count)) {
      files.addObject().put("path", candidate.path()).put("summary", summary(candidate, questionWords));
    }
    String text;
    try {
      text = JSON.writeValueAsString(answer);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("cannot write a tree of strings", impossible);
    }
    // Asked for JSON, the model answers bare JSON; otherwise it fences it as Markdown.
    return "application/json".equals(request.responseMimeType()) ? text : "```json\n" + text + "\n```";
  }

  /**
   * The candidates in prompt order, each scored by how many of the question's words its content
   * contains, plus a random fraction in [0, 1) that breaks ties reproducibly.
   */
  private static List<Candidate> candidates(
      String prompt, Set<String> questionWords, RandomGenerator random) {
    List<Candidate> candidates = new ArrayList<>();
    Matcher matcher = CANDIDATE.matcher(prompt);
    String path = null;
    int contentStart = 0;
    while (matcher.find()) {
      if (path != null) {
        candidates.add(scored(path, prompt.substring(contentStart, matcher.start()), questionWords, random));
      }
      path = matcher.group(1).strip();
      contentStart = Math.min(prompt.length(), matcher.end() + 1);
    }
    if (path != null) {
      candidates.add(scored(path, prompt.substring(contentStart), questionWords, random));
    }
    return candidates;
  }

  private static Candidate scored(
      String path, String content, Set<String> questionWords, RandomGenerator random) {
    Set<String> shown = words(path + " " + content);
    long matches = questionWords.stream().filter(shown::contains).count();
    return new Candidate(path, content, matches + random.nextDouble());
  }

  private static String summary(Candidate candidate, Set<String> questionWords) {
    String firstLine =
        candidate.content().lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
    if (firstLine.length() > SUMMARY_LINE_CHARS) {
      firstLine = firstLine.substring(0, SUMMARY_LINE_CHARS) + "...";
    }
    Set<String> shown = words(candidate.path() + " " + candidate.content());
    List<String> matched = questionWords.stream().filter(shown::contains).limit(4).toList();
    String name = candidate.path().substring(candidate.path().lastIndexOf('/') + 1);
    StringBuilder summary = new StringBuilder(name);
    summary.append(matched.isEmpty() ? " may help with the question" : " covers " + String.join(", ", matched));
    if (!firstLine.isEmpty()) {
      summary.append("; it starts with: ").append(firstLine);
    }
    return summary.append('.').toString();
  }

  private static int maximum(String prompt) {
    Matcher matcher = MAXIMUM.matcher(prompt);
    return matcher.find() ? Math.max(1, Integer.parseInt(matcher.group(1))) : DEFAULT_MAXIMUM;
  }

  private static String question(String prompt) {
    Matcher matcher = QUESTION.matcher(prompt);
    return matcher.find() ? matcher.group(1) : "";
  }

  private static Set<String> words(String text) {
    Set<String> words = new LinkedHashSet<>();
    Matcher matcher = WORD.matcher(text);
    while (matcher.find()) {
      words.add(matcher.group().toLowerCase(Locale.ROOT));
    }
    return words;
  }
}

package dev.contextgateway.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contextgateway.llm.BadResponseException;
import dev.contextgateway.workspace.Candidate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prompt that asks the LLM to select and summarise among the discovered candidates, and the
 * parsing of its answer. The answer must be a JSON object {@code {"files":[{"path":..,
 * "summary":..}]}}, possibly inside a Markdown code fence; paths that are not candidates are
 * ignored, and an answer with no known path is a {@link BadResponseException}.
 */
final class SelectionPrompt {
  static final int MAXIMUM_SUMMARY_CHARS = 600;
  private static final ObjectMapper JSON = new ObjectMapper();

  private SelectionPrompt() {}

  /** A file the LLM selected, with its summary. */
  record Selection(Path path, String summary) {}

  /**
   * The prompt for {@code query} over {@code candidates}, each shown with at most an equal share
   * of {@code maximumChars} of its content.
   */
  static String build(String query, List<Candidate> candidates, int maxSelected, int maximumChars) {
    StringBuilder prompt = new StringBuilder();
    prompt
        .append("You select and summarise source files that help answer a developer's question.\n")
        .append("Question: ")
        .append(query)
        .append("\n\nChoose at most ")
        .append(maxSelected)
        .append(
            " of the candidate files below, most helpful first. For each, write a summary of one or two"
                + " sentences saying what in it matters for the question.\n")
        .append("Answer with JSON only, exactly in this shape:\n")
        .append("{\"files\":[{\"path\":\"<candidate path as given>\",\"summary\":\"<summary>\"}]}\n\n")
        .append("Candidates:\n");
    int share = candidates.isEmpty() ? 0 : Math.max(200, (maximumChars - prompt.length()) / candidates.size());
    for (Candidate candidate : candidates) {
      String content = candidate.content();
      prompt
          .append("=== path: ")
          .append(candidate.path())
          .append(" ===\n")
          .append(content, 0, Math.min(content.length(), share))
          .append(content.length() > share ? "\n[... cut ...]\n" : "\n");
    }
    return prompt.toString();
  }

  /** The known candidates the answer selects, in its order, at most {@code maxSelected}. */
  static List<Selection> parse(String answer, Map<String, Path> candidatesByPath, int maxSelected) {
    int start = answer.indexOf('{');
    int end = answer.lastIndexOf('}');
    if (start < 0 || end <= start) {
      throw new BadResponseException("the model's answer holds no JSON object", null);
    }
    JsonNode files;
    try {
      files = JSON.readTree(answer.substring(start, end + 1)).path("files");
    } catch (JsonProcessingException e) {
      throw new BadResponseException("the model's answer is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (!files.isArray()) {
      throw new BadResponseException("the model's answer has no \"files\" array", null);
    }
    Map<Path, Selection> selected = new LinkedHashMap<>();
    for (JsonNode file : files) {
      Path path = candidatesByPath.get(file.path("path").asText(""));
      if (path == null || selected.containsKey(path)) {
        continue;
      }
      String summary = file.path("summary").asText("").strip();
      if (summary.length() > MAXIMUM_SUMMARY_CHARS) {
        summary = summary.substring(0, MAXIMUM_SUMMARY_CHARS);
      }
      selected.put(path, new Selection(path, summary));
      if (selected.size() == maxSelected) {
        break;
      }
    }
    if (selected.isEmpty()) {
      throw new BadResponseException("the model's answer selects none of the candidate files", null);
    }
    return new ArrayList<>(selected.values());
  }
}

package dev.contextgateway.gateway;

import dev.contextgateway.workspace.FileDiscoverer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits chosen files into a token budget, in order. A file costs the estimated tokens of its path,
 * its summary and its excerpt; the file that crosses the budget is cut short if at least {@link
 * #MINIMUM_EXCERPT_TOKENS} of its content still fit, and nothing after it is included.
 */
final class Assembler {
  static final int MINIMUM_EXCERPT_TOKENS = 16;

  private Assembler() {}

  /** A file chosen for the context, with its full content. */
  record Chosen(Path path, String summary, String content) {}

  /** The files that fit, in order, and their total tokens. */
  record Fitted(List<ContextFile> files, int totalTokens) {}

  static Fitted fit(List<Chosen> chosen, int tokenBudget) {
    List<ContextFile> files = new ArrayList<>();
    int used = 0;
    for (Chosen file : chosen) {
      int header = tokens(file.path().toString()) + tokens(file.summary());
      int content = tokens(file.content());
      int left = tokenBudget - used - header;
      if (content <= left) {
        files.add(new ContextFile(file.path(), file.summary(), file.content(), header + content, false));
        used += header + content;
        continue;
      }
      if (left >= MINIMUM_EXCERPT_TOKENS) {
        // ceil(chars / 4) <= left when chars <= 4 * left
        String excerpt = file.content().substring(0, Math.min(file.content().length(), 4 * left));
        int excerptTokens = tokens(excerpt);
        files.add(new ContextFile(file.path(), file.summary(), excerpt, header + excerptTokens, true));
        used += header + excerptTokens;
      }
      break;
    }
    return new Fitted(files, used);
  }

  private static int tokens(String text) {
    return FileDiscoverer.estimateTokens(text);
  }
}

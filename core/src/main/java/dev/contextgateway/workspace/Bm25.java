package dev.contextgateway.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Okapi BM25 over the terms of a query, with the path counted as a heavier field.
 *
 * <p>For each document (a file) only its length and the frequencies of the query's terms are
 * kept, so scoring needs no file content in memory. A document's terms are those of its content
 * plus {@link #PATH_WEIGHT} times those of its relative path (a simplified BM25F: a query term in
 * a file or folder name counts as three occurrences). With {@code N} documents, {@code df} of them
 * containing a term, and the average length {@code avgdl}:
 *
 * <pre>{@code
 * idf   = ln(1 + (N - df + 0.5) / (df + 0.5))           (never negative)
 * score = sum over query terms of
 *         idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avgdl))
 * }</pre>
 *
 * <p>Not thread-safe: one instance per discovery.
 */
final class Bm25 {
  static final double K1 = 1.2;
  static final double B = 0.75;
  static final int PATH_WEIGHT = 3;

  /** Query term to its index in the frequency arrays. */
  private final Map<String, Integer> terms = new LinkedHashMap<>();
  private final List<Document> documents = new ArrayList<>();

  Bm25(String query) {
    Tokenizer.tokens(query, term -> terms.putIfAbsent(term, terms.size()));
  }

  /** The distinct terms of the query, in order of first appearance. */
  List<String> queryTerms() {
    return List.copyOf(terms.keySet());
  }

  /** One scored file: its length in terms and the frequency of each query term. */
  static final class Document {
    final int index;
    final long length;
    final int[] frequencies;

    Document(int index, long length, int[] frequencies) {
      this.index = index;
      this.length = length;
      this.frequencies = frequencies;
    }
  }

  /** Counts the query terms in a file's path and content and adds it as the next document. */
  Document add(String relativePath, String content) {
    int[] frequencies = new int[terms.size()];
    long[] length = new long[1];
    Tokenizer.tokens(
        relativePath,
        term -> {
          length[0] += PATH_WEIGHT;
          Integer index = terms.get(term);
          if (index != null) {
            frequencies[index] += PATH_WEIGHT;
          }
        });
    Tokenizer.tokens(
        content,
        term -> {
          length[0]++;
          Integer index = terms.get(term);
          if (index != null) {
            frequencies[index]++;
          }
        });
    Document document = new Document(documents.size(), length[0], frequencies);
    documents.add(document);
    return document;
  }

  /** The scores of the documents added so far, by document index. */
  double[] scores() {
    int n = documents.size();
    double[] scores = new double[n];
    if (n == 0 || terms.isEmpty()) {
      return scores;
    }
    int[] documentFrequency = new int[terms.size()];
    double totalLength = 0;
    for (Document document : documents) {
      totalLength += document.length;
      for (int t = 0; t < documentFrequency.length; t++) {
        if (document.frequencies[t] > 0) {
          documentFrequency[t]++;
        }
      }
    }
    double averageLength = Math.max(1.0, totalLength / n);
    double[] idf = new double[documentFrequency.length];
    for (int t = 0; t < idf.length; t++) {
      idf[t] = Math.log(1 + (n - documentFrequency[t] + 0.5) / (documentFrequency[t] + 0.5));
    }
    for (Document document : documents) {
      double norm = K1 * (1 - B + B * document.length / averageLength);
      double score = 0;
      for (int t = 0; t < idf.length; t++) {
        int tf = document.frequencies[t];
        if (tf > 0) {
          score += idf[t] * tf * (K1 + 1) / (tf + norm);
        }
      }
      scores[document.index] = score;
    }
    return scores;
  }
}

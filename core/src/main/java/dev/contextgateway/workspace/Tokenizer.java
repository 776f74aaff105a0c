package dev.contextgateway.workspace;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Splits text into lower-case terms for lexical ranking: runs of letters and digits, further split
 * at camel-case boundaries ({@code getOrGenerate} gives {@code get}, {@code or}, {@code generate};
 * {@code HTTPClient} gives {@code http}, {@code client}). Terms shorter than two characters are
 * dropped. Stateless and thread-safe.
 */
final class Tokenizer {
  static final int MIN_LENGTH = 2;

  private Tokenizer() {}

  /** Hands each term of {@code text} to {@code sink}, in order. */
  static void tokens(CharSequence text, Consumer<String> sink) {
    int length = text.length();
    int start = -1;
    for (int i = 0; i <= length; i++) {
      char c = i < length ? text.charAt(i) : ' ';
      if (!Character.isLetterOrDigit(c)) {
        if (start >= 0) {
          emit(text, start, i, sink);
          start = -1;
        }
        continue;
      }
      if (start < 0) {
        start = i;
      } else if (isCamelBoundary(text, i)) {
        emit(text, start, i, sink);
        start = i;
      }
    }
  }

  /** A term ends before {@code i}: {@code aB}, or {@code ABc} with the break before {@code B}. */
  private static boolean isCamelBoundary(CharSequence text, int i) {
    char previous = text.charAt(i - 1);
    char current = text.charAt(i);
    if (!Character.isUpperCase(current)) {
      return false;
    }
    if (Character.isLowerCase(previous) || Character.isDigit(previous)) {
      return true;
    }
    return Character.isUpperCase(previous)
        && i + 1 < text.length()
        && Character.isLowerCase(text.charAt(i + 1));
  }

  private static void emit(CharSequence text, int start, int end, Consumer<String> sink) {
    if (end - start >= MIN_LENGTH) {
      sink.accept(text.subSequence(start, end).toString().toLowerCase(Locale.ROOT));
    }
  }
}

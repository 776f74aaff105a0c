package dev.contextgateway.reports;

/** HTML text escaping. */
final class Html {

  private Html() {}

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** An id attribute value made of letters, digits, '-' and '_' only. */
  static String id(String text) {
    return text.replaceAll("[^A-Za-z0-9_-]", "-");
  }
}

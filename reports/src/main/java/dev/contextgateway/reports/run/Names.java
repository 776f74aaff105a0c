package dev.contextgateway.reports.run;

import java.util.regex.Pattern;

/** Validation of the names that become file names in a run directory. */
final class Names {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private Names() {}

  /**
   * Returns {@code name} if it is a safe file-name component: a letter or digit, then up to 63
   * letters, digits, dots, underscores or dashes.
   *
   * @throws IllegalArgumentException naming {@code what} and the bad value otherwise
   */
  static String check(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what
              + " must be a letter or digit followed by up to 63 letters, digits, '.', '_' or '-', was "
              + (name == null ? "null" : "'" + name + "'"));
    }
    return name;
  }

  /** Returns {@code value} if it is not null or blank. */
  static String nonBlank(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          what + " must not be blank, was " + (value == null ? "null" : "'" + value + "'"));
    }
    return value;
  }
}

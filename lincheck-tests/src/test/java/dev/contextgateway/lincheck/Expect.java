package dev.contextgateway.lincheck;

/**
 * Plain assertions for code that runs under Lincheck's model checker, which calls {@code equals}
 * on the objects it sees and so cannot run AssertJ's assertion objects (their {@code equals}
 * throws). A failed expectation throws {@link AssertionError}, which Lincheck reports with the
 * interleaving that led to it.
 */
final class Expect {
  private Expect() {}

  static void that(boolean condition, String format, Object... arguments) {
    if (!condition) {
      throw new AssertionError(String.format(format, arguments));
    }
  }
}

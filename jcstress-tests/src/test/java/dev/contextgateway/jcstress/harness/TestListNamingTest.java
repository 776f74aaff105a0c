package dev.contextgateway.jcstress.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * The build runs the jcstress tests in two selections, by name: the tests of core (expected clean)
 * and the baseline tests (expected to fail). A test matching neither would never run, and one
 * matching both could not satisfy both; and a property with no baseline beside it has not shown
 * that it can fail, also on the two CPUs of the build machine. This checks the generated test list
 * against the build's two patterns.
 */
class TestListNamingTest {
  private static final Pattern CORE = pattern("jcstress.coreTests");
  private static final Pattern BASELINE = pattern("jcstress.baselineTests");

  private static Pattern pattern(String property) {
    return Pattern.compile(
        Objects.requireNonNull(System.getProperty(property), property + " must be set by the build"));
  }

  private static List<String> tests() {
    return List.copyOf(TestList.tests());
  }

  @Test
  void everyTest_isSelectedByExactlyOneRun() {
    assertThat(tests()).isNotEmpty();
    for (String test : tests()) {
      boolean core = CORE.matcher(test).find();
      boolean baseline = BASELINE.matcher(test).find();
      assertThat(core ^ baseline)
          .as("%s must match exactly one of %s and %s", test, CORE, BASELINE)
          .isTrue();
    }
  }

  @Test
  void everyProperty_hasATestOfCoreBesideABaselineTest_bothRunnableOnTwoCpus() {
    Map<String, List<String>> byProperty =
        tests().stream().collect(Collectors.groupingBy(TestListNamingTest::propertyOf));
    byProperty.forEach(
        (property, tests) -> {
          List<String> onTwoCpus =
              tests.stream().filter(test -> TestList.getInfo(test).threads() <= 2).toList();
          assertThat(onTwoCpus).as(property).anyMatch(test -> CORE.matcher(test).find());
          assertThat(onTwoCpus).as(property).anyMatch(test -> BASELINE.matcher(test).find());
        });
  }

  /** The outer class: a test's name without its last segment. */
  private static String propertyOf(String test) {
    return test.substring(0, test.lastIndexOf('.'));
  }
}

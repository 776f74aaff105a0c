package dev.contextgateway.jcstress.harness;

import dev.contextgateway.jcstress.harness.Verdict.Expectation;
import dev.contextgateway.jcstress.harness.Verdict.Selected;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;
import org.openjdk.jcstress.infra.runners.TestList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs jcstress and judges the run per test, so that the build can require the opposite of a
 * green run: every baseline test must observe a forbidden outcome.
 *
 * <p>jcstress's own exit status says only "some test failed" (status 1, from an {@code
 * AssertionError: TEST FAILURES}) and is 0 when no test matched the selection; it cannot tell a
 * baseline that showed its race from one that crashed, nor which baseline came back clean. So this
 * command runs jcstress in-process with the given options (its console output, HTML report under
 * {@code -r} and binary result file are unchanged), then reads the result file back with
 * jcstress's own reader and applies {@link Verdict}'s rules to every selected test. It exits 0
 * when the run is as expected, 1 when not, 2 on bad options.
 *
 * <pre>
 * java -cp target/jcstress.jar dev.contextgateway.jcstress.harness.JcstressGate --expect=FORBIDDEN \
 *     -- -m quick -sc false -jvmArgs -Xmx256m -t 'Baseline$' -r target/jcstress-results/baselines
 * </pre>
 *
 * <p>Reads jcstress 0.16's result classes ({@code TestResult}, {@code TestGrading}); a jcstress
 * upgrade may need this class adjusted.
 */
@Command(
    name = "jcstress-gate",
    mixinStandardHelpOptions = true,
    description = "Runs jcstress, then checks every selected test against the expectation.")
public final class JcstressGate implements Callable<Integer> {

  @Option(
      names = "--expect",
      required = true,
      description =
          "CLEAN: no selected test may observe a forbidden outcome. "
              + "FORBIDDEN: every selected test must observe one.")
  private Expectation expect = Expectation.CLEAN;

  @Option(
      names = "--only",
      description =
          "Narrows the selection of jcstress's -t to the tests that also match this regular"
              + " expression (found anywhere in the name, as -t is). Empty: no narrowing.")
  private String only = "";

  @Parameters(paramLabel = "JCSTRESS_OPTION", description = "jcstress options, after --")
  private List<String> jcstressOptions = new ArrayList<>();

  public static void main(String[] args) {
    System.exit(new CommandLine(new JcstressGate()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Options options = new Options(narrowed(jcstressOptions, only).toArray(String[]::new));
    if (!options.parse()) {
      return 2;
    }
    JCStress jcstress = new JCStress(options);
    List<Selected> selected = new ArrayList<>();
    for (String test : jcstress.getTests()) {
      selected.add(new Selected(test, TestList.getInfo(test).threads()));
    }
    try {
      jcstress.run();
    } catch (AssertionError testFailures) {
      // jcstress's summary of forbidden outcomes and errors; judged per test below.
      System.out.println("(jcstress reported failures; judging them against --expect=" + expect + ")");
    }
    Verdict verdict =
        Verdict.judge(expect, selected, readResults(options.getResultFile()), options.getCPUCount());
    verdict.printOn(System.out);
    return verdict.passed() ? 0 : 1;
  }

  /**
   * The jcstress options with the test selection {@code -t} narrowed to names that also match
   * {@code only}: both patterns become look-aheads, each found anywhere in the name as jcstress
   * finds {@code -t}.
   */
  static List<String> narrowed(List<String> options, String only) {
    if (only.isEmpty()) {
      return options;
    }
    List<String> result = new ArrayList<>(options);
    int t = result.indexOf("-t");
    if (t < 0 || t + 1 >= result.size()) {
      result.add("-t");
      result.add(only);
    } else {
      result.set(t + 1, "^(?=.*(?:" + only + "))(?=.*(?:" + result.get(t + 1) + "))");
    }
    return result;
  }

  /** The run's results by test name; empty if jcstress wrote none (nothing ran). */
  static Map<String, TestRun> readResults(String resultFile)
      throws IOException, ClassNotFoundException {
    Map<String, TestRun> runs = new TreeMap<>();
    if (!new File(resultFile).isFile()) {
      return runs;
    }
    InProcessCollector collector = new InProcessCollector();
    DiskReadCollector reader = new DiskReadCollector(resultFile, collector);
    try {
      reader.dump();
    } finally {
      reader.close();
    }
    for (TestResult result : ReportUtils.mergedByName(collector.getTestResults())) {
      runs.put(result.getName(), toRun(result));
    }
    return runs;
  }

  private static TestRun toRun(TestResult result) {
    if (result.status() != Status.NORMAL) {
      List<String> messages = result.getMessages();
      String detail = messages.isEmpty() ? "" : ": " + messages.get(0);
      return TestRun.broken(result.getName(), result.status() + detail);
    }
    Map<String, Long> forbidden = new LinkedHashMap<>();
    for (GradingResult grading : result.grading().gradingResults.values()) {
      if (grading.expect == Expect.FORBIDDEN && grading.count > 0) {
        forbidden.put(grading.id, grading.count);
      }
    }
    return TestRun.completed(result.getName(), result.getTotalCount(), forbidden);
  }
}

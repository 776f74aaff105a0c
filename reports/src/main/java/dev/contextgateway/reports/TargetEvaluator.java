package dev.contextgateway.reports;

import dev.contextgateway.reports.JmhResult.GroupKey;
import dev.contextgateway.reports.JmhResult.JmhMetric;
import dev.contextgateway.reports.Measure.Constant;
import dev.contextgateway.reports.Measure.Counter;
import dev.contextgateway.reports.Measure.JmhScore;
import dev.contextgateway.reports.Measure.Linear;
import dev.contextgateway.reports.Measure.Parameter;
import dev.contextgateway.reports.Measure.Percentile;
import dev.contextgateway.reports.Measure.Quotient;
import dev.contextgateway.reports.Target.Comparison;
import dev.contextgateway.reports.Target.JmhScope;
import dev.contextgateway.reports.TargetResult.Status;
import dev.contextgateway.reports.run.ScenarioInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates {@link Target}s on a run. A figure that the run does not hold makes its target "not
 * measured", with the reason; nothing is estimated. Stateless.
 */
final class TargetEvaluator {

  private TargetEvaluator() {}

  /** Evaluates each target, in order; a JMH target gives one result per group it applies to. */
  static List<TargetResult> evaluate(List<Target> targets, RunData data) {
    List<TargetResult> results = new ArrayList<>();
    for (Target target : targets) {
      JmhScope scope = target.jmh();
      if (scope == null) {
        results.add(evaluate(target, scopeOf(target.measured()), data, List.of()));
        continue;
      }
      Map<GroupKey, List<JmhResult>> groups = groups(scope, implementations(target.measured()), data);
      if (groups.isEmpty()) {
        results.add(notMeasured(target, describe(scope), "no JMH result " + describe(scope), data));
      }
      groups.forEach(
          (key, group) ->
              results.add(
                  evaluate(target, shortName(key.benchmark()) + " (" + key.label() + ")", data, group)));
    }
    return results;
  }

  private static TargetResult evaluate(
      Target target, String scope, RunData data, List<JmhResult> group) {
    Reading measured = read(target.measured(), data, group);
    Reading bound = read(target.bound(), data, group);
    String requirement = requirement(target, bound);
    if (!measured.present() || !bound.present()) {
      String why = measured.present() ? bound.missing : measured.missing;
      return new TargetResult(
          target, scope, Status.NOT_MEASURED, Fmt.NONE, requirement, String.valueOf(why), note(target, data));
    }
    boolean met = target.check().passes(measured.value, bound.value);
    return new TargetResult(
        target,
        scope,
        met ? Status.MET : Status.MISSED,
        target.unit().format(measured.value),
        requirement,
        margin(target, measured.value, bound.value, met),
        note(target, data));
  }

  private static TargetResult notMeasured(Target target, String scope, String why, RunData data) {
    return new TargetResult(
        target,
        scope,
        Status.NOT_MEASURED,
        Fmt.NONE,
        requirement(target, Reading.missing("")),
        why,
        note(target, data));
  }

  private static @Nullable String note(Target target, RunData data) {
    return data.run().targetNotes().get(target.id());
  }

  private static String requirement(Target target, Reading bound) {
    if (target.bound() instanceof Constant || !bound.present()) {
      return target.requirement();
    }
    return target.requirement()
        + ", here "
        + symbol(target.check().comparison())
        + " "
        + target.unit().format(bound.value);
  }

  private static String symbol(Comparison comparison) {
    return switch (comparison) {
      case AT_MOST -> "≤";
      case AT_LEAST -> "≥";
      case EQUAL -> "=";
      case NEAR -> "≈";
    };
  }

  /** By how much {@code figure} meets or misses {@code bound}, in the target's unit. */
  static String margin(Target target, double figure, double bound, boolean met) {
    double off = Math.abs(figure - bound);
    String relative =
        bound == 0 || target.unit() == Target.Unit.PERCENT
            ? ""
            : String.format(Locale.ROOT, " (%.1f %%)", off / Math.abs(bound) * 100);
    String offText =
        target.unit() == Target.Unit.PERCENT
            ? String.format(Locale.ROOT, "%.2f percentage points", off * 100)
            : target.unit().format(off) + relative;
    return switch (target.check().comparison()) {
      case AT_MOST, AT_LEAST -> (met ? "met by " : "missed by ") + offText;
      case EQUAL -> off == 0 ? "met exactly" : (met ? "met, off by " : "missed by ") + offText;
      case NEAR ->
          (met ? "met, off by " : "missed, off by ")
              + offText
              + String.format(Locale.ROOT, "; allowed ±%.0f %%", target.check().tolerance() * 100);
    };
  }

  // ---- groups of JMH results

  private static Map<GroupKey, List<JmhResult>> groups(
      JmhScope scope, Set<String> implementations, RunData data) {
    Pattern benchmark = Pattern.compile(scope.benchmark());
    Map<GroupKey, List<JmhResult>> groups = new LinkedHashMap<>();
    for (JmhResult result : data.jmh()) {
      if (benchmark.matcher(result.benchmark()).matches() && matchesWhere(result, scope)) {
        groups.computeIfAbsent(result.groupKey(), k -> new ArrayList<>()).add(result);
      }
    }
    groups
        .values()
        .removeIf(
            group -> group.stream().noneMatch(r -> implementations.contains(r.implementation())));
    return groups;
  }

  private static boolean matchesWhere(JmhResult result, JmhScope scope) {
    return scope.where().entrySet().stream()
        .allMatch(e -> e.getValue().equals(result.param(e.getKey())));
  }

  private static String describe(JmhScope scope) {
    String where =
        scope.where().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
    return "matching " + scope.benchmark() + (where.isEmpty() ? "" : " with " + where);
  }

  private static String shortName(String benchmark) {
    int method = benchmark.lastIndexOf('.');
    int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
    return benchmark.substring(type + 1);
  }

  private static Set<String> implementations(Measure measure) {
    Set<String> names = new LinkedHashSet<>();
    collect(measure, names, true);
    return names;
  }

  private static String scopeOf(Measure measure) {
    Set<String> scopes = new LinkedHashSet<>();
    collect(measure, scopes, false);
    return String.join(", ", scopes);
  }

  /** Collects the implementations (or the "scenario / implementation" pairs) of the leaves. */
  private static void collect(Measure measure, Set<String> into, boolean jmhImplementations) {
    if (measure instanceof JmhScore s) {
      if (jmhImplementations) {
        into.add(s.implementation());
      }
    } else if (measure instanceof Percentile p) {
      if (!jmhImplementations) {
        into.add(p.scenario() + " / " + p.implementation());
      }
    } else if (measure instanceof Counter c) {
      if (!jmhImplementations) {
        into.add(c.scenario() + " / " + c.implementation());
      }
    } else if (measure instanceof Quotient q) {
      collect(q.numerator(), into, jmhImplementations);
      collect(q.denominator(), into, jmhImplementations);
    } else if (measure instanceof Linear l) {
      collect(l.base(), into, jmhImplementations);
    }
  }

  // ---- reading figures

  /** A figure, or why it is absent. */
  private record Reading(double value, @Nullable String missing) {
    static Reading of(double value) {
      return new Reading(value, null);
    }

    static Reading missing(String why) {
      return new Reading(Double.NaN, why);
    }

    boolean present() {
      return missing == null;
    }
  }

  private static Reading read(Measure measure, RunData data, List<JmhResult> group) {
    if (measure instanceof Constant c) {
      return Reading.of(c.value());
    } else if (measure instanceof JmhScore s) {
      return jmh(s, group);
    } else if (measure instanceof Percentile p) {
      return percentile(p, data);
    } else if (measure instanceof Counter c) {
      return counter(c, data);
    } else if (measure instanceof Parameter p) {
      return parameter(p, data);
    } else if (measure instanceof Quotient q) {
      Reading numerator = read(q.numerator(), data, group);
      Reading denominator = read(q.denominator(), data, group);
      if (!numerator.present()) {
        return numerator;
      }
      if (!denominator.present()) {
        return denominator;
      }
      return denominator.value == 0
          ? Reading.missing("cannot divide by zero: " + describe(q.denominator()) + " is 0")
          : Reading.of(numerator.value / denominator.value);
    } else if (measure instanceof Linear l) {
      Reading base = read(l.base(), data, group);
      return base.present() ? Reading.of(l.factor() * base.value + l.offset()) : base;
    }
    throw new AssertionError("unknown measure " + measure);
  }

  private static Reading jmh(JmhScore score, List<JmhResult> group) {
    Optional<JmhResult> result =
        group.stream().filter(r -> score.implementation().equals(r.implementation())).findFirst();
    if (result.isEmpty()) {
      return Reading.missing("no " + score.implementation() + " result in this group");
    }
    JmhMetric metric = result.get().metric(score.metric());
    return metric == null
        ? Reading.missing(
            "no metric " + score.metric() + " in the " + score.implementation() + " result")
        : Reading.of(metric.score());
  }

  private static Reading percentile(Percentile p, RunData data) {
    Optional<LatencySeries> series = data.latencyOf(p.scenario(), p.implementation());
    if (series.isEmpty()) {
      return Reading.missing("no latency log " + p.scenario() + "/" + p.implementation() + ".hlog");
    }
    Histogram histogram = series.get().histogram();
    if (histogram.getTotalCount() == 0) {
      return Reading.missing(
          "latency log " + p.scenario() + "/" + p.implementation() + ".hlog holds no values");
    }
    return Reading.of(histogram.getValueAtPercentile(p.percentile()) / Fmt.NANOS_PER_MILLI);
  }

  private static Reading counter(Counter c, RunData data) {
    Long value =
        data.scenario(c.scenario())
            .map(ScenarioInfo::counters)
            .map(counters -> counters.get(c.implementation()))
            .map(counters -> counters.get(c.counter()))
            .orElse(null);
    return value == null
        ? Reading.missing(
            "no counter " + c.counter() + " of " + c.scenario() + " / " + c.implementation() + " in run.json")
        : Reading.of(value);
  }

  private static Reading parameter(Parameter p, RunData data) {
    Double value = data.scenario(p.scenario()).map(s -> s.parameters().get(p.name())).orElse(null);
    return value == null
        ? Reading.missing("no parameter " + p.name() + " of scenario " + p.scenario() + " in run.json")
        : Reading.of(value);
  }

  private static String describe(Measure measure) {
    if (measure instanceof JmhScore s) {
      return s.implementation() + " " + s.metric();
    } else if (measure instanceof Counter c) {
      return "counter " + c.counter();
    } else if (measure instanceof Parameter p) {
      return "parameter " + p.name();
    }
    return "the denominator";
  }
}

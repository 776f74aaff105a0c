package dev.contextgateway.reports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Display order and colours of implementations. The names the project uses come first, in the
 * order baselines, peers, ours; any other name follows in alphabetical order. Nothing here
 * decides what is reported: the report shows whatever the run holds.
 */
final class Implementations {

  /** The reference implementations of the ratio columns. */
  static final String CAFFEINE = "caffeine";

  static final String NAIVE = "naive";

  private static final List<String> KNOWN =
      List.of(
          "naive",
          "lock-deleting",
          "global-lock-lru",
          "caffeine",
          "chm",
          "context-cache",
          "context-cache-swr",
          "gateway");

  /** Colour per known name: baselines warm, peers cool, ours green (Tableau 10 colours). */
  private static final Map<String, String> COLOURS =
      Map.of(
          "naive", "#e15759",
          "lock-deleting", "#f28e2b",
          "global-lock-lru", "#b07aa1",
          "caffeine", "#4e79a7",
          "chm", "#76b7b2",
          "context-cache", "#59a14f",
          "context-cache-swr", "#2f6b2a",
          "gateway", "#59a14f");

  /** For other names, in the order they appear in a chart. */
  private static final List<String> SPARE =
      List.of("#9c755f", "#edc948", "#ff9da7", "#bab0ac", "#17becf", "#8c564b", "#7f7f7f");

  static final Comparator<String> ORDER =
      Comparator.comparingInt((String name) -> rank(name)).thenComparing(Comparator.naturalOrder());

  private Implementations() {}

  private static int rank(String name) {
    int index = KNOWN.indexOf(name);
    return index < 0 ? KNOWN.size() : index;
  }

  /** The distinct names of {@code names}, in display order. */
  static List<String> sorted(Collection<String> names) {
    Set<String> distinct = new LinkedHashSet<>(names);
    List<String> sorted = new ArrayList<>(distinct);
    sorted.sort(ORDER);
    return sorted;
  }

  /**
   * The colour of {@code name} in a chart showing {@code shown} (in display order): a fixed one
   * for known names, else a spare colour by the name's position among the unknown names shown.
   */
  static String colour(String name, List<String> shown) {
    String known = COLOURS.get(name);
    if (known != null) {
      return known;
    }
    int unknown = 0;
    for (String other : shown) {
      if (other.equals(name)) {
        break;
      }
      if (!COLOURS.containsKey(other)) {
        unknown++;
      }
    }
    return SPARE.get(unknown % SPARE.size());
  }
}

package io.newsframe.stance;

import io.newsframe.config.StanceSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A cluster in words, from its centroid in standard units: the features at least {@link #MIN_Z}
 * standard deviations from the mean (a small effect in Cohen's terms: with few clusters over a
 * varied corpus, marker features rarely move a centroid further), each as a phrase ("quotes
 * Russia; negative toward NATO; writes 'Kiev'; puts charged words in quotes (“invasion”)").
 * At most {@link #MAX_MARKERS} markers a cluster's articles carry come first, strongest first;
 * then at most {@link #MAX_AXES} axis positions (the clustering is built on the axes, but a reader
 * is served first by what the articles actually write); then at most {@link #MAX_ABSENCES} things
 * the cluster lacks ("says little of Ukraine", "seldom writes 'invasion'").
 */
final class ClusterDescriber {
  static final double MIN_Z = 0.2;
  private static final int MAX_MARKERS = 4;
  private static final int MAX_AXES = 2;
  private static final int MAX_ABSENCES = 2;
  private static final int MAX_SIDE_GROUPS = 3;

  private ClusterDescriber() {}

  /**
   * @param z centroid per feature, in {@link FeatureSpace#names()} order
   * @param examples per feature name, the cluster's commonest evidence term for it (may be absent)
   */
  static String describe(double[] z, FeatureSpace space, Map<String, String> examples) {
    List<String> names = space.names();
    List<String> phrases = new ArrayList<>();
    int[] used = new int[3];
    int[] caps = {MAX_MARKERS, MAX_AXES, MAX_ABSENCES};
    IntStream.range(0, z.length).boxed()
        .filter(i -> Math.abs(z[i]) >= MIN_Z)
        .sorted(Comparator.comparingInt((Integer i) -> rank(names.get(i), z[i]))
            .thenComparingDouble(i -> -Math.abs(z[i])).thenComparing(i -> i))
        .forEach(i -> {
          int kind = rank(names.get(i), z[i]);
          String phrase = phrase(names.get(i), z[i], space.settings(), examples.get(names.get(i)));
          if (phrase != null && used[kind] < caps[kind]) {
            used[kind]++;
            phrases.add(phrase);
          }
        });
    return phrases.isEmpty() ? "close to the corpus average on every stance feature" : String.join("; ", phrases);
  }

  /** Order of the phrase kinds: markers 0, axis positions 1, absences 2. */
  private static int rank(String feature, double z) {
    if (feature.startsWith(FeatureSpace.AXIS)) {
      return 1;
    }
    return absence(feature, z) ? 2 : 0;
  }

  /** A low count of mentions, quotes or loaded terms: what the cluster lacks ("says little of Ukraine"). */
  private static boolean absence(String feature, double z) {
    return z < 0 && (feature.startsWith(FeatureSpace.MENTIONS) || feature.startsWith(FeatureSpace.VOICE)
        || feature.startsWith(FeatureSpace.FRAMING));
  }

  private static String phrase(String feature, double z, StanceSettings settings, String example) {
    boolean high = z > 0;
    String eg = example == null ? "" : " (" + example + ")";
    if (feature.startsWith(FeatureSpace.MENTIONS)) {
      String who = display(feature, FeatureSpace.MENTIONS, settings);
      return high ? "writes much about " + who : "says little of " + who;
    }
    if (feature.startsWith(FeatureSpace.POLARITY)) {
      String who = display(feature, FeatureSpace.POLARITY, settings);
      return (high ? "positive toward " : "negative toward ") + who + eg;
    }
    if (feature.startsWith(FeatureSpace.VOICE)) {
      String who = display(feature, FeatureSpace.VOICE, settings);
      return high ? "quotes " + who + eg : "rarely quotes " + who;
    }
    if (feature.startsWith(FeatureSpace.FRAMING)) {
      String group = feature.substring(FeatureSpace.FRAMING.length());
      // What a cluster avoids is named by the group's headword: its own rare uses are not typical.
      String headword = settings.framing().get(group).get(0);
      return high ? "writes '" + (example != null ? example : headword) + "'" : "seldom writes '" + headword + "'";
    }
    if (feature.startsWith(FeatureSpace.AXIS)) {
      String name = feature.substring(FeatureSpace.AXIS.length());
      var axis = settings.axes().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
      return "on " + name + ", on the side of " + sideName(high ? axis.a() : axis.b()) + eg;
    }
    return switch (feature) {
      case FeatureSpace.HEDGES -> high ? "hedges claims" + eg : null;
      case FeatureSpace.SCARE_QUOTES -> high ? "puts charged words in quotes" + eg : null;
      case FeatureSpace.COOPERATION -> high ? "cooperation language between parties" + eg : null;
      case FeatureSpace.CONFLICT -> high ? "conflict language between parties" + eg : null;
      default -> null;
    };
  }

  /** A side by its first framing groups: an axis such as camp opposes seven groups to four. */
  private static String sideName(List<String> groups) {
    return groups.size() <= MAX_SIDE_GROUPS ? String.join("/", groups)
        : String.join("/", groups.subList(0, MAX_SIDE_GROUPS)) + "/…";
  }

  private static String display(String feature, String prefix, StanceSettings settings) {
    String key = feature.substring(prefix.length());
    return settings.targets().stream().filter(t -> t.key().equals(key)).findFirst()
        .map(StanceSettings.Target::display).orElse(key);
  }
}

package io.newsframe.stance;

import io.newsframe.config.StanceSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A cluster in words, from its centroid in standard units: the features at least {@link #MIN_Z}
 * standard deviations from the mean, strongest first, each as a phrase ("quotes Russia; negative
 * toward NATO; writes 'Kiev'; puts charged words in quotes (“invasion”)"). What a cluster does
 * comes before what it lacks ("says little of Ukraine"), and at most {@link #MAX_AXES} of the
 * phrases are axis positions: the clustering is built on the axes, but a reader is served first
 * by the markers an article actually carries.
 */
final class ClusterDescriber {
  static final double MIN_Z = 0.5;
  private static final int MAX_PHRASES = 5;
  private static final int MAX_AXES = 2;

  private ClusterDescriber() {}

  /**
   * @param z centroid per feature, in {@link FeatureSpace#names()} order
   * @param examples per feature name, the cluster's commonest evidence term for it (may be absent)
   */
  static String describe(double[] z, FeatureSpace space, Map<String, String> examples) {
    List<String> names = space.names();
    List<String> phrases = new ArrayList<>();
    int[] axes = {0};
    IntStream.range(0, z.length).boxed()
        .filter(i -> Math.abs(z[i]) >= MIN_Z)
        .sorted(Comparator.comparing((Integer i) -> absence(names.get(i), z[i]))
            .thenComparingDouble(i -> -Math.abs(z[i])).thenComparing(i -> i))
        .forEach(i -> {
          boolean axis = names.get(i).startsWith(FeatureSpace.AXIS);
          String phrase = phrase(names.get(i), z[i], space.settings(), examples.get(names.get(i)));
          if (phrase != null && phrases.size() < MAX_PHRASES && (!axis || axes[0]++ < MAX_AXES)) {
            phrases.add(phrase);
          }
        });
    return phrases.isEmpty() ? "close to the corpus average on every stance feature" : String.join("; ", phrases);
  }

  /** A low count of mentions or quotes: what the cluster lacks ("says little of Ukraine"). */
  private static boolean absence(String feature, double z) {
    return z < 0 && (feature.startsWith(FeatureSpace.MENTIONS) || feature.startsWith(FeatureSpace.VOICE));
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
      String term = example != null ? example : settings.framing().get(group).get(0);
      return high ? "writes '" + term + "'" : null;
    }
    if (feature.startsWith(FeatureSpace.AXIS)) {
      String name = feature.substring(FeatureSpace.AXIS.length());
      var axis = settings.axes().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
      return "on " + name + ", on the side of " + String.join("/", high ? axis.a() : axis.b()) + eg;
    }
    return switch (feature) {
      case FeatureSpace.HEDGES -> high ? "hedges claims" + eg : null;
      case FeatureSpace.SCARE_QUOTES -> high ? "puts charged words in quotes" + eg : null;
      case FeatureSpace.COOPERATION -> high ? "cooperation language between parties" + eg : null;
      case FeatureSpace.CONFLICT -> high ? "conflict language between parties" + eg : null;
      default -> null;
    };
  }

  private static String display(String feature, String prefix, StanceSettings settings) {
    String key = feature.substring(prefix.length());
    return settings.targets().stream().filter(t -> t.key().equals(key)).findFirst()
        .map(StanceSettings.Target::display).orElse(key);
  }
}

package io.newsframe.stance;

import io.newsframe.config.StanceSettings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The named stance features, in vector order, and the matcher of every configured phrase. Built
 * from the settings alone, so that the same settings give the same vector layout on every run.
 *
 * <p>Per target t: {@code mentions.t}, {@code polarity.t} (lexicon polarity of the words around
 * its mentions), {@code voice.t} (statements attributed to it); per framing group g: {@code
 * framing.g}; per framing axis x: {@code axis.x} (mean side weight of its words, see {@link
 * FramingAxes}); then {@code hedges}, {@code scare_quotes}, {@code cooperation} and {@code conflict}.
 * Counts enter as log(1 + count): one more "Kiev" matters less in the tenth mention than in the first.
 */
public final class FeatureSpace implements Serializable {
  public static final String MENTIONS = "mentions.";
  public static final String POLARITY = "polarity.";
  public static final String VOICE = "voice.";
  public static final String FRAMING = "framing.";
  public static final String AXIS = "axis.";
  public static final String HEDGES = "hedges";
  public static final String SCARE_QUOTES = "scare_quotes";
  public static final String COOPERATION = "cooperation";
  public static final String CONFLICT = "conflict";

  private final StanceSettings settings;
  private final List<String> framingGroups;
  private final List<String> names;

  public FeatureSpace(StanceSettings settings) {
    this.settings = settings;
    this.framingGroups = List.copyOf(settings.framing().keySet());
    List<String> n = new ArrayList<>();
    for (var target : settings.targets()) {
      n.add(MENTIONS + target.key());
      n.add(POLARITY + target.key());
      n.add(VOICE + target.key());
    }
    framingGroups.forEach(g -> n.add(FRAMING + g));
    settings.axes().forEach(x -> n.add(AXIS + x.name()));
    n.addAll(List.of(HEDGES, SCARE_QUOTES, COOPERATION, CONFLICT));
    this.names = List.copyOf(n);
  }

  public StanceSettings settings() {
    return settings;
  }

  /** Feature names in vector order. */
  public List<String> names() {
    return names;
  }

  public int size() {
    return names.size();
  }

  public int targets() {
    return settings.targets().size();
  }

  public List<String> framingGroups() {
    return framingGroups;
  }

  public int mentionsIndex(int target) {
    return 3 * target;
  }

  public int polarityIndex(int target) {
    return 3 * target + 1;
  }

  public int voiceIndex(int target) {
    return 3 * target + 2;
  }

  public int framingIndex(int group) {
    return 3 * targets() + group;
  }

  public int axisIndex(int axis) {
    return 3 * targets() + framingGroups.size() + axis;
  }

  public int index(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no stance feature " + name + "; features are " + names);
    }
    return i;
  }

  /** A matcher of every phrase of the settings, each with its role. */
  public TermMatcher matcher() {
    TermMatcher.Builder b = TermMatcher.builder();
    for (int t = 0; t < settings.targets().size(); t++) {
      var target = settings.targets().get(t);
      b.addAll(target.names(), TermMatcher.Kind.NAME, t);
      b.addAll(target.titles(), TermMatcher.Kind.TITLE, t);
      b.addAll(target.voices(), TermMatcher.Kind.VOICE, t);
    }
    for (int g = 0; g < framingGroups.size(); g++) {
      b.addAll(settings.framing().get(framingGroups.get(g)), TermMatcher.Kind.FRAMING, g);
    }
    b.addAll(settings.hedges(), TermMatcher.Kind.HEDGE, 0);
    b.addAll(settings.scareQuotes().terms(), TermMatcher.Kind.CHARGED, 0);
    b.addAll(settings.relations().cooperation(), TermMatcher.Kind.COOPERATION, 0);
    b.addAll(settings.relations().conflict(), TermMatcher.Kind.CONFLICT, 0);
    b.addAll(settings.attribution().verbs(), TermMatcher.Kind.VERB, 0);
    b.addAll(settings.attribution().phrases(), TermMatcher.Kind.ATTRIBUTION, 0);
    return b.build();
  }
}

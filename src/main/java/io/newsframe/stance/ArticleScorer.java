package io.newsframe.stance;

import io.newsframe.stance.TermMatcher.Hit;
import io.newsframe.stance.TermMatcher.Kind;
import io.newsframe.stance.TermMatcher.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores one article on the features of a {@link FeatureSpace}, keeping the evidence: the words
 * and sentences behind each score. Not thread-safe; one per task.
 */
final class ArticleScorer {
  /** Why a feature moved: the term, the sentence it is in, and its contribution. */
  public record Evidence(String feature, String term, String sentence, double weight) {}

  /**
   * Evidence before its sentence is cut from the text: the word it was first seen at. An article
   * gathers many and keeps a few ({@code stance.evidence}); cutting every sentence was 40% of
   * the scoring's CPU.
   */
  private record Clue(String feature, String term, int word, double weight) {}

  /** An article's features in vector order, per-target details, and its strongest evidence. */
  public record Scores(double[] features, int[] mentions, double[] polarity, int[] voices, List<Evidence> evidence) {}

  private static final Set<String> NEGATIONS =
      Set.of("not", "no", "never", "without", "nor", "neither", "hardly", "n't", "cannot", "didn't", "don't",
          "doesn't", "isn't", "wasn't", "won't", "wouldn't", "aren't");
  private static final int MAX_SENTENCE_CHARS = 240;
  private static final int WORDS_TO_VERB = 4;
  private static final int WORDS_FROM_VERB = 2;
  private static final int WORDS_FROM_PHRASE = 3;
  /** How many of the words that moved an axis position most become its evidence. */
  private static final int MOVED_AS_EVIDENCE = 3;

  private final FeatureSpace space;
  private final TermMatcher matcher;
  private final Map<String, Double> lexicon;
  private final AxisVocabulary axisVocabulary;
  private final int axes;
  private final int[][] sideOfGroup;
  private final int window;
  private final int maxEvidence;
  private final int maxQuoteWords;

  public ArticleScorer(FeatureSpace space, Map<String, Double> lexicon, FramingAxes.Weights axes) {
    this.space = space;
    this.matcher = space.matcher();
    this.lexicon = lexicon;
    this.axisVocabulary = new AxisVocabulary(axes);
    this.axes = axes.axes().size();
    this.sideOfGroup = FramingAxes.sides(space);
    this.window = space.settings().window();
    this.maxEvidence = space.settings().evidence();
    this.maxQuoteWords = space.settings().scareQuotes().maxWords();
  }

  public Scores score(String text) {
    TextSpans words = TextSpans.of(text);
    List<Hit> hits = matcher.find(text);
    List<Quotations.Span> quotations = Quotations.of(text);
    int targets = space.targets();
    double[] features = new double[space.size()];
    int[] mentions = new int[targets];
    double[] polarity = new double[targets];
    int[] voices = new int[targets];
    Map<String, Clue> evidence = new HashMap<>();

    List<Mention> found = mentions(words, hits, targets);
    boolean[] inMention = new boolean[words.size];
    long[] targetsInSentence = new long[Math.max(1, words.sentences)];
    for (Mention m : found) {
      mentions[m.target]++;
      for (int w = m.first; w <= m.last; w++) {
        inMention[w] = true;
      }
      targetsInSentence[words.sentence[m.first]] |= 1L << Math.min(m.target, 63);
    }
    for (Mention m : found) {
      polarity[m.target] += windowPolarity(words, m, inMention, evidence);
    }
    countVoices(words, hits, found, voices, evidence);
    // Loaded terms count in the writer's own voice only, as the axes' sides are labelled.
    int[] framing = FramingAxes.ownVoice(hits, quotations, space.framingGroups().size());
    int hedges = 0;
    int cooperation = 0;
    int conflict = 0;
    for (Hit hit : hits) {
      int w = words.wordAt(hit.start());
      if (w >= words.size) {
        continue;
      }
      boolean betweenTargets = Long.bitCount(targetsInSentence[words.sentence[w]]) >= 2;
      for (Role role : hit.roles()) {
        switch (role.kind()) {
          case FRAMING -> {
            // Quoted, a loaded term is someone else's word or a scare quote: not evidence of framing.
            if (!Quotations.inside(quotations, hit.start(), hit.end())) {
              note(evidence, FeatureSpace.FRAMING + space.framingGroups().get(role.group()), hit, w, 1);
            }
          }
          case HEDGE -> {
            hedges++;
            note(evidence, FeatureSpace.HEDGES, hit, w, 1);
          }
          case COOPERATION -> {
            if (betweenTargets) {
              cooperation++;
              note(evidence, FeatureSpace.COOPERATION, hit, w, 1);
            }
          }
          case CONFLICT -> {
            if (betweenTargets) {
              conflict++;
              note(evidence, FeatureSpace.CONFLICT, hit, w, 1);
            }
          }
          default -> { }
        }
      }
    }
    int scareQuotes = countScareQuotes(words, hits, quotations, evidence);
    AxisVocabulary.Found axisWords = axisVocabulary.find(words);
    for (int x = 0; x < axes; x++) {
      features[space.axisIndex(x)] = axisPosition(x, axisWords, framing, evidence);
    }

    for (int t = 0; t < targets; t++) {
      features[space.mentionsIndex(t)] = Math.log1p(mentions[t]);
      polarity[t] = mentions[t] == 0 ? 0 : polarity[t] / mentions[t];
      features[space.polarityIndex(t)] = polarity[t];
      features[space.voiceIndex(t)] = Math.log1p(voices[t]);
    }
    for (int g = 0; g < framing.length; g++) {
      features[space.framingIndex(g)] = Math.log1p(framing[g]);
    }
    features[space.index(FeatureSpace.HEDGES)] = Math.log1p(hedges);
    features[space.index(FeatureSpace.SCARE_QUOTES)] = Math.log1p(scareQuotes);
    features[space.index(FeatureSpace.COOPERATION)] = Math.log1p(cooperation);
    features[space.index(FeatureSpace.CONFLICT)] = Math.log1p(conflict);
    return new Scores(features, mentions, polarity, voices, strongest(evidence, words));
  }

  /**
   * The article's position on axis x: the learned margin of its words (their weights over the
   * length of its idf vector, see {@link FramingAxes}) plus log(1 + a) − log(1 + b) for its own
   * uses of the axis's side-a and side-b terms.
   */
  private double axisPosition(int x, AxisVocabulary.Found axisWords, int[] framing, Map<String, Clue> evidence) {
    String feature = FeatureSpace.AXIS + space.settings().axes().get(x).name();
    int[] ab = FramingAxes.sideTerms(framing, sideOfGroup, x);
    double margin = 0;
    List<AxisVocabulary.Moved> moved = axisVocabulary.moved(x, axisWords);
    for (AxisVocabulary.Moved m : moved) {
      margin += m.value();
    }
    // Only the words that moved the position most become evidence.
    for (AxisVocabulary.Moved m : mostMoving(moved, MOVED_AS_EVIDENCE)) {
      String term = axisVocabulary.term(m.term());
      evidence.put(feature + "\u0000" + term, new Clue(feature, term, m.firstWord(), m.value()));
    }
    return margin + Math.log1p(ab[0]) - Math.log1p(ab[1]);
  }

  /**
   * The n words that moved a position most, largest |value| first, then by term: the first n of
   * the list sorted so, picked in one pass. An article moves an axis by hundreds of words, and
   * sorting them all for three was a fifth of the scoring's CPU.
   */
  List<AxisVocabulary.Moved> mostMoving(List<AxisVocabulary.Moved> moved, int n) {
    List<AxisVocabulary.Moved> best = new ArrayList<>(n + 1);
    for (AxisVocabulary.Moved m : moved) {
      keepFirst(best, m, n, this::byMovement);
    }
    return best;
  }

  /** A larger |value| first, then the earlier term. */
  private int byMovement(AxisVocabulary.Moved a, AxisVocabulary.Moved b) {
    int byValue = Double.compare(-Math.abs(a.value()), -Math.abs(b.value()));
    return byValue != 0 ? byValue : axisVocabulary.term(a.term()).compareTo(axisVocabulary.term(b.term()));
  }

  /**
   * Inserts x into {@code first}, the n first of what it has seen in {@code order}, and drops what
   * falls past n. x goes after those it ties with, where a stable sort would put it.
   */
  private static <T> void keepFirst(List<T> first, T x, int n, java.util.Comparator<? super T> order) {
    int at = first.size();
    while (at > 0 && order.compare(x, first.get(at - 1)) < 0) {
      at--;
    }
    if (at < n) {
      first.add(at, x);
      if (first.size() > n) {
        first.remove(n);
      }
    }
  }

  /** A mention of a target: words first..last. */
  private record Mention(int target, int first, int last) {}

  /** Target mentions; a mention inside a longer one of the same target ("Putin" in "Vladimir Putin") is dropped. */
  private static List<Mention> mentions(TextSpans words, List<Hit> hits, int targets) {
    List<Mention> result = new ArrayList<>();
    int[] coveredUntil = new int[targets];
    for (Hit hit : hits) {
      for (Role role : hit.roles()) {
        if (role.kind() != Kind.NAME && role.kind() != Kind.TITLE && role.kind() != Kind.VOICE) {
          continue;
        }
        int t = role.group();
        if (hit.end() <= coveredUntil[t]) {
          continue;
        }
        int first = words.wordAt(hit.start());
        int last = words.wordStartingBefore(hit.end());
        if (first < words.size && last >= first) {
          result.add(new Mention(t, first, last));
          coveredUntil[t] = hit.end();
        }
        break;
      }
    }
    return result;
  }

  /** Lexicon polarity of the words within the window around a mention, in its sentence. */
  private double windowPolarity(TextSpans words, Mention m, boolean[] inMention, Map<String, Clue> evidence) {
    int sentence = words.sentence[m.first];
    double sum = 0;
    int from = Math.max(0, m.first - window);
    int to = Math.min(words.size - 1, m.last + window);
    for (int w = from; w <= to; w++) {
      if (inMention[w] || words.sentence[w] != sentence) {
        continue;
      }
      Double value = lexicon.get(words.lower[w]);
      if (value == null) {
        continue;
      }
      double v = negated(words, w) ? -value : value;
      sum += v;
      String feature = FeatureSpace.POLARITY + space.settings().targets().get(m.target).key();
      addEvidence(evidence, feature + "\u0000" + words.lower[w], feature, words.lower[w], w, v);
    }
    return sum;
  }

  private static boolean negated(TextSpans words, int w) {
    for (int i = Math.max(0, w - 3); i < w; i++) {
      if (words.sentence[i] == words.sentence[w] && NEGATIONS.contains(words.lower[i])) {
        return true;
      }
    }
    return false;
  }

  /**
   * Statements carried from each target: a mention followed closely by a verb of saying ("Peskov
   * said", "the Kremlin has repeatedly stressed"), preceded by one ("said Lavrov"), or after an
   * attribution phrase ("according to the White House"). One per target and sentence.
   */
  private void countVoices(TextSpans words, List<Hit> hits, List<Mention> found, int[] voices,
      Map<String, Clue> evidence) {
    int[] verbAt = new int[words.size];
    boolean[] phraseEndsAt = new boolean[words.size];
    java.util.Arrays.fill(verbAt, -1);
    for (Hit hit : hits) {
      for (Role role : hit.roles()) {
        if (role.kind() == Kind.VERB) {
          int w = words.wordAt(hit.start());
          if (w < words.size) {
            verbAt[w] = w;
          }
        } else if (role.kind() == Kind.ATTRIBUTION) {
          int w = words.wordStartingBefore(hit.end());
          if (w >= 0) {
            phraseEndsAt[w] = true;
          }
        }
      }
    }
    java.util.Set<Long> counted = new java.util.HashSet<>();
    for (Mention m : found) {
      int sentence = words.sentence[m.first];
      if (!attributed(words, m, verbAt, phraseEndsAt, sentence)) {
        continue;
      }
      if (counted.add(((long) m.target << 32) | sentence)) {
        voices[m.target]++;
        String feature = FeatureSpace.VOICE + space.settings().targets().get(m.target).key();
        String term = words.text.substring(words.start[m.first], words.end[m.last]);
        String key = feature + "\u0000" + sentence;
        evidence.put(key, new Clue(feature, term, m.first, 1));
      }
    }
  }

  private static boolean attributed(TextSpans words, Mention m, int[] verbAt, boolean[] phraseEndsAt, int sentence) {
    for (int w = m.last + 1; w <= Math.min(words.size - 1, m.last + WORDS_TO_VERB); w++) {
      if (words.sentence[w] != sentence) {
        break;
      }
      if (verbAt[w] >= 0) {
        return true;
      }
    }
    for (int w = Math.max(0, m.first - Math.max(WORDS_FROM_VERB, WORDS_FROM_PHRASE)); w < m.first; w++) {
      if (words.sentence[w] != sentence) {
        continue;
      }
      if (verbAt[w] >= 0 && w >= m.first - WORDS_FROM_VERB) {
        return true;
      }
      if (phraseEndsAt[w]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Scare quotes: a quotation of at most max-words words that contains a charged or framing term
   * ("invasion", “Russian aggression”). Longer quotations are someone's words, not distance.
   */
  private int countScareQuotes(TextSpans words, List<Hit> hits, List<Quotations.Span> quotations,
      Map<String, Clue> evidence) {
    String text = words.text;
    int count = 0;
    for (Quotations.Span q : quotations) {
      int first = words.wordAtOrAfter(q.open() + 1);
      int last = words.wordStartingBefore(q.close());
      int quoted = last - first + 1;
      if (quoted >= 1 && quoted <= maxQuoteWords && containsChargedTerm(hits, q.open() + 1, q.close())) {
        count++;
        String term = text.substring(q.open(), q.close() + 1);
        // Keyed by the words inside the quotes, whatever the quotation marks and case.
        String key = FeatureSpace.SCARE_QUOTES + "\u0000" + term.substring(1, term.length() - 1).toLowerCase(java.util.Locale.ROOT);
        addEvidence(evidence, key, FeatureSpace.SCARE_QUOTES, term, first, 1);
      }
    }
    return count;
  }

  private static boolean containsChargedTerm(List<Hit> hits, int from, int to) {
    for (Hit hit : hits) {
      if (hit.start() >= to) {
        break;
      }
      if (hit.start() >= from && hit.end() <= to) {
        for (Role role : hit.roles()) {
          if (role.kind() == Kind.CHARGED || role.kind() == Kind.FRAMING) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static void note(Map<String, Clue> evidence, String feature, Hit hit, int w, double weight) {
    String term = hit.text().toLowerCase(java.util.Locale.ROOT);
    addEvidence(evidence, feature + "\u0000" + term, feature, term, w, weight);
  }

  /**
   * Adds weight to the evidence under {@code key}: a term seen again sums its weights and keeps the
   * word it was first seen at, whose sentence is the one shown.
   */
  private static void addEvidence(Map<String, Clue> evidence, String key, String feature, String term,
      int w, double weight) {
    Clue old = evidence.get(key);
    evidence.put(key, new Clue(feature, term, old == null ? w : old.word(), (old == null ? 0 : old.weight()) + weight));
  }

  /**
   * Direct evidence before axis words, then the larger weight, then feature and term. Written out
   * rather than chained from key extractors, which boxed each key at each comparison: sorting
   * every article's evidence with the chain was about 1.3 s of CPU at 100k.
   */
  private static int byStrength(Clue a, Clue b) {
    boolean axisA = a.feature().startsWith(FeatureSpace.AXIS);
    if (axisA != b.feature().startsWith(FeatureSpace.AXIS)) {
      return axisA ? 1 : -1;
    }
    int byWeight = Double.compare(-Math.abs(a.weight()), -Math.abs(b.weight()));
    if (byWeight != 0) {
      return byWeight;
    }
    int byFeature = a.feature().compareTo(b.feature());
    return byFeature != 0 ? byFeature : a.term().compareTo(b.term());
  }

  /**
   * The strongest pieces of evidence, ties broken by feature and term so that output is stable.
   * Axis words come after direct evidence: they place an article, but a reader looks first for the
   * quotes, names and loaded terms it used.
   */
  private List<Evidence> strongest(Map<String, Clue> evidence, TextSpans words) {
    // Round robin over features, so that one feature's many small hits do not crowd out the
    // others. A round takes one clue per feature, so only each feature's maxEvidence strongest can
    // be chosen: those are kept as the clues come, not sorted from all of them (an article gathers
    // hundreds; sorting them all was a quarter of the scoring's CPU at 100k).
    Map<String, List<Clue>> byFeature = new HashMap<>();
    for (Clue clue : evidence.values()) {
      keepFirst(byFeature.computeIfAbsent(clue.feature(), f -> new ArrayList<>(maxEvidence + 1)), clue, maxEvidence,
          ArticleScorer::byStrength);
    }
    List<Evidence> chosen = new ArrayList<>();
    for (int round = 0; chosen.size() < maxEvidence; round++) {
      List<Clue> taken = new ArrayList<>();
      for (List<Clue> strongestFirst : byFeature.values()) {
        if (round < strongestFirst.size()) {
          taken.add(strongestFirst.get(round));
        }
      }
      if (taken.isEmpty()) {
        break;
      }
      taken.sort(ArticleScorer::byStrength);
      for (Clue c : taken.subList(0, Math.min(taken.size(), maxEvidence - chosen.size()))) {
        chosen.add(new Evidence(c.feature(), c.term(), words.sentenceText(c.word(), MAX_SENTENCE_CHARS), c.weight()));
      }
    }
    return chosen;
  }
}

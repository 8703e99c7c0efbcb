package io.newsframe.clean;

import java.util.Arrays;
import java.util.Map;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;

/**
 * OpenNLP's language detector model (a maximum-entropy model over character n-grams of
 * {@link LanguageContext}) evaluated from flat arrays, with OpenNLP's arithmetic: a uniform log
 * prior, each distinct n-gram's weights added once, then exp and normalized. It is the same
 * language and confidence as {@code LanguageDetectorME.predictLanguage} to rounding
 * ({@code LanguageGuesserTest}).
 *
 * <p>Why not OpenNLP's own evaluation: it makes a string of every n-gram, counts them in a hash
 * map, looks each up in a map of 146,000 context objects, and adds weights held in two small arrays
 * per context, scattered over the heap. At 100k articles that was 27 s of the clean stage's CPU,
 * more than any other step, most of it waiting on memory. Here an n-gram of up to three chars is
 * packed into a long, looked up in one open-addressing table, and its weights read from two flat
 * arrays. A feature with many weights (a common n-gram, weighted for most languages) has them as
 * one dense row instead, zeros where it has none: adding a row is a loop the JIT turns into vector
 * instructions, where the sparse weights are one scattered addition each. Each language's score
 * still gets the same weights added in the same order (adding a zero changes no sum), so the
 * result is the same to the last bit.
 */
final class LanguageScores {
  private static final long EMPTY = 0L;
  private static final int CHAR_BITS = Character.SIZE;
  /** An n-gram's length sits above its chars in its key. */
  private static final int LENGTH_SHIFT = LanguageContext.MAX_LENGTH * CHAR_BITS;
  /**
   * The fewest weights a feature has as a dense row: about a third of the languages (about 11,000
   * features of the 146,000). On 20,000 texts of the 100k sample, one thread, the detector took
   * 1.43 s with no dense rows and 1.16 to 1.24 s with rows from 16, 32 or 64 weights, the three no
   * further apart than the machine's noise.
   */
  static final int DENSE_MIN_WEIGHTS = 32;

  private final String[] languages;
  private final double logPrior;
  private final long[] slotKeys;
  private final int[] slotFeatures;
  private final int slotBits;
  /** Feature f's weights are {@code weights[firstWeight[f] .. firstWeight[f + 1])}, for {@code outcomes} at the same places. */
  private final int[] firstWeight;
  private final short[] outcomes;
  private final double[] weights;
  /** Feature f's dense row starts at {@code rows[rowOf[f]]} (a weight per language), or rowOf[f] is -1. */
  private final int[] rowOf;
  private final double[] rows;
  /** The features of the n-grams of ASCII chars alone: most of an English or other Latin-script text's. */
  private final AsciiGrams ascii;
  private final ThreadLocal<Scratch> scratch;

  /** The most likely language and its probability. */
  record Best(String language, double confidence) {}

  /** Per-thread working space: the scores, and which features this text has added already. */
  private static final class Scratch {
    final double[] scores;
    final int[] addedIn;
    int text;

    Scratch(int languages, int features) {
      scores = new double[languages];
      addedIn = new int[features];
    }

    int nextText() {
      if (++text == 0) {
        Arrays.fill(addedIn, 0);
        text = 1;
      }
      return text;
    }
  }

  private LanguageScores(String[] languages, long[] slotKeys, int[] slotFeatures, int slotBits, int[] firstWeight,
      short[] outcomes, double[] weights, int denseMinWeights) {
    this.languages = languages;
    // What OpenNLP's UniformPrior gives every outcome before the features are added.
    this.logPrior = StrictMath.log(1.0 / languages.length);
    this.slotKeys = slotKeys;
    this.slotFeatures = slotFeatures;
    this.slotBits = slotBits;
    this.firstWeight = firstWeight;
    this.outcomes = outcomes;
    this.weights = weights;
    int features = firstWeight.length - 1;
    this.rowOf = new int[features];
    int dense = 0;
    for (int f = 0; f < features; f++) {
      boolean isDense = firstWeight[f + 1] - firstWeight[f] >= denseMinWeights;
      rowOf[f] = isDense ? dense++ * languages.length : -1;
    }
    this.rows = new double[dense * languages.length];
    for (int f = 0; f < features; f++) {
      for (int w = firstWeight[f]; rowOf[f] >= 0 && w < firstWeight[f + 1]; w++) {
        rows[rowOf[f] + outcomes[w]] = weights[w];
      }
    }
    this.ascii = new AsciiGrams(slotKeys, slotFeatures);
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(languages.length, features));
  }

  /** The model's features and weights, copied out of OpenNLP's maximum-entropy model. */
  static LanguageScores of(LanguageDetectorModel model) {
    return of(model, DENSE_MIN_WEIGHTS);
  }

  /** The same with dense rows for the features of {@code denseMinWeights} weights or more. */
  static LanguageScores of(LanguageDetectorModel model, int denseMinWeights) {
    if (!(model.getMaxentModel() instanceof GISModel gis)) {
      throw new IllegalStateException("expected a GIS maximum-entropy language model, got "
          + model.getMaxentModel().getClass().getName());
    }
    Object[] parts = gis.getDataStructures();
    @SuppressWarnings("unchecked")
    Map<String, Context> contexts = (Map<String, Context>) parts[1];
    String[] languages = (String[]) parts[2];
    if (languages.length > Short.MAX_VALUE) {
      throw new IllegalStateException("too many languages in the model: " + languages.length);
    }
    int slotBits = 32 - Integer.numberOfLeadingZeros(Math.max(2, contexts.size() * 2 - 1));
    long[] slotKeys = new long[1 << slotBits];
    int[] slotFeatures = new int[1 << slotBits];
    int[] firstWeight = new int[contexts.size() + 1];
    int total = contexts.values().stream().mapToInt(c -> c.getOutcomes().length).sum();
    short[] outcomes = new short[total];
    double[] weights = new double[total];
    int feature = 0;
    int at = 0;
    for (Map.Entry<String, Context> entry : contexts.entrySet()) {
      String gram = entry.getKey();
      if (gram.length() < LanguageContext.MIN_LENGTH || gram.length() > LanguageContext.MAX_LENGTH) {
        continue; // never among a text's n-grams
      }
      firstWeight[feature] = at;
      Context context = entry.getValue();
      for (int j = 0; j < context.getOutcomes().length; j++) {
        outcomes[at] = (short) context.getOutcomes()[j];
        weights[at++] = context.getParameters()[j];
      }
      long key = key(gram);
      int slot = slotOf(key, slotBits);
      while (slotKeys[slot] != EMPTY) {
        slot = (slot + 1) & ((1 << slotBits) - 1);
      }
      slotKeys[slot] = key;
      slotFeatures[slot] = feature++;
    }
    firstWeight[feature] = at;
    return new LanguageScores(languages, slotKeys, slotFeatures, slotBits, Arrays.copyOf(firstWeight, feature + 1),
        outcomes, weights, denseMinWeights);
  }

  /** An n-gram of one to three chars as one number: its chars, 16 bits each, under its length. */
  private static long key(String gram) {
    long chars = 0;
    for (int i = 0; i < gram.length(); i++) {
      chars = (chars << CHAR_BITS) | gram.charAt(i);
    }
    return key(gram.length(), chars);
  }

  private static long key(int length, long chars) {
    return ((long) length << LENGTH_SHIFT) | chars;
  }

  private static int slotOf(long key, int bits) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - bits));
  }

  private int featureOf(long key) {
    int mask = (1 << slotBits) - 1;
    for (int slot = slotOf(key, slotBits); ; slot = (slot + 1) & mask) {
      long found = slotKeys[slot];
      if (found == key) {
        return slotFeatures[slot];
      }
      if (found == EMPTY) {
        return -1;
      }
    }
  }

  private void add(double[] scores, int feature) {
    int row = rowOf[feature];
    if (row >= 0) {
      for (int i = 0; i < scores.length; i++) {
        scores[i] += rows[row + i];
      }
    } else {
      for (int w = firstWeight[feature]; w < firstWeight[feature + 1]; w++) {
        scores[outcomes[w]] += weights[w];
      }
    }
  }

  /**
   * The features of the n-grams whose chars are all ASCII, found without the table of all 146,000:
   * a text's one- and two-char n-grams by their chars alone (an array of 16,512 ints), its
   * three-char ones in an open-addressing table of their 21-bit codes (256 KB for the model's
   * 14,668). Both stay in a core's own cache, where the large table (6 MB) missed it on most
   * lookups while the cleaning pass's other steps ran between texts: at 100k generated articles
   * the pass took 8% less CPU. An n-gram with a char above 127 is still looked up there.
   */
  private static final class AsciiGrams {
    static final int CHAR_BITS = 7;
    static final int CHARS = 1 << CHAR_BITS;
    private static final int NONE = -1;
    /** One-char n-grams at [c], two-char ones at CHARS + [c1 c2]. */
    private final int[] shortGrams = new int[CHARS + CHARS * CHARS];
    /** Three-char n-grams' codes plus one (0 is an empty slot), and their features. */
    private final int[] longKeys;
    private final int[] longFeatures;
    private final int longMask;
    /** A code's slot is the top bits of its product with the golden ratio: this many fewer than 32. */
    private final int longShift;

    AsciiGrams(long[] slotKeys, int[] slotFeatures) {
      Arrays.fill(shortGrams, NONE);
      int threeCharGrams = 0;
      for (long key : slotKeys) {
        threeCharGrams += key != EMPTY && lengthOf(key) == 3 && isAscii(key) ? 1 : 0;
      }
      int bits = 32 - Integer.numberOfLeadingZeros(Math.max(2, threeCharGrams * 2 - 1));
      longKeys = new int[1 << bits];
      longFeatures = new int[1 << bits];
      longMask = (1 << bits) - 1;
      longShift = Integer.SIZE - bits;
      for (int slot = 0; slot < slotKeys.length; slot++) {
        long key = slotKeys[slot];
        if (key == EMPTY || !isAscii(key)) {
          continue;
        }
        int code = codeOf(key);
        switch (lengthOf(key)) {
          case 1 -> shortGrams[code] = slotFeatures[slot];
          case 2 -> shortGrams[CHARS + code] = slotFeatures[slot];
          default -> {
            int at = hash(code);
            while (longKeys[at] != 0) {
              at = (at + 1) & longMask;
            }
            longKeys[at] = code + 1;
            longFeatures[at] = slotFeatures[slot];
          }
        }
      }
    }

    /** The feature of the n-gram of {@code length} ASCII chars, CHAR_BITS each in {@code code}, or -1. */
    int featureOf(int length, int code) {
      if (length == 1) {
        return shortGrams[code];
      }
      if (length == 2) {
        return shortGrams[CHARS + code];
      }
      for (int at = hash(code); ; at = (at + 1) & longMask) {
        int found = longKeys[at];
        if (found == code + 1) {
          return longFeatures[at];
        }
        if (found == 0) {
          return NONE;
        }
      }
    }

    private int hash(int code) {
      return (code * 0x9E3779B1) >>> longShift;
    }

    private static int lengthOf(long key) {
      return (int) (key >>> LENGTH_SHIFT);
    }

    private static boolean isAscii(long key) {
      for (int i = 0; i < lengthOf(key); i++) {
        if (((key >>> (i * Character.SIZE)) & 0xFFFF) >= CHARS) {
          return false;
        }
      }
      return true;
    }

    /** The key's chars, CHAR_BITS each, first char highest. */
    private static int codeOf(long key) {
      int code = 0;
      for (int i = lengthOf(key) - 1; i >= 0; i--) {
        code = (code << CHAR_BITS) | (int) ((key >>> (i * Character.SIZE)) & 0xFFFF);
      }
      return code;
    }
  }

  /** The feature of an n-gram of one to three ASCII chars (below 128) through the small tables, or -1 (for tests). */
  int asciiFeatureOf(String gram) {
    int code = 0;
    for (int i = 0; i < gram.length(); i++) {
      code = (code << AsciiGrams.CHAR_BITS) | gram.charAt(i);
    }
    return ascii.featureOf(gram.length(), code);
  }

  /** The feature of an n-gram of one to three chars through the table of all of them, or -1 (for tests). */
  int featureOf(String gram) {
    return featureOf(key(gram));
  }

  /** The most likely language of {@code document} (OpenNLP's first on a tie) and its probability. */
  Best best(CharSequence document) {
    String text = LanguageContext.normalized(document);
    Scratch work = scratch.get();
    int textMark = work.nextText();
    double[] scores = work.scores;
    Arrays.fill(scores, logPrior);
    for (int start = 0; start < text.length(); start++) {
      long chars = 0;
      int asciiChars = 0;
      boolean allAscii = true;
      for (int length = 1; length <= LanguageContext.MAX_LENGTH && start + length <= text.length(); length++) {
        char c = text.charAt(start + length - 1);
        chars = (chars << CHAR_BITS) | c;
        allAscii &= c < AsciiGrams.CHARS;
        asciiChars = (asciiChars << AsciiGrams.CHAR_BITS) | (c & (AsciiGrams.CHARS - 1));
        int feature = allAscii ? ascii.featureOf(length, asciiChars) : featureOf(key(length, chars));
        if (feature >= 0 && work.addedIn[feature] != textMark) {
          work.addedIn[feature] = textMark;
          add(scores, feature);
        }
      }
    }
    double sum = 0;
    for (int i = 0; i < scores.length; i++) {
      scores[i] = StrictMath.exp(scores[i]);
      sum += scores[i];
    }
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    return new Best(languages[best], scores[best] / sum);
  }
}

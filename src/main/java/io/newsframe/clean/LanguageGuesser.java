package io.newsframe.clean;

import io.newsframe.text.ClasspathModel;
import java.io.Serializable;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * OpenNLP's language detector (103 languages, ISO 639-3 codes) on a prefix of the text. The model
 * is loaded once per executor JVM and evaluated by {@link LanguageScores}: OpenNLP's features and
 * arithmetic, faster.
 */
final class LanguageGuesser implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String UNDETERMINED = "und";
  private static final ClasspathModel<LanguageScores> MODEL =
      new ClasspathModel<>("/langdetect-183.bin", in -> LanguageScores.of(new LanguageDetectorModel(in)));

  private final int detectChars;
  private final double minConfidence;

  /** A language and the detector's confidence in it. */
  public record Guess(String language, double confidence) {}

  public LanguageGuesser(int detectChars, double minConfidence) {
    this.detectChars = detectChars;
    this.minConfidence = minConfidence;
  }

  /** Loads the model in this JVM now, unless it is loaded. */
  static void preloadModel() {
    MODEL.get();
  }

  public Guess guess(String text) {
    if (text == null || text.isBlank()) {
      return new Guess(UNDETERMINED, 0);
    }
    String prefix = text.length() > detectChars ? text.substring(0, detectChars) : text;
    LanguageScores.Best best = MODEL.get().best(prefix);
    return best.confidence() < minConfidence
        ? new Guess(UNDETERMINED, best.confidence()) : new Guess(best.language(), best.confidence());
  }
}

package io.newsframe.clean;

import io.newsframe.text.ClasspathModel;
import java.io.Serializable;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * OpenNLP's language detector (103 languages, ISO 639-3 codes) on a prefix of the text. The model
 * is loaded once per executor JVM; detectors are per thread, as OpenNLP's are not thread-safe. They
 * read the model's features through {@link LanguageContext}, the same features found faster.
 */
final class LanguageGuesser implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String UNDETERMINED = "und";
  private static final ClasspathModel<LanguageDetectorModel> MODEL =
      new ClasspathModel<>("/langdetect-183.bin", LanguageDetectorModel::new);
  private static final ThreadLocal<LanguageDetectorME> DETECTOR = ThreadLocal.withInitial(() ->
      new LanguageDetectorME(new LanguageDetectorModel(MODEL.get().getMaxentModel(), Map.of(), new LanguageContextFactory())));

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
    Language best = DETECTOR.get().predictLanguage(prefix);
    return best.getConfidence() < minConfidence
        ? new Guess(UNDETERMINED, best.getConfidence()) : new Guess(best.getLang(), best.getConfidence());
  }
}

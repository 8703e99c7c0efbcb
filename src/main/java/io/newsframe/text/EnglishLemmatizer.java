package io.newsframe.text;

import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;

/**
 * Dictionary forms of English words in context: OpenNLP's maximum-entropy part-of-speech tagger
 * and lemmatizer, both trained on Universal Dependencies English EWT (the Apache OpenNLP model
 * jars {@code opennlp-models-pos-en} and {@code opennlp-models-lemmatizer-en}, Apache-2.0). The
 * lemmatizer needs each word's part of speech ("meeting" the noun stays, the verb becomes
 * "meet"), so it takes a sentence at a time. Models load once per JVM; taggers are per thread, as
 * OpenNLP's are not thread-safe.
 */
public final class EnglishLemmatizer {
  private static final ClasspathModel<POSModel> POS =
      new ClasspathModel<>("/opennlp-en-ud-ewt-pos-1.2-2.5.0.bin", POSModel::new);
  private static final ClasspathModel<LemmatizerModel> LEMMAS =
      new ClasspathModel<>("/opennlp-en-ud-ewt-lemmas-1.2-2.5.0.bin", LemmatizerModel::new);
  private static final ThreadLocal<POSTaggerME> TAGGER = ThreadLocal.withInitial(() -> new POSTaggerME(POS.get()));
  private static final ThreadLocal<LemmatizerME> LEMMATIZER =
      ThreadLocal.withInitial(() -> new LemmatizerME(LEMMAS.get()));
  /** What the lemmatizer answers for a word it has no lemma for. */
  private static final String UNKNOWN = "O";

  private EnglishLemmatizer() {}

  /**
   * @param sentence the words of one sentence, in order and as written (case helps the tagger)
   * @return each word's lemma in lower case; the lower-case word itself where there is none
   */
  public static String[] lemmas(String[] sentence) {
    if (sentence.length == 0) {
      return sentence;
    }
    String[] tags = TAGGER.get().tag(sentence);
    String[] lemmas = LEMMATIZER.get().lemmatize(sentence, tags);
    String[] out = new String[sentence.length];
    for (int i = 0; i < sentence.length; i++) {
      String lemma = lemmas[i];
      out[i] = (lemma == null || lemma.isEmpty() || UNKNOWN.equals(lemma) ? sentence[i] : lemma)
          .toLowerCase(java.util.Locale.ROOT);
    }
    return out;
  }
}

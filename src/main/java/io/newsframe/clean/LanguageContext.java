package io.newsframe.clean;

import java.util.HashSet;
import java.util.Set;
import opennlp.tools.langdetect.DefaultLanguageDetectorContextGenerator;
import opennlp.tools.util.StringUtil;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * The features OpenNLP's language detector reads from a text, the same as its default context
 * generator gives: the text through the same normalizers, lower-cased the same way, and its
 * distinct character n-grams of one to three characters. They are collected as strings in a hash
 * set instead of OpenNLP's n-gram model of character buffers, which hashed and compared every
 * n-gram char by char and copied each into a string again for the model: that model was a third
 * of the detector's time. The n-gram lengths and normalizers are OpenNLP's factory's (langdetect
 * 1.8.3 model); {@code LanguageGuesserTest} checks the features are the same set on real text.
 */
final class LanguageContext extends DefaultLanguageDetectorContextGenerator {
  private static final long serialVersionUID = 1L;
  private static final int MIN_LENGTH = 1;
  private static final int MAX_LENGTH = 3;

  LanguageContext() {
    super(MIN_LENGTH, MAX_LENGTH, EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
        TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
        ShrinkCharSequenceNormalizer.getInstance());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends CharSequence> T[] getContext(CharSequence document) {
    String text = StringUtil.toLowerCaseCharBuffer(normalizer.normalize(document)).toString();
    Set<String> grams = new HashSet<>(text.length() * 2);
    for (int length = minLength; length <= maxLength; length++) {
      for (int start = 0; start + length <= text.length(); start++) {
        grams.add(text.substring(start, start + length));
      }
    }
    return (T[]) grams.toArray(new String[0]);
  }
}

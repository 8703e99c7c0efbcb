package io.newsframe.clean;

import opennlp.tools.langdetect.LanguageDetectorContextGenerator;
import opennlp.tools.langdetect.LanguageDetectorFactory;

/**
 * OpenNLP's language detector factory with {@link LanguageContext} as its context generator.
 * Public and top-level: OpenNLP makes a model's factory again from its class name, by reflection.
 */
public final class LanguageContextFactory extends LanguageDetectorFactory {
  public LanguageContextFactory() {
    super();
  }

  @Override
  public LanguageDetectorContextGenerator getContextGenerator() {
    return new LanguageContext();
  }
}

/**
 * The clean stage: reads {@code raw_articles} of the run, writes {@code articles}.
 *
 * <p>A Spark ML pipeline fitted on the batch and saved with the run: {@link
 * io.newsframe.clean.BoilerplateRemover} (learns recurring chrome lines; its model normalizes each
 * article, classifies its lines and finds its title), {@link io.newsframe.clean.MetadataExtractor}
 * (outlet, date, dateline), {@link io.newsframe.clean.LanguageIdentifier} and {@link
 * io.newsframe.clean.QualityFilter}; then {@link io.newsframe.clean.DuplicateClusters} over the
 * clean texts.
 *
 * <p>Invariants: one articles row per raw_articles row; every removed line is kept with its reason;
 * an article is left out of modelling only with a recorded cause (quality flag, language, or not
 * being its duplicate cluster's canonical member).
 */
package io.newsframe.clean;

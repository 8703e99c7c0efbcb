/**
 * The features stage: reads the run's {@code articles} rows with {@code for_modelling}, writes
 * {@code article_tokens}, {@code article_features} and {@code vocabulary}.
 *
 * <p>A Spark ML pipeline fitted on the batch and saved with the run: {@link
 * io.newsframe.features.TermTokenizer} (terms of headline and body by {@link
 * io.newsframe.features.TermAnalyzer}), {@link io.newsframe.features.PhraseDetector} once per
 * phrase pass, a filter dropping sentence boundaries, MLlib's CountVectorizer and IDF (the IDF
 * model made from the document frequencies the vectorizer counts while it fits: {@link
 * io.newsframe.text.StableCountVectorizer#idfModel}).
 *
 * <p>Invariants: one article_tokens and one article_features row per modelled article; tokens hold
 * only vocabulary terms, in text order, and are what the topic model reads and its coherence is
 * counted over.
 */
package io.newsframe.features;

/**
 * The topics stage: reads the run's {@code article_tokens} and {@code vocabulary} (and headlines,
 * sources and dates from {@code articles}), writes {@code topics}, {@code article_topics}, {@code
 * topic_trends} and {@code topic_sources}.
 *
 * <p>LDA by approximate distributed collapsed Gibbs sampling ({@link
 * io.newsframe.topics.AdLdaTrainer} over {@link io.newsframe.topics.GibbsSweep}), hyperparameters
 * optimized by {@link io.newsframe.topics.Dirichlet}, coherence by {@link
 * io.newsframe.topics.Coherence}; the fitted {@link io.newsframe.topics.TopicModel} is saved with
 * the run and infers the mixture of new documents.
 *
 * <p>Invariants: one article_topics row per article with tokens, its distribution summing to 1;
 * same tokens, settings and seed give the same model (partitions are fixed by article id).
 */
package io.newsframe.topics;

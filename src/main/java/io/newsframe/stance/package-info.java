/**
 * The stance stage: reads the run's {@code articles} (title, text, source, date) and
 * {@code article_topics}, writes {@code article_stance}, {@code stance_clusters}, {@code
 * source_stance} and {@code topic_stance}.
 *
 * <p>Every article is scored on named, explainable features ({@link io.newsframe.stance.FeatureSpace}):
 * for each configured target, its mentions, the polarity of the words around them and the
 * statements attributed to it; loaded-term choices (framing groups, counted outside quotations:
 * {@link io.newsframe.stance.Quotations}) and the article's position on framing axes; hedges, scare
 * quotes, and cooperation or conflict language between targets. All names and term lists come from
 * conf {@code newsframe.stance} and are matched in one Aho–Corasick pass ({@link
 * io.newsframe.stance.TermMatcher}). The polarity lexicon and the axis word weights are learned
 * from the batch ({@link io.newsframe.stance.PolarityLexicon}; {@link io.newsframe.stance.FramingAxes}:
 * a logistic regression on the articles that use one side's loaded terms, {@link
 * io.newsframe.stance.AxisRegression}), so no third-party
 * lexicon (and its licence) is needed.
 *
 * <p>The features named by {@code stance.cluster-features} (by default the framing axes, which place
 * every article) are standardized and clustered with MLlib k-means ({@link
 * io.newsframe.stance.StanceClustering}); k is given or chosen by silhouette among candidates that
 * are stable across seeds (the fewest clusters within a tolerance of the best), scored on a bounded
 * sample on the driver ({@link io.newsframe.stance.SampleSweep}); so are the clusters within each
 * major topic, on a bounded draw of its articles ({@link io.newsframe.stance.TopicClusters}). The model is fitted on the modelled articles and then places every
 * article of the run, duplicates included, except those whose body is shorter than {@code
 * stance.min-body-words} (cluster -1: a headline alone is too little to judge). The fitted {@link io.newsframe.stance.StanceModel} is saved with the run
 * and reused by later runs with {@code stance.model = latest}. {@link io.newsframe.stance.StanceStage}
 * fits, scores and clusters (article_stance); {@link io.newsframe.stance.ClusterSummaries} describes
 * each cluster (stance_clusters); {@link io.newsframe.stance.StanceShares} divides outlets and topics
 * among the clusters (source_stance, topic_stance).
 *
 * <p>Invariants: one article_stance row per article of the run; same articles, settings and seed give
 * the same clusters; nothing proportional to the corpus is collected to the driver (the lexicon and
 * axis weights are capped by configuration, the training articles and the samples the clusters
 * are fitted on by configuration too, cluster summaries by k).
 */
package io.newsframe.stance;

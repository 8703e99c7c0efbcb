/**
 * A run, in the order of docs/architecture.md: the warehouse lock ({@link io.newsframe.pipeline.RunLock}),
 * recovery of what killed runs left ({@link io.newsframe.pipeline.Recovery}), the stages in order
 * on the run's branches, one publish of all of them through the publish journal (or none when a
 * stage fails), and maintenance ({@link io.newsframe.pipeline.Maintenance}). Every attempt has its
 * row in {@code runs} and its stages in {@code run_stages} ({@link io.newsframe.pipeline.RunHistory});
 * {@link io.newsframe.pipeline.ModelStore} is the one place that says where models are saved and
 * which one a stage reuses. Steps that work article by article spread the run's articles over
 * tasks with {@link io.newsframe.pipeline.ArticleTasks}, so that no task's share grows with the corpus.
 */
package io.newsframe.pipeline;

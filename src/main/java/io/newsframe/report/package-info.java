/**
 * The run's report: {@link io.newsframe.report.ReportData} reads one run's rows of the result
 * tables as small aggregates (accounting, cleaning audit, topics, stance clusters, source and topic
 * maps), and {@link io.newsframe.report.ReportPage} renders them as one self-contained HTML page
 * (inline CSS and SVG, a Content-Security-Policy with no script, every value HTML-escaped by the
 * Mustache template). Reads: runs, run_stages, rejects, articles, topics, topic_trends,
 * stance_clusters, article_stance, source_stance, topic_stance. Writes: nothing but the page.
 */
package io.newsframe.report;

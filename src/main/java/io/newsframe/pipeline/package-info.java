/**
 * A run: its id and date, the stages in order, their timing and counts, and the ledger tables
 * ({@code runs}, {@code run_stages}). Stages write to the run's branch; the run publishes all of
 * them at the end, or none when a stage fails.
 */
package io.newsframe.pipeline;

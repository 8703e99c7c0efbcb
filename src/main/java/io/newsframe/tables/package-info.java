/**
 * The result tables: their names, columns and schemas ({@link TableSpec}), the Iceberg catalog
 * they live in, and how a run writes them ({@link Warehouse}).
 *
 * <p>Every table is partitioned by {@code run_date}. A run writes its slice of each data table to
 * an Iceberg branch of its own and, once every stage has succeeded, fast-forwards each table's main
 * branch to it: readers of main never see a half-written run, and a failed run leaves main as it
 * was. Writing a slice replaces every row of that run date, so a re-run replaces, never doubles.
 * The ledger tables ({@code runs}, {@code run_stages}) are written to main directly.
 */
package io.newsframe.tables;

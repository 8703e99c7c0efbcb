/**
 * Spark ML persistence as the stages' models use it: reading what Spark ML saved (the same folders,
 * written by Spark's own writers) without a Spark job for each small file; and independent fits
 * (or commits) run side by side from the driver.
 */
package io.newsframe.ml;

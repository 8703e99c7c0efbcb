/**
 * Spark ML persistence as the stages' models use it: reading what Spark ML saved (the same folders,
 * written by Spark's own writers) without a Spark job for each small file.
 */
package io.newsframe.ml;

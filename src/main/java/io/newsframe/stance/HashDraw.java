package io.newsframe.stance;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;

/**
 * A row's draw in [0, 1) from a hash of its own values: a row is in a sample of share s when its
 * draw is below s. The same rows draw the same values however the batch is partitioned or
 * ordered, so a sample taken this way is reproducible where Spark's seeded sample is not.
 */
final class HashDraw {
  /** The hash's residues: fine enough for any share a sample asks for. */
  private static final long DRAWS = 1L << 40;

  private HashDraw() {}

  static Column of(Column key) {
    return pmod(xxhash64(key), lit(DRAWS)).divide((double) DRAWS);
  }
}

package io.newsframe.ingest;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.io.Serializable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * One file of the input: its full URI, the path its records' ids derive from ({@link StableIds}),
 * its size and modification time (epoch milliseconds) as listed, and how it is read. A listing is
 * a Dataset of these as rows ({@link #SCHEMA}), so that no per-file state needs the driver.
 */
public record InputFile(String uri, String idKey, long length, long modifiedAt, FileKind kind)
    implements Serializable {
  public static final String URI = "uri";
  public static final String ID_KEY = "id_key";
  public static final String LENGTH = "length";
  public static final String MODIFIED_AT = "modified_at";
  public static final String KIND = "kind";

  /** The columns of a listing, in the order of {@link #toRow}. */
  public static final StructType SCHEMA = new StructType()
      .add(URI, StringType, false)
      .add(ID_KEY, StringType, false)
      .add(LENGTH, LongType, false)
      .add(MODIFIED_AT, LongType, false)
      .add(KIND, StringType, false);

  /** The listing's columns of a wider Dataset, in {@link #SCHEMA}'s order. */
  public static Column[] columns() {
    return java.util.Arrays.stream(SCHEMA.fieldNames()).map(functions::col).toArray(Column[]::new);
  }

  public Row toRow() {
    return RowFactory.create(uri, idKey, length, modifiedAt, kind.name());
  }

  /** The file of a row that has the listing's columns (others may follow). */
  public static InputFile of(Row row) {
    return new InputFile(row.getAs(URI), row.getAs(ID_KEY), row.<Long>getAs(LENGTH), row.<Long>getAs(MODIFIED_AT),
        FileKind.valueOf(row.getAs(KIND)));
  }
}

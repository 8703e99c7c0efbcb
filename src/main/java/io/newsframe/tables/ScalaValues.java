package io.newsframe.tables;

import java.util.List;
import java.util.Map;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Java values as Spark's rows and UDFs take them: array columns are Scala sequences and map
 * columns Scala maps, in both directions. The one place the stages convert them.
 */
public final class ScalaValues {
  private ScalaValues() {}

  /** An array column's value: an immutable Scala sequence of {@code values}, copied. */
  public static <T> Seq<T> seq(List<T> values) {
    return CollectionConverters.asScala(values).toList();
  }

  /** An array column's value as a UDF receives it, as a Java list (a view, not a copy). */
  public static <T> List<T> list(scala.collection.Seq<T> values) {
    return CollectionConverters.asJava(values);
  }

  /** A map column's value: a Scala view of {@code values}. */
  public static <K, V> scala.collection.Map<K, V> map(Map<K, V> values) {
    return CollectionConverters.asScala(values);
  }
}

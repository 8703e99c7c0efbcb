package io.newsframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.newsframe.SharedSpark;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** jobs/query's guard, on Spark's parse of each statement (with the session's Iceberg extensions). */
class ReadOnlySqlTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT count(*) FROM articles",
      "WITH latest AS (SELECT max(run_date) d FROM runs) SELECT * FROM articles, latest WHERE run_date = d",
      "SELECT * FROM articles.snapshots",
      "SELECT * FROM articles VERSION AS OF 1",
      "VALUES (1)",
      "SHOW TABLES",
      "DESCRIBE TABLE articles",
      "SHOW CREATE TABLE articles",
      "EXPLAIN SELECT 1",
      "EXPLAIN DELETE FROM articles",
      "SET spark.sql.shuffle.partitions = 2",
      "USE newsframe.test",
      "CREATE TEMPORARY VIEW latest AS SELECT * FROM runs",
      "CACHE TABLE articles"})
  void readingStatementsPass(String sql) {
    assertEquals(List.of(), ReadOnlySql.writes(SharedSpark.session(), sql));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO articles SELECT * FROM articles",
      "WITH t AS (SELECT * FROM articles) INSERT INTO articles SELECT * FROM t",
      "FROM articles INSERT INTO articles SELECT *",
      "INSERT OVERWRITE DIRECTORY '/tmp/out' SELECT 1",
      "DELETE FROM articles WHERE id = 'a'",
      "UPDATE runs SET status = 'failed'",
      "MERGE INTO articles t USING articles s ON t.id = s.id WHEN MATCHED THEN DELETE",
      "DROP TABLE articles",
      "TRUNCATE TABLE articles",
      "CREATE TABLE copy AS SELECT * FROM articles",
      "CREATE VIEW kept AS SELECT * FROM articles",
      "ALTER TABLE articles ADD COLUMN note string",
      "ALTER TABLE articles CREATE BRANCH scratch",
      "CALL newsframe.system.expire_snapshots('test.articles')",
      "ADD JAR /tmp/code.jar",
      "CREATE FUNCTION f AS 'x.Y'"})
  void writingStatementsAreNamed(String sql) {
    assertFalse(ReadOnlySql.writes(SharedSpark.session(), sql).isEmpty(), sql);
  }
}

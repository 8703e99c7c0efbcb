package io.newsframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsframe.config.ConfigError;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
  @Test
  void splitsOnSemicolonsOutsideQuotesAndComments() {
    SqlScript script = SqlScript.parse("""
        -- name: rejects
        SELECT reason, count(*) FROM rejects WHERE detail <> 'a;b' GROUP BY reason;
        -- a comment; not a statement
        SELECT "x;y", `odd;name` FROM t WHERE s = 'it\\'s; fine';
        -- name: last
        SELECT 1
        """, "q.sql");
    assertEquals(List.of(
        new SqlScript.Statement("rejects", "SELECT reason, count(*) FROM rejects WHERE detail <> 'a;b' GROUP BY reason"),
        new SqlScript.Statement("result-2", "SELECT \"x;y\", `odd;name` FROM t WHERE s = 'it\\'s; fine'"),
        new SqlScript.Statement("last", "SELECT 1")), script.statements());
  }

  @Test
  void badScriptsNameTheFileAndTheProblem() {
    assertEquals("q.sql: a quote (') is never closed",
        assertThrows(ConfigError.class, () -> SqlScript.parse("SELECT 'open", "q.sql")).getMessage());
    assertEquals("q.sql: two statements are named a", assertThrows(ConfigError.class,
        () -> SqlScript.parse("-- name: a\nSELECT 1;\n-- name: a\nSELECT 2;", "q.sql")).getMessage());
    assertEquals("q.sql: the result name ../x must be letters, digits, _ . or -", assertThrows(ConfigError.class,
        () -> SqlScript.parse("-- name: ../x\nSELECT 1", "q.sql")).getMessage());
    assertEquals("q.sql: no SQL statement in it",
        assertThrows(ConfigError.class, () -> SqlScript.parse("-- nothing\n;\n", "q.sql")).getMessage());
  }
}

package io.newsframe.cli;

import io.newsframe.config.ConfigError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file of SQL statements for one {@code jobs/query} call (one JVM, one session for a notebook's
 * every query). Statements end with {@code ;} outside quotes and comments; a {@code -- name: x}
 * comment before one names its result (the file {@code x.csv} with {@code --out}).
 */
record SqlScript(List<Statement> statements) {
  private static final Pattern NAME = Pattern.compile("--\\s*name:\\s*(\\S+)\\s*");
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  record Statement(String name, String sql) {}

  static SqlScript parse(String text, String origin) {
    List<Statement> statements = new ArrayList<>();
    Set<String> names = new HashSet<>();
    StringBuilder current = new StringBuilder();
    String name = null;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        current.append(c);
        if (c == '\\' && quote != '`' && i + 1 < text.length()) {
          current.append(text.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
        int end = text.indexOf('\n', i);
        String comment = text.substring(i, end < 0 ? text.length() : end);
        Matcher m = NAME.matcher(comment);
        if (m.matches()) {
          name = m.group(1);
        }
        i = (end < 0 ? text.length() : end) - 1;
      } else if (c == ';') {
        add(statements, names, name, current, origin);
        current.setLength(0);
        name = null;
      } else {
        if (c == '\'' || c == '"' || c == '`') {
          quote = c;
        }
        current.append(c);
      }
    }
    if (quote != 0) {
      throw new ConfigError(origin + ": a quote (" + quote + ") is never closed");
    }
    add(statements, names, name, current, origin);
    if (statements.isEmpty()) {
      throw new ConfigError(origin + ": no SQL statement in it");
    }
    return new SqlScript(List.copyOf(statements));
  }

  private static void add(List<Statement> statements, Set<String> names, String name, StringBuilder sql,
      String origin) {
    String text = sql.toString().strip();
    if (text.isEmpty()) {
      return;
    }
    String resultName = name != null ? name : "result-" + (statements.size() + 1);
    if (!SAFE_NAME.matcher(resultName).matches()) {
      throw new ConfigError(origin + ": the result name " + resultName + " must be letters, digits, _ . or -");
    }
    if (!names.add(resultName)) {
      throw new ConfigError(origin + ": two statements are named " + resultName);
    }
    statements.add(new Statement(resultName, text));
  }
}

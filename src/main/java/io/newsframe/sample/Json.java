package io.newsframe.sample;

/** The little JSON the generator writes: string fields, escaped per RFC 8259. */
final class Json {
  private Json() {}

  static String field(String name, Object value) {
    return quote(name) + ": " + (value == null ? "null"
        : value instanceof Number || value instanceof Boolean ? value.toString() : quote(value.toString()));
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}

package io.newsframe.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * One generated article before it is dressed as a file or a record: who published it, about what,
 * when, its headline and body paragraphs, and what it copies (if anything).
 */
record SampleArticle(
    int index,
    Outlet outlet,
    Lexicon.Topic topic,
    LocalDate date,
    String title,
    List<String> paragraphs,
    Kind kind,
    Integer copyOf) {

  /** Whether an article is new or a copy of an earlier one. */
  enum Kind {
    ORIGINAL,
    /** The same bytes saved again by the same outlet under another name. */
    EXACT_DUPLICATE,
    /** Another outlet's republication of an earlier article, lightly edited. */
    SYNDICATED
  }

  String key() {
    return key(index);
  }

  static String key(int index) {
    return String.format("a%07d", index);
  }
}

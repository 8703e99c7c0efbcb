package io.newsframe.clean;

import java.util.List;

/**
 * One article after boilerplate removal: its title and how it was found, its body lines joined as
 * paragraphs, every removed line with its reason, the author a byline named, and the site name
 * taken off the end of its title ({@link TitleSites}), or null.
 */
record CleanedText(String title, String titleMethod, String text, List<RemovedLine> removed,
    String author, String titleSite) {

  /** A line that is not in the body, with its 0-based position among the non-empty lines. */
  public record RemovedLine(int line, String text, String reason) {}
}

package io.newsframe.clean;

import java.io.Serializable;
import io.newsframe.text.Words;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names an article's outlet: the record's source field, else the site name its title ended with
 * ("Headline — RT World News", learned from the batch by {@link TitleSites}), else chrome that
 * names it ("Site icon YCNews", "(Alliance News):", "TKS: Headline", "GENERICO.ruWorld…",
 * "Headline | The Daily Telegraph"), else the URL's host.
 */
final class SourceFinder implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern AGENCY = Pattern.compile(
      "\\b[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]{2,}){0,2},? [A-Z][a-z]{2,8}\\.? \\d{1,2} \\(([A-Z][\\w&.' -]{1,40})\\):");
  private static final Pattern DOMAIN_PREFIX = Pattern.compile(
      "^([A-Za-z0-9-]{2,40}\\.(?:com|ru|org|net|info|news|co\\.uk|de|fr|ua|cn|in|pk|[a-z]{2}))(?=[A-Z]|\\s|$)");
  private static final Pattern PAGE_TITLE_SITE = Pattern.compile("\\s(?:\\||-|–|—)\\s([^|–—-]{2,60})$");
  /** Most characters a page-title line has beyond its headline: more, and it is glued body text. */
  private static final int MAX_SITE_SUFFIX_CHARS = 64;

  /** The outlet and how it was found. */
  public record Found(String source, String method) {}

  public Found find(String recordSource, String titleSite, String url, String normalizedText, String title) {
    if (recordSource != null && !recordSource.isBlank()) {
      return new Found(recordSource.strip(), "record");
    }
    if (titleSite != null && !titleSite.isBlank()) {
      return new Found(titleSite.strip(), "title_site");
    }
    List<String> lines = ArticleCleaner.nonEmptyLines(normalizedText == null ? "" : normalizedText);
    for (String line : lines.subList(0, Math.min(5, lines.size()))) {
      String icon = SourceChrome.siteIcon(line);
      if (icon != null) {
        return new Found(icon, "site_icon");
      }
    }
    String head = String.join("\n", lines.subList(0, Math.min(8, lines.size())));
    // Each pattern is tried only where what it must end with is in the head: tried at every
    // capital of the head, they took 1.6 s of CPU at 100,000 articles that nearly all lack it.
    Matcher agency = head.contains("):") ? AGENCY.matcher(head) : null;
    if (agency != null && agency.find()) {
      return new Found(agency.group(1).strip(), "dateline");
    }
    if (title != null && !lines.isEmpty() && colonBefore(head, title)) {
      Matcher prefix = Pattern.compile("([A-Z][\\w&.' -]{0,24}?):\\s*" + Pattern.quote(title)).matcher(head);
      if (prefix.find()) {
        return new Found(prefix.group(1).strip(), "title_prefix");
      }
    }
    if (!lines.isEmpty()) {
      Matcher domain = DOMAIN_PREFIX.matcher(lines.get(0));
      if (domain.find()) {
        return new Found(domain.group(1), "domain_prefix");
      }
      Matcher site = PAGE_TITLE_SITE.matcher(lines.get(0));
      boolean titleLine = title != null && lines.get(0).startsWith(title)
          && lines.get(0).length() - title.length() <= MAX_SITE_SUFFIX_CHARS;
      if (titleLine && site.find()) {
        return new Found(site.group(1).strip(), "page_title");
      }
    }
    String host = host(url);
    return host != null ? new Found(host, "url_host") : new Found(null, "none");
  }

  /** Whether {@code title} stands somewhere in {@code head} after a colon and white space ({@code \s*}). */
  static boolean colonBefore(String head, String title) {
    for (int at = head.indexOf(title); at >= 0; at = head.indexOf(title, at + 1)) {
      int before = at - 1;
      while (before >= 0 && Words.isRegexSpace(head.charAt(before))) {
        before--;
      }
      if (before >= 0 && head.charAt(before) == ':') {
        return true;
      }
    }
    return false;
  }

  static String host(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      String host = URI.create(url.strip()).getHost();
      return host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

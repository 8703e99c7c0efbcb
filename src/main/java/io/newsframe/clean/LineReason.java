package io.newsframe.clean;

import java.util.Locale;

/** Why a line of a raw article is not part of its clean text. Codes go into the articles table. */
enum LineReason {
  /** The article's headline: moved to the title column. */
  TITLE,
  /** A normalized line that recurs across many documents of the batch: site chrome. */
  REPEATED_LINE,
  /** Chrome the batch repeats inside lines: menus or footers a scraper glued to the text. */
  REPEATED_PASSAGE,
  /** An ads.txt record: ", pub-123, DIRECT, f08c47fec0942fa0". */
  ADS_TXT,
  /** Comment forms: "Leave a Reply", "Please enter your comment!". */
  COMMENT_FORM,
  /** Share, follow, subscribe and newsletter prompts. */
  SHARE_PROMPT,
  /** HTML tags or script the scraper left in the text: {@code <div class="ad">}, {@code var x = ...}. */
  MARKUP,
  /** Cookie and privacy notices. */
  COOKIE_NOTICE,
  /** Copyright and legal lines. */
  COPYRIGHT,
  /** "By Laurence Peter": the author, kept in the author column. */
  BYLINE,
  /** Photo captions and credits: "Image source, EPA", "Photo: Reuters". */
  CAPTION,
  /** A line that is only a date or a time ("14 hours ago", "March 19, 2021"). */
  TIMESTAMP,
  /** Menus, section names, breadcrumbs: short lines without sentences. */
  NAVIGATION,
  /** The marker where the article ends ("Source link", "Related Coverage") and chrome after it. */
  FOOTER,
  /** Headlines and truncated leads of other articles after the body. */
  TEASER,
  /** Text without the marks of prose (few function words) outside the body. */
  LOW_CONTENT;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}

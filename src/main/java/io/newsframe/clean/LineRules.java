package io.newsframe.clean;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules that recognise a line as chrome by its wording alone, from the web-text cleaning
 * literature (C4's cookie and javascript lines, jusText's and boilerpipe's end markers) and the
 * shapes of scraped news. Each returns the reason, or null when the line is not such chrome.
 */
final class LineRules {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final Pattern ADS_TXT = Pattern.compile(
      "^([a-z0-9.-]+\\.[a-z]{2,})?\\s*,\\s*(pub-\\d{6,}|\\d{3,}|[0-9a-f]{8,})\\s*,\\s*(DIRECT|RESELLER)\\b.*", FLAGS);
  private static final Pattern COMMENT_FORM = Pattern.compile(
      "^(leave a (reply|comment)|post a comment|no comments:?|please enter your (comment|name here|name|email)[!.]?|"
          + "your email address will not be published.*|required fields are marked.*|"
          + "(add|write|view|show|hide|read) (a |all |your )?comments?.*|comments?( \\(\\d+\\))?|"
          + "\\d+ comments?|you must be logged in to post a comment.*|"
          + "save my name, email,? and website.*|notify me of (new|follow-up) .*|cancel reply|"
          + "join the conversation.*|comments are closed.*)$", FLAGS);
  private static final Pattern SHARE = Pattern.compile(
      "^(share( this( article| story| page| with \\w+)?)?( on \\w+)?( what is this\\??)?|tweet|e-?mail( this( article| story| page)?)?|"
          + "print( this (article|story|page))?|"
          + "(share|follow|like) (us|on|with) .*|subscribe( to .*| now.*)?|sign up (for|to) .*|"
          + "click here to .*|(get|receive) (our|the) .*newsletter.*|"
          + "download (our|the) app.*|follow us.*|(facebook|twitter|whatsapp|telegram|linkedin|reddit|"
          + "pinterest|email|print)( [|/•·] ?(facebook|twitter|whatsapp|telegram|linkedin|reddit|"
          + "pinterest|email|print))+|copy link|link copied.*|advertisement|sponsored( content)?|"
          + "skip to (main )?content|skip to .*|back to top( button)?|exit mobile version|"
          + "scroll (down|to) .*|read more:?.*|continue reading.*|see also:?.*)$", FLAGS);
  /** A share prompt that names a newsletter anywhere: SHARE's one alternative that scans the line. */
  static final Pattern NEWSLETTER = Pattern.compile("^.*\\bnewsletter\\b.{0,40}$", FLAGS);
  static final Pattern COOKIE = Pattern.compile(
      ".*\\b(cookie (policy|settings|notice|preferences)|(use|uses|accept|accept all|allow|enable) cookies|"
          + "privacy (policy|settings|notice)|terms (of|and) (use|service|conditions)|"
          + "(enable|turn on|requires?) javascript|javascript (is )?(disabled|required|turned off))\\b.*", FLAGS);
  static final Pattern COPYRIGHT = Pattern.compile(
      "^\\(?(©|\\(c\\)|copyright\\b|all rights reserved).*|.*\\ball rights reserved\\.?\\)?$|"
          + "^this page was last (edited|modified|updated)\\b.*", FLAGS);
  private static final Pattern BYLINE = Pattern.compile(
      "^(?i:by|written by|words by|reporting by|posted by|author:?)\\s+([\\p{Lu}][\\p{L}.'-]+(\\s+[\\p{Lu}][\\p{L}.'-]+){0,3})"
          + "(\\s*(,|\\||-|–|—|and)\\s*.{0,60})?$");
  private static final Pattern CAPTION = Pattern.compile(
      "^((image|photo|picture|video) (source|credit|caption)s?[,:]?.*|(photo|image|picture|video|file photo|"
          + "pictured|above|top|main image)s?\\s*[:|/(].{0,80}|\\(?(photo|image|picture)s?( by| credit)?:?\\s.{0,60}\\)?)$", FLAGS);
  /** A caption that ends with its agency's credit: CAPTION's one alternative that scans the line. */
  static final Pattern AGENCY_CREDIT = Pattern.compile(
      "^.{0,80}\\((reuters|ap|afp|getty images?|epa|tass|ria novosti|sputnik|anadolu|xinhua|"
          + "ap photo[^)]*|reuters/[^)]*|afp via getty images|getty)\\)\\.?$", FLAGS);
  private static final Pattern TIMESTAMP = Pattern.compile(
      "^(updated|published|posted|last updated|modified|article launched|date)?:?\\s*("
          + "\\d{1,2}:\\d{2}( ?[ap]\\.?m\\.?)?( [A-Z]{2,4})?|\\d+ (minutes?|hours?|days?|weeks?) ago|"
          + "(mon|tue|wed|thu|fri|sat|sun)[a-z]*,? .{3,30}|"
          + "(\\d{1,2}(st|nd|rd|th)? )?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?( \\d{1,2}(st|nd|rd|th)?)?,? ?\\d{0,4}|"
          + "\\d{4}-\\d{2}-\\d{2}([ t]\\d{2}:\\d{2}.*)?|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}"
          + ")([\\s,|-]+\\d{1,2}:\\d{2}.*)?$", FLAGS);
  /** "Home | World | Politics": two or more short items between separators. */
  static final Pattern MENU = Pattern.compile(
      "^[^|•·»›]{1,40}(\\s*[|•·»›]\\s*[^|•·»›]{1,40}){1,}\\s*[|•·»›]?$");
  /** The truncated lead of another story: "... more", "Continue…". */
  static final Pattern TRUNCATED = Pattern.compile(
      ".*(\\.\\.\\.|…)\\s*((read )?more|continue( reading)?|»)?(\\s+(read )?more)*$", FLAGS);
  /** HTML or script the scraper left in the text. */
  private static final Pattern MARKUP = Pattern.compile(
      "(</?(div|span|p|a|img|script|style|iframe|br|li|ul|ol|table|td|tr|input|form|noscript|meta|link|i|em|b)"
          + "(\\s[^>]*)?/?>|\\bfunction\\s*\\([^)]*\\)\\s*\\{|\\b(document|window)\\.[a-z]+\\w*\\s*[(.=]|"
          + "\\bvar [a-z_$][\\w$]*\\s*=)", FLAGS);
  static final Pattern COMMENT_COUNT = Pattern.compile(
      "^\\d+\\s*comments?\\b.*|.*\\bclick (here )?to (view|read|post|add) comments?.*", FLAGS);

  /** Lines that always close the article once its body has begun: comment forms, source credits. */
  private static final Pattern STRONG_END_MARKER = Pattern.compile(
      "^(source link|latest posts.*|leave a (reply|comment)|post a comment|no comments:?|"
          + "please enter your comment!?|comments (are|have been) (now )?closed.*|"
          // A reader comment's signature: "Posted by: Sean | Jan 10, 2008 4:49:12 PM".
          + "(posted|submitted|comment(ed)?) by:?\\s.{1,80}?\\b(\\d{1,2}:\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|"
          + "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d{1,2}\\b).*|"
          + "(add|post|leave) (your|a) comment.*)$", FLAGS);
  /**
   * Lines that close it only after a longer body: section names ("Related", "Comments", "Tags:")
   * also head boxes inside long articles.
   */
  private static final Pattern END_MARKER = Pattern.compile(
      "^(related( (topics|coverage|articles|stories|news|posts|content|reading))?:?|"
          + "more (stories|news|from|on this).*|most (read|popular|viewed)|"
          + "you (may|might) also (like|be interested in).*|recommended( for you)?|read next|"
          + "tags?:.*|topics?:.*|filed under:?.*|comments|\\d+ comments?|what do you think\\?|"
          + "trending( now)?|popular( now| stories)?|latest( news)?|top stories|also read:?.*|"
          + "(reader|readers'?|user|your|visitor) comments?.*|have your say.*|comments? \\(\\d+\\)|"
          + "\\d+ (responses?|replies|reactions) to .*|talkback.*|"
          + "discuss this (article|story).*|showing \\d+ comments?.*)$", FLAGS);

  /**
   * This thread's matcher of a pattern, reset for each line instead of made anew. The rules with no
   * cheap test before them made a matcher, with its arrays of groups, for nearly every line: 1.3 GB
   * of the 41 GB that ingest and clean allocated at 100k articles.
   */
  private static final class Reused {
    private final ThreadLocal<Matcher> matcher;

    Reused(Pattern pattern) {
      matcher = ThreadLocal.withInitial(() -> pattern.matcher(""));
    }

    Matcher on(String text) {
      return matcher.get().reset(text);
    }
  }

  private static final Reused ADS_TXT_LINE = new Reused(ADS_TXT);
  private static final Reused COMMENT_FORM_LINE = new Reused(COMMENT_FORM);
  private static final Reused SHARE_LINE = new Reused(SHARE);
  private static final Reused BYLINE_LINE = new Reused(BYLINE);
  private static final Reused CAPTION_LINE = new Reused(CAPTION);
  private static final Reused TIMESTAMP_LINE = new Reused(TIMESTAMP);

  private LineRules() {}

  static LineReason reasonFor(String line) {
    String t = line.strip();
    if (ADS_TXT_LINE.on(t).matches()) {
      return LineReason.ADS_TXT;
    }
    if (COMMENT_FORM_LINE.on(t).matches()) {
      return LineReason.COMMENT_FORM;
    }
    if (t.length() <= 120 && (SHARE_LINE.on(t).matches() || mayBeNewsletter(t) && NEWSLETTER.matcher(t).matches())) {
      return LineReason.SHARE_PROMPT;
    }
    if (t.length() <= 160 && mayBeCookieNotice(t) && COOKIE.matcher(t).matches()) {
      return LineReason.COOKIE_NOTICE;
    }
    if (t.length() <= 200 && mayBeCopyright(t) && COPYRIGHT.matcher(t).matches()) {
      return LineReason.COPYRIGHT;
    }
    if (t.length() <= 100 && BYLINE_LINE.on(t).matches()) {
      return LineReason.BYLINE;
    }
    if (t.length() <= 80 && mayBeCommentCount(t) && COMMENT_COUNT.matcher(t).matches()) {
      return LineReason.COMMENT_FORM;
    }
    if (t.length() <= 200 && mayBeMenu(t) && MENU.matcher(t).matches() && !BoilerplateClassifier.looksLikeSentence(t)) {
      return LineReason.NAVIGATION;
    }
    if (mayBeMarkup(t) && MARKUP.matcher(t).find()) {
      return LineReason.MARKUP;
    }
    if (t.length() <= 160 && mayBeTeaser(t) && TRUNCATED.matcher(t).matches()) {
      return LineReason.TEASER;
    }
    if (t.length() <= 160 && (CAPTION_LINE.on(t).matches() || mayBeAgencyCredit(t) && AGENCY_CREDIT.matcher(t).matches())) {
      return LineReason.CAPTION;
    }
    if (t.length() <= 60 && TIMESTAMP_LINE.on(t).matches()) {
      return LineReason.TIMESTAMP;
    }
    return null;
  }

  // Cheap tests before the patterns that start with ".*" or must find a separator: each holds for
  // every line its pattern matches (LineRulesTest checks it), and spares the pattern the prose
  // lines, which it would scan from every position. The rules were two fifths of the line cleaner's time.

  static boolean mayBeCookieNotice(String t) {
    return containsIgnoreCase(t, "cookie") || containsIgnoreCase(t, "privacy") || containsIgnoreCase(t, "terms")
        || containsIgnoreCase(t, "javascript");
  }

  static boolean mayBeCopyright(String t) {
    return t.indexOf('©') >= 0 || containsIgnoreCase(t, "(c)") || containsIgnoreCase(t, "copyright")
        || containsIgnoreCase(t, "all rights reserved") || containsIgnoreCase(t, "this page was last");
  }

  static boolean mayBeNewsletter(String t) {
    return containsIgnoreCase(t, "newsletter");
  }

  static boolean mayBeAgencyCredit(String t) {
    return t.endsWith(")") || t.endsWith(").");
  }

  static boolean mayBeCommentCount(String t) {
    return containsIgnoreCase(t, "comment");
  }

  static boolean mayBeMenu(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '|' || c == '•' || c == '·' || c == '»' || c == '›') {
        return true;
      }
    }
    return false;
  }

  static boolean mayBeTeaser(String t) {
    return t.contains("...") || t.indexOf('…') >= 0;
  }

  /**
   * Whether {@code word} (lower-case ASCII) occurs in {@code text}, letters compared one by one
   * regardless of case, as the patterns do. {@code regionMatches} is called only where the first
   * char could match: the letter in either case, or any char beyond ASCII (the dotless 'ı' and the
   * Kelvin sign match 'i' and 'k' regardless of case).
   */
  private static boolean containsIgnoreCase(String text, String word) {
    char lower = word.charAt(0);
    char upper = Character.toUpperCase(lower);
    for (int i = 0; i + word.length() <= text.length(); i++) {
      char c = text.charAt(i);
      if ((c == lower || c == upper || c > 0x7F) && text.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  /** A cheap test before the markup pattern, which would otherwise scan every line of prose. */
  private static boolean mayBeMarkup(String t) {
    return t.indexOf('<') >= 0 || t.indexOf('{') >= 0 || t.contains("var ") || t.contains("document.")
        || t.contains("window.");
  }

  static boolean isStrongEndMarker(String line) {
    String t = line.strip();
    return t.length() <= 80 && STRONG_END_MARKER.matcher(t).matches();
  }

  static boolean isWeakEndMarker(String line) {
    String t = line.strip();
    return t.length() <= 80 && END_MARKER.matcher(t).matches();
  }

  /** The author named by a byline, or null. */
  static String author(String line) {
    var m = BYLINE.matcher(line.strip());
    return m.matches() ? m.group(1) : null;
  }
}

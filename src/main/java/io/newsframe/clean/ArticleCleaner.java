package io.newsframe.clean;

import io.newsframe.text.TextNormalizer;
import io.newsframe.text.Words;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Cleans one article: normalizes it, classifies its lines, finds its title, and keeps the rest of
 * the body. Pure and serializable, so executors run it row by row.
 */
final class ArticleCleaner implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int TITLE_MAX_CHARS = 250;
  private static final int TITLE_SEARCH_LINES = 12;
  /** A headline this short may open a body sentence by chance; and a line must keep this much. */
  private static final int TITLE_PREFIX_MIN_WORDS = 4;
  /** How far down a page its headline may stand below the menus, as a line the page title repeats. */
  private static final int REPEATED_TITLE_SEARCH_LINES = 250;
  /** "Headline | Site", "Headline - Site - Section": the site part of a page title. */
  private static final java.util.regex.Pattern TITLE_SEPARATOR = TitleSites.SEPARATOR;

  private final BoilerplateClassifier classifier;
  private final TitleSites titleSites;
  private final RepeatedPassages passages;
  private final boolean inlineChrome;

  /**
   * @param titleSites the site names the batch's titles end with, taken off every title
   * @param passages the chrome passages the batch repeats inside lines, cut out of them
   */
  public ArticleCleaner(io.newsframe.config.CleanSettings.Boilerplate settings, TitleSites titleSites,
      RepeatedPassages passages) {
    this.classifier = new BoilerplateClassifier(settings);
    this.titleSites = titleSites;
    this.passages = passages;
    this.inlineChrome = settings.inlineChrome();
  }

  /**
   * @param rawText the text as ingested
   * @param recordTitle the record's title field, or null
   * @param repeated whether a normalized line is corpus-level chrome
   */
  public CleanedText clean(String rawText, String recordTitle, Predicate<String> repeated) {
    List<String> lines = nonEmptyLines(TextNormalizer.normalize(rawText));
    List<CleanedText.RemovedLine> cut = new ArrayList<>();
    LineReason[] wholeLine = new LineReason[lines.size()];
    List<List<RepeatedPassages.Span>> passageSpans = passages.find(lines);
    for (int i = 0; i < lines.size(); i++) {
      List<InlineChrome.Cut> pieces = new ArrayList<>();
      for (RepeatedPassages.Span span : passageSpans.get(i)) {
        pieces.add(new InlineChrome.Cut(span.start(), span.end(), LineReason.REPEATED_PASSAGE, null));
      }
      cutPieces(lines, i, pieces, cut, wholeLine);
    }
    List<BoilerplateClassifier.Verdict> verdicts = classifier.classify(lines, repeated);
    LineReason[] reasons = new LineReason[lines.size()];
    for (BoilerplateClassifier.Verdict v : verdicts) {
      reasons[v.index()] = v.reason();
    }
    for (int i = 0; i < wholeLine.length; i++) {
      if (wholeLine[i] != null) {
        reasons[i] = wholeLine[i];
      }
    }
    String title;
    String method;
    if (recordTitle != null && !recordTitle.isBlank()) {
      title = TextNormalizer.normalize(recordTitle).replace('\n', ' ');
      method = "record";
      markTitleLines(lines, reasons, title);
    } else {
      FoundTitle found = findTitle(lines, reasons);
      title = switch (found.how()) {
        case NONE -> null;
        case PAGE_TITLE -> longestPart(lines.get(found.line()));
        case REPEATED_HEADLINE, FIRST_LINE -> lines.get(found.line());
      };
      method = found.how().label;
      if (found.how() != TitleMethod.NONE) {
        reasons[found.line()] = LineReason.TITLE;
      }
      if (found.how() == TitleMethod.REPEATED_HEADLINE && reasons[found.longerLine()] == null) {
        reasons[found.longerLine()] = LineReason.NAVIGATION;
      }
    }
    TitleSites.Split split = titleSites.split(title);
    if (method.equals("record")) {
      // The body may repeat the headline without the site name the title field ends with.
      markTitleLines(lines, reasons, split.headline());
    }
    String inlineAuthor = null;
    if (inlineChrome) {
      cutTitlePrefix(lines, reasons, split, cut);
      inlineAuthor = cutInlineChrome(lines, reasons, cut);
    }
    return assemble(lines, reasons, cut, split.headline(), method, split.site(), inlineAuthor);
  }

  /**
   * Cuts the furniture out of the lines kept as body, after they were classified: cut first, a
   * paragraph that a long caption had made a long line could read as too short to be body. A kept
   * line that is a glued list of page elements goes whole, as teasers. Returns the author a cut
   * byline names, or null.
   */
  private static String cutInlineChrome(List<String> lines, LineReason[] reasons, List<CleanedText.RemovedLine> cut) {
    String author = null;
    for (int i = 0; i < lines.size(); i++) {
      if (reasons[i] != null) {
        continue;
      }
      if (InlineChrome.isGluedList(lines.get(i))) {
        reasons[i] = LineReason.TEASER;
        continue;
      }
      List<InlineChrome.Cut> pieces = InlineChrome.find(lines.get(i));
      for (InlineChrome.Cut piece : pieces) {
        if (author == null && piece.author() != null) {
          author = piece.author();
        }
      }
      cutPieces(lines, i, pieces, cut, reasons);
    }
    return author;
  }

  /**
   * Cuts pieces out of line {@code i}, in place, recording each in {@code cut}. A line that is
   * nothing but such pieces stays as it was and gets the reason of its first piece in
   * {@code wholeLine}.
   */
  private static void cutPieces(List<String> lines, int i, List<InlineChrome.Cut> pieces,
      List<CleanedText.RemovedLine> cut, LineReason[] wholeLine) {
    if (pieces.isEmpty()) {
      return;
    }
    String line = lines.get(i);
    StringBuilder rest = new StringBuilder();
    int from = 0;
    for (InlineChrome.Cut piece : pieces) {
      rest.append(line, from, piece.start()).append(' ');
      from = piece.end();
    }
    rest.append(line.substring(from));
    String kept = rest.toString().strip().replaceAll("\\s{2,}", " ");
    // Punctuation the pieces leave behind ("?", "|") is not text.
    if (RepeatedPassages.words(kept).isEmpty()) {
      wholeLine[i] = pieces.get(0).reason();
      return;
    }
    for (InlineChrome.Cut piece : pieces) {
      cut.add(new CleanedText.RemovedLine(i, line.substring(piece.start(), piece.end()), piece.reason().code()));
    }
    lines.set(i, kept);
  }

  static List<String> nonEmptyLines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** How the title of a record without a title field was found; the label is the title_method column's value. */
  private enum TitleMethod {
    NONE("none"),
    /** A headline line that an earlier, longer line (the page title, with the site name) contains. */
    REPEATED_HEADLINE("repeated_headline"),
    /** The first line is a page title with the site's name: the headline is its longest part. */
    PAGE_TITLE("page_title"),
    /** The first headline-like line before the body. */
    FIRST_LINE("first_line");

    final String label;

    TitleMethod(String label) {
      this.label = label;
    }
  }

  /**
   * The title's line (-1 with {@link TitleMethod#NONE}) and, for a repeated headline, the longer
   * line that contains it (-1 otherwise).
   */
  private record FoundTitle(int line, TitleMethod how, int longerLine) {
    static final FoundTitle NONE = new FoundTitle(-1, TitleMethod.NONE, -1);
  }

  /**
   * The headline among the first lines before the body: preferably one that an earlier line
   * repeats with chrome around it (an HTML title "Headline | Site", or "SITE.ruSectionHeadline"),
   * else the first line that reads like a headline.
   */
  private static FoundTitle findTitle(List<String> lines, LineReason[] reasons) {
    int limit = Math.min(lines.size(), TITLE_SEARCH_LINES);
    int firstBody = firstKept(reasons);
    // Keys made when a headline-like line asks for them: most pages have few such lines up there.
    String[] keys = new String[Math.min(lines.size(), REPEATED_TITLE_SEARCH_LINES)];
    for (int j = 1; j < keys.length; j++) {
      // A key has the words of its line: white space collapsed, nothing else split or joined.
      if (!isHeadlineLike(lines.get(j)) || Words.count(lines.get(j)) < 3) {
        continue;
      }
      String candidate = keyOf(keys, lines, j);
      for (int i = 0; i < j; i++) {
        String earlier = keyOf(keys, lines, i);
        if (!earlier.equals(candidate) && earlier.contains(candidate)) {
          return new FoundTitle(j, TitleMethod.REPEATED_HEADLINE, i);
        }
      }
    }
    for (int j = 0; j < limit && (firstBody < 0 || j <= firstBody); j++) {
      LineReason r = reasons[j];
      // A headline syndicated copies share is a repeated line, yet still the headline; a site
      // name repeats too, but is shorter than a headline.
      boolean repeatedHeadline = r == LineReason.REPEATED_LINE && Words.count(lines.get(j)) >= 4;
      boolean chrome = r != null && r != LineReason.NAVIGATION && r != LineReason.LOW_CONTENT && !repeatedHeadline;
      if (j == 0 && !chrome && TITLE_SEPARATOR.matcher(lines.get(0)).find()) {
        return new FoundTitle(0, TitleMethod.PAGE_TITLE, -1);
      }
      if (!chrome && isHeadlineLike(lines.get(j)) && !SourceChrome.isSourceLine(lines.get(j))) {
        return new FoundTitle(j, TitleMethod.FIRST_LINE, -1);
      }
    }
    return FoundTitle.NONE;
  }

  private static String longestPart(String pageTitle) {
    String best = "";
    for (String part : TITLE_SEPARATOR.split(pageTitle)) {
      if (part.length() > best.length()) {
        best = part.strip();
      }
    }
    return best;
  }

  /**
   * Cuts the headline off the start of the first body line that begins with it: scrapes that glue
   * the page title to the story ("Headline | CNNHeadline By …", "Headline Standfirst …") would
   * otherwise carry the headline twice, once in the title column and once in the text.
   */
  private static void cutTitlePrefix(List<String> lines, LineReason[] reasons, TitleSites.Split title,
      List<CleanedText.RemovedLine> cut) {
    int first = firstKept(reasons);
    if (first < 0 || first >= TITLE_SEARCH_LINES || !mayOpenWithHeadline(lines.get(first), title)) {
      return;
    }
    java.util.regex.Pattern prefix = titlePrefix(title);
    if (prefix == null) {
      return;
    }
    String line = lines.get(first);
    java.util.regex.Matcher m = prefix.matcher(line);
    if (!m.lookingAt()) {
      return;
    }
    String rest = line.substring(m.end()).strip();
    // "Headline continues in lower case" is a lead sentence that opens with the headline's words.
    if (!rest.isEmpty() && !Character.isLowerCase(rest.codePointAt(0))
        && RepeatedPassages.words(rest).size() >= TITLE_PREFIX_MIN_WORDS) {
      cut.add(new CleanedText.RemovedLine(first, line.substring(0, m.end()).strip(), LineReason.TITLE.code()));
      lines.set(first, rest);
    }
  }

  /**
   * False only when {@link #titlePrefix}'s pattern cannot match at the start of {@code line}: the
   * pattern's first word must start at the line's first letter or number, in any case. Compiling
   * the pattern for every article was most of the title cut's time, and few lines open with their
   * headline. A headline word with chars beyond the Basic Multilingual Plane skips the test (a
   * case-blind comparison of chars does not fold those).
   */
  static boolean mayOpenWithHeadline(String line, TitleSites.Split title) {
    String text = title.headline() == null ? "" : title.headline();
    List<RepeatedPassages.Word> words = RepeatedPassages.words(text);
    if (words.isEmpty()) {
      return false;
    }
    String first = text.substring(words.get(0).start(), words.get(0).end());
    if (first.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
      return true;
    }
    int at = 0;
    while (at < line.length() && !isLetterOrNumber(line.codePointAt(at))) {
      at += Character.charCount(line.codePointAt(at));
    }
    return line.regionMatches(true, at, first, 0, first.length());
  }

  /** What the pattern's {@code \p{L}\p{N}} is: a letter, or a number of any kind. */
  private static boolean isLetterOrNumber(int codePoint) {
    int type = Character.getType(codePoint);
    return Character.isLetter(codePoint) || type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  /** The headline's words, in order, with anything but letters and digits between them; then the site. */
  static java.util.regex.Pattern titlePrefix(TitleSites.Split title) {
    String text = title.headline() == null ? "" : title.headline();
    List<RepeatedPassages.Word> words = RepeatedPassages.words(text);
    if (words.size() < TITLE_PREFIX_MIN_WORDS) {
      return null;
    }
    String gap = "[^\\p{L}\\p{N}]+";
    StringBuilder headline = new StringBuilder();
    for (RepeatedPassages.Word word : words) {
      headline.append(headline.length() == 0 ? "" : gap)
          .append(java.util.regex.Pattern.quote(text.substring(word.start(), word.end())));
    }
    String site = title.site() == null || title.site().isBlank() ? ""
        : "(?:\\s*[|:\\-–—]\\s*" + java.util.regex.Pattern.quote(title.site().strip()) + ")?";
    return java.util.regex.Pattern.compile("(?:[^\\p{L}\\p{N}]*" + headline + site + ")+",
        java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
  }

  private static void markTitleLines(List<String> lines, LineReason[] reasons, String title) {
    String wanted = key(title);
    for (int i = 0; i < Math.min(lines.size(), TITLE_SEARCH_LINES); i++) {
      if (key(lines.get(i)).equals(wanted)) {
        reasons[i] = LineReason.TITLE;
      }
    }
  }

  private static int firstKept(LineReason[] reasons) {
    for (int i = 0; i < reasons.length; i++) {
      if (reasons[i] == null) {
        return i;
      }
    }
    return -1;
  }

  static boolean isHeadlineLike(String line) {
    // The length first: body lines, most of those asked about, are too long to be counted.
    if (line.length() > TITLE_MAX_CHARS) {
      return false;
    }
    int words = Words.count(line);
    return words >= 2 && words <= 40;
  }

  static String key(String line) {
    return Words.collapsedLowerCase(line);
  }

  /** Line i's key, made once. */
  private static String keyOf(String[] keys, List<String> lines, int i) {
    if (keys[i] == null) {
      keys[i] = key(lines.get(i));
    }
    return keys[i];
  }

  private static CleanedText assemble(List<String> lines, LineReason[] reasons, List<CleanedText.RemovedLine> cut,
      String title, String method, String titleSite, String inlineAuthor) {
    StringBuilder body = new StringBuilder();
    List<CleanedText.RemovedLine> removed = new ArrayList<>(cut);
    String author = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (reasons[i] == null) {
        if (body.length() > 0) {
          body.append("\n\n");
        }
        body.append(line);
      } else {
        removed.add(new CleanedText.RemovedLine(i, line, reasons[i].code()));
        if (author == null && reasons[i] == LineReason.BYLINE) {
          author = LineRules.author(line);
        }
      }
    }
    removed.sort(java.util.Comparator.comparingInt(CleanedText.RemovedLine::line));
    return new CleanedText(title, method, body.toString(), removed, author != null ? author : inlineAuthor, titleSite);
  }
}

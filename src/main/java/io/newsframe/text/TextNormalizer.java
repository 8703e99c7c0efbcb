package io.newsframe.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Puts scraped text into one canonical form without changing what it says: repairs common mojibake,
 * decodes HTML entities, applies Unicode NFKC, drops control and zero-width characters, normalizes
 * white space line by line, and splits text whose line breaks were lost back into blocks where the
 * glue is visible ("...civilians.The governor", "Related TopicsRussia-Ukraine warImage source").
 */
public final class TextNormalizer {
  /** UTF-8 read as Windows-1252, the commonest mojibake in scraped news. */
  private static final Map<String, String> MOJIBAKE = new LinkedHashMap<>();

  static {
    MOJIBAKE.put("â€™", "’");
    MOJIBAKE.put("â€˜", "‘");
    MOJIBAKE.put("â€œ", "“");
    MOJIBAKE.put("â€\u009d", "”");
    MOJIBAKE.put("â€", "”");
    MOJIBAKE.put("â€”", "—");
    MOJIBAKE.put("â€“", "–");
    MOJIBAKE.put("â€¦", "…");
    MOJIBAKE.put("Ã©", "é");
    MOJIBAKE.put("Ã¨", "è");
    MOJIBAKE.put("Ã¡", "á");
    MOJIBAKE.put("Ã³", "ó");
    MOJIBAKE.put("Ã¶", "ö");
    MOJIBAKE.put("Ã¼", "ü");
    MOJIBAKE.put("Ã¤", "ä");
    MOJIBAKE.put("Ã§", "ç");
    MOJIBAKE.put("Ã±", "ñ");
    MOJIBAKE.put("Ã­", "í");
    MOJIBAKE.put("Ãº", "ú");
    MOJIBAKE.put("Â ", " ");
    MOJIBAKE.put("Â£", "£");
    MOJIBAKE.put("Â«", "«");
    MOJIBAKE.put("Â»", "»");
  }

  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  /** Camel-case names that are not glue: no joint is found inside one. */
  private static final List<String> CAMEL_NAME_LIST = List.of("YouTube", "TikTok", "PayPal",
      "LinkedIn", "WhatsApp", "JavaScript", "PowerPoint", "iPhone", "iPad", "eBay", "FedEx", "BlackRock",
      "DreamWorks", "PlayStation", "SoftBank", "OpenAI", "ChatGPT", "MacBook", "McDonald", "MacArthur", "DeSantis",
      "LeBron", "GlaxoSmithKline", "BuzzFeed", "HuffPost", "PricewaterhouseCoopers", "NordStream");
  /** A name where it stands as a whole word: the definition of a name's occurrence. */
  private static final Pattern CAMEL_NAMES = Pattern.compile("\\b(?:" + String.join("|", CAMEL_NAME_LIST) + ")\\b");
  /** The names by their first character (all ASCII): where one can start at all. */
  private static final String[][] CAMEL_NAMES_BY_INITIAL = new String[128][];

  static {
    for (char c = 0; c < 128; c++) {
      final char initial = c;
      String[] names = CAMEL_NAME_LIST.stream().filter(n -> n.charAt(0) == initial).toArray(String[]::new);
      CAMEL_NAMES_BY_INITIAL[c] = names.length == 0 ? null : names;
    }
  }

  private TextNormalizer() {}

  /** The full normalization, in the order that makes each step see clean input. */
  public static String normalize(String raw) {
    if (raw == null || raw.isEmpty()) {
      return raw;
    }
    String text = beforeGlue(raw);
    return looksGlued(text) ? normalizeWhitespace(unglue(text)) : text;
  }

  /** Every step but the split of glued text: what {@link #looksGlued} and {@link #unglue} see. */
  static String beforeGlue(String raw) {
    String text = repairMojibake(raw);
    text = decodeEntities(text);
    text = nfkc(text);
    text = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
    text = dropInvisibleAndControl(text);
    return normalizeWhitespace(text);
  }

  /**
   * NFKC (ligatures, fullwidth Latin, superscripts and the like to their plain forms), except for
   * characters whose compatibility form would change how the text is written: the ellipsis, and the
   * fullwidth punctuation and ideographic space of Chinese and Japanese text.
   */
  static String nfkc(String text) {
    if (Normalizer.isNormalized(text, Normalizer.Form.NFKC)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (keepsItsForm(c)) {
        out.append(Normalizer.normalize(text.substring(start, i), Normalizer.Form.NFKC)).append(c);
        start = i + 1;
      }
    }
    out.append(Normalizer.normalize(text.substring(start), Normalizer.Form.NFKC));
    return out.toString();
  }

  private static boolean keepsItsForm(char c) {
    return c == '\u2026' || c == '\u3000'
        || (c >= '\uFF01' && c <= '\uFF65' && !Character.isLetterOrDigit(c));
  }

  static String repairMojibake(String text) {
    if (text.indexOf('Ã') < 0 && text.indexOf('â') < 0 && text.indexOf('Â') < 0) {
      return text;
    }
    String out = text;
    for (Map.Entry<String, String> e : MOJIBAKE.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  static String decodeEntities(String text) {
    if (text.indexOf('&') < 0 || !ENTITY.matcher(text).find()) {
      return text;
    }
    return StringEscapeUtils.unescapeHtml4(text);
  }

  /**
   * Drops the characters that carry nothing (zero-width, soft hyphen, word joiner, BOM) and turns
   * control characters other than newline and tab into spaces. One pass over the characters, and
   * none copied when there is nothing to do, as in nearly every article: the two regular
   * expressions this replaces were two thirds of the normalization's time.
   */
  static String dropInvisibleAndControl(String text) {
    int first = 0;
    while (first < text.length() && !isInvisible(text.charAt(first)) && !isControl(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        out.append(' ');
      } else if (!isInvisible(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isInvisible(char c) {
    return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\u00AD' || c == '\uFEFF';
  }

  /** Unicode's control characters (general category Cc) but newline and tab. */
  private static boolean isControl(char c) {
    return (c < 0x20 || (c >= 0x7F && c <= 0x9F)) && c != '\n' && c != '\t';
  }

  /**
   * Spaces collapsed and trimmed in each line; at most one empty line between blocks. Tabs and
   * Unicode space separators count as spaces. One pass over the characters, each run between
   * spaces copied at once (a regular expression per line cost more than the rest of the
   * normalization).
   */
  static String normalizeWhitespace(String text) {
    Runs out = new Runs(text);
    int newlines = 0;
    boolean pendingSpace = false;
    boolean lineHasText = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n') {
        if (lineHasText) {
          newlines = 1;
        } else if (newlines > 0) {
          newlines = 2;
        }
        lineHasText = false;
        pendingSpace = false;
        i++;
      } else if (isSpace(c)) {
        pendingSpace = lineHasText;
        i++;
      } else {
        int end = i + 1;
        while (end < text.length() && text.charAt(end) != '\n' && !isSpace(text.charAt(end))) {
          end++;
        }
        String separator = !lineHasText && !out.isEmpty() ? (newlines > 1 ? "\n\n" : "\n") : pendingSpace ? " " : "";
        out.add(separator, i, end);
        lineHasText = true;
        pendingSpace = false;
        newlines = 0;
        i = end;
      }
    }
    return out.result();
  }

  /**
   * The output of {@link #normalizeWhitespace}: the text's own chars with separators between them,
   * copied in runs. Where a separator is what the text has at that place, the run goes on; the
   * output is copied only where it differs, so a text that needs no change comes back as it is
   * (appending word by word was most of that method's time).
   */
  private static final class Runs {
    private final String text;
    private StringBuilder out;
    private int runStart;
    private int runEnd;
    private boolean empty = true;

    Runs(String text) {
      this.text = text;
    }

    boolean isEmpty() {
      return empty;
    }

    /** Appends {@code separator}, then the text's chars from {@code from} to {@code to}. */
    void add(String separator, int from, int to) {
      if (from - runEnd == separator.length() && text.startsWith(separator, runEnd)) {
        runEnd = to;
      } else {
        flush();
        out.append(separator);
        runStart = from;
        runEnd = to;
      }
      empty = false;
    }

    private void flush() {
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, runStart, runEnd);
    }

    String result() {
      if (out == null && runStart == 0 && runEnd == text.length()) {
        return text;
      }
      flush();
      return out.toString();
    }
  }

  /** A tab or a Unicode space separator; among ASCII characters that is the space alone. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || (c >= 0x80 && Character.getType(c) == Character.SPACE_SEPARATOR);
  }

  /**
   * Line breaks were lost when one very long line holds most of the text and several sentences
   * glued to each other. One glued sentence can be a typo; three are a scrape that dropped its
   * markup. A page that kept its lines is left alone even when one paragraph has such typos
   * ("do.Mortified"): splitting it would not restore any structure.
   */
  static boolean looksGlued(String text) {
    int longestStart = 0;
    int longestEnd = 0;
    int start = 0;
    int chars = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        chars += i - start;
        if (i - start > longestEnd - longestStart) {
          longestStart = start;
          longestEnd = i;
        }
        start = i + 1;
      }
    }
    int longest = longestEnd - longestStart;
    if (longest < GLUED_MIN_LINE_CHARS || longest < GLUED_MIN_SHARE * chars) {
      return false;
    }
    int glued = 0;
    for (int p = longestStart; p < longestEnd && glued < 3; p++) {
      if (Glue.sentence(text, p, longestStart, longestEnd)) {
        glued++;
      }
    }
    return glued >= 3;
  }

  private static final int GLUED_MIN_LINE_CHARS = 600;
  /** In the glued Russia scrape the longest line holds 80% or more of 1,487 of 1,505 texts. */
  private static final double GLUED_MIN_SHARE = 0.5;

  /**
   * How many joints in {@code text} show page elements a scraper glued together: a lower-case word
   * glued to a capitalised one ("SettingsLog", "contentVideo"), camel-case names aside, or a
   * sentence glued to a number ("you?2."). Prose has almost none.
   */
  public static int gluedJoints(CharSequence text) {
    if (!mayHaveJoints(text)) {
      return 0;
    }
    // A joint counts when none of the three characters it is read from is a camel-case name's:
    // the names are out of the text for this count ("YouTube?7" has none).
    int[] names = camelNames(text);
    int joints = 0;
    int name = 0;
    for (int p = 2; p < text.length(); p++) {
      name = nameAtOrAfter(names, name, p - 1);
      boolean nearName = name < names.length && names[name] <= p;
      if (!nearName && (Glue.word(text, p, 0, text.length()) || Glue.number(text, p, 0, text.length()))) {
        joints++;
      }
    }
    return joints;
  }

  /** A cheap scan that rules out most lines of prose before the patterns run. */
  private static boolean mayHaveJoints(CharSequence text) {
    for (int i = 2; i < text.length(); i++) {
      char c = text.charAt(i);
      char before = text.charAt(i - 1);
      if (c >= 'A' && c <= 'Z' && before >= 'a' && before <= 'z' && text.charAt(i - 2) >= 'a' && text.charAt(i - 2) <= 'z') {
        return true;
      }
      if (c >= '0' && c <= '9' && (before == '.' || before == '!' || before == '?')
          && text.charAt(i - 2) >= 'a' && text.charAt(i - 2) <= 'z') {
        return true;
      }
    }
    return false;
  }

  /**
   * A line break at every glued joint but inside a camel-case name: after a sentence's end, a
   * lower-case word or an acronym glued to what follows ({@link Glue}).
   */
  static String unglue(String text) {
    int[] names = camelNames(text);
    StringBuilder out = new StringBuilder(text.length() + text.length() / 32);
    int name = 0;
    int copied = 0;
    for (int p = 2; p < text.length(); p++) {
      name = nameAtOrAfter(names, name, p);
      if (!strictlyInside(names, name, p) && (Glue.sentence(text, p, 0, text.length())
          || Glue.word(text, p, 0, text.length()) || Glue.acronym(text, p, 0, text.length()))) {
        out.append(text, copied, p).append('\n');
        copied = p;
      }
    }
    return out.append(text, copied, text.length()).toString();
  }

  /**
   * The start and end of each camel-case name in {@code text}, in order: {start0, end0, start1, ...},
   * as {@link #CAMEL_NAMES}' matches. The pattern is tried only where a name's letters start: tried
   * at every position of a text, its 27 alternatives took 2.2 s of CPU at 100,000 articles. Its own
   * test of the word bounds (transparent bounds: it sees the text before the place it is tried at)
   * keeps Java's rules for them.
   */
  private static int[] camelNames(CharSequence text) {
    int[] found = new int[0];
    int count = 0;
    Matcher matcher = null;
    for (int p = 0; p < text.length(); p++) {
      if (!aNameStartsAt(text, p)) {
        continue;
      }
      if (matcher == null) {
        matcher = CAMEL_NAMES.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      }
      if (matcher.region(p, text.length()).lookingAt()) {
        if (count + 2 > found.length) {
          found = Arrays.copyOf(found, Math.max(4, 2 * found.length));
        }
        found[count++] = p;
        found[count++] = matcher.end();
        p = matcher.end() - 1;
      }
    }
    return Arrays.copyOf(found, count);
  }

  private static boolean aNameStartsAt(CharSequence text, int p) {
    char initial = text.charAt(p);
    String[] names = initial < CAMEL_NAMES_BY_INITIAL.length ? CAMEL_NAMES_BY_INITIAL[initial] : null;
    if (names == null) {
      return false;
    }
    for (String name : names) {
      if (p + name.length() <= text.length() && startsWith(text, p, name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(CharSequence text, int at, String part) {
    for (int i = 1; i < part.length(); i++) {
      if (text.charAt(at + i) != part.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** From index {@code from} of {@code names} on, the first name that does not end before {@code p}. */
  private static int nameAtOrAfter(int[] names, int from, int p) {
    int i = from;
    while (i < names.length && names[i + 1] < p) {
      i += 2;
    }
    return i;
  }

  private static boolean strictlyInside(int[] names, int i, int p) {
    return i < names.length && names[i] < p && p < names[i + 1];
  }
}

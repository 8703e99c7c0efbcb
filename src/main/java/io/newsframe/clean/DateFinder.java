package io.newsframe.clean;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an article's publication date: from the record's date field, else from the text — a full
 * date, a dateline's month and day, a month and day in the text, or a bare day of the month — with
 * dates that lack a year resolved to the latest such day on or before the reference date.
 */
final class DateFinder implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int SEARCH_CHARS = 2000;
  private static final String MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
      + "Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
      Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
      Map.entry("nov", 11), Map.entry("dec", 12));
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "\\b" + MONTH + " (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b");
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?" + MONTH + ",? (\\d{4})\\b");
  private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern DOTTED = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b");
  /** "WASHINGTON Dec 31", "ISLAMABAD, June 16 (Alliance News):", "MOSCOW, Jan. 24 -". */
  static final Pattern DATELINE = Pattern.compile(
      "\\b([A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]{2,}){0,2}),? " + MONTH + " (\\d{1,2})\\b");
  /** A dateline without a date: "KYIV (Reuters) -", "MOSCOW —" at the start of a paragraph. */
  static final Pattern PLACE = Pattern.compile(
      "(?m)^([A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]{2,}){0,2})(?:, [A-Z][a-z]+)?\\s*(?:\\([^)]{2,40}\\)\\s*)?[—–-]\\s");
  static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + " (\\d{1,2})(?:st|nd|rd|th)?\\b(?!,? \\d{4})");
  static final Pattern ORDINAL_DAY = Pattern.compile("\\bon the (\\d{1,2})(?:st|nd|rd|th)\\b");
  private static final DateTimeFormatter[] RECORD_FORMATS = {
      DateTimeFormatter.ISO_LOCAL_DATE,
      new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMMM d, yyyy").toFormatter(Locale.ENGLISH),
      new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMMM yyyy").toFormatter(Locale.ENGLISH),
      new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMM d, yyyy").toFormatter(Locale.ENGLISH),
      DateTimeFormatter.ofPattern("dd.MM.yyyy"), DateTimeFormatter.ofPattern("yyyy/MM/dd")};

  /** What was found: the date (or null), how, the text it came from, and the dateline place. */
  public record Found(LocalDate date, String method, String text, String dateline) {}

  private final LocalDate reference;

  public DateFinder(LocalDate reference) {
    this.reference = reference;
  }

  public Found find(String recordDate, String text) {
    String head = text == null ? "" : text.substring(0, Math.min(text.length(), SEARCH_CHARS));
    int capitals = firstCapitals(head);
    String dateline = datelineFrom(head, capitals);
    LocalDate fromRecord = parseRecordDate(recordDate);
    if (fromRecord != null) {
      return new Found(fromRecord, "record", recordDate, dateline);
    }
    Found full = fullDate(head);
    if (full != null) {
      return new Found(full.date(), full.method(), full.text(), dateline);
    }
    Matcher m = firstAt(DATELINE, head, capitals, DateFinder::nextCapitals);
    if (m != null) {
      LocalDate date = resolve(month(m.group(2)), Integer.parseInt(m.group(3)));
      if (date != null) {
        return new Found(date, "dateline_month_day", m.group(), dateline);
      }
    }
    Found monthDay = latestMonthDay(head);
    if (monthDay != null) {
      return new Found(monthDay.date(), monthDay.method(), monthDay.text(), dateline);
    }
    m = firstAt(ORDINAL_DAY, head, 0, DateFinder::nextOnThe);
    if (m != null) {
      LocalDate date = resolveDay(Integer.parseInt(m.group(1)));
      if (date != null) {
        return new Found(date, "day_of_month", m.group(), dateline);
      }
    }
    return new Found(null, "none", null, dateline);
  }

  static LocalDate parseRecordDate(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() >= 10 && ISO.matcher(v.substring(0, 10)).matches()) {
      v = v.substring(0, 10);
    }
    for (DateTimeFormatter format : RECORD_FORMATS) {
      try {
        return LocalDate.parse(v, format);
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    return null;
  }

  /** How a full-date pattern's groups give year, month and day. */
  private interface Fields {
    LocalDate of(Matcher m);
  }

  private static final List<Map.Entry<Pattern, Fields>> FULL_DATES = List.of(
      Map.entry(MONTH_DAY_YEAR, m -> date(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)))),
      Map.entry(DAY_MONTH_YEAR, m -> date(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)))),
      Map.entry(ISO, m -> date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))),
      Map.entry(DOTTED, m -> date(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)))));

  /**
   * Every full date holds its year, a run of exactly four digits, and lies within this many
   * characters before the year's start ("12th of September., 2024") and after it ("2024-09-12"):
   * the patterns are tried only near such runs (tried at every position of the text they were most
   * of the date finder's time).
   */
  private static final int CHARS_BEFORE_YEAR = 20;
  private static final int CHARS_FROM_YEAR = 10;

  /** The first full date in the text, whatever its style. */
  static Found fullDate(String head) {
    return fullDateIn(head, aroundYears(head));
  }

  /**
   * The first full date in the text that lies inside one of the regions {@code {start0, end0,
   * start1, ...}}, which are in order and apart.
   */
  static Found fullDateIn(String head, int[] regions) {
    Found best = null;
    int bestAt = Integer.MAX_VALUE;
    for (Map.Entry<Pattern, Fields> style : FULL_DATES) {
      // Transparent bounds: \b at a region's edges still sees the characters beyond it.
      Matcher m = style.getKey().matcher(head).useTransparentBounds(true);
      for (int r = 0; r < regions.length && regions[r] < bestAt; r += 2) {
        if (m.region(regions[r], regions[r + 1]).find()) {
          if (m.start() < bestAt) {
            LocalDate d = style.getValue().of(m);
            if (d != null) {
              best = new Found(d, "text_full_date", m.group(), null);
              bestAt = m.start();
            }
          }
          break;
        }
      }
    }
    return best;
  }

  /** The stretches of text around its runs of exactly four ASCII digits, merged where they meet. */
  static int[] aroundYears(String text) {
    int[] regions = new int[8];
    int n = 0;
    int run = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        run++;
        continue;
      }
      if (run == 4) {
        int start = Math.max(0, i - 4 - CHARS_BEFORE_YEAR);
        int end = Math.min(text.length(), i - 4 + CHARS_FROM_YEAR);
        if (n > 0 && start <= regions[n - 1]) {
          regions[n - 1] = end;
        } else {
          if (n == regions.length) {
            regions = Arrays.copyOf(regions, 2 * n);
          }
          regions[n++] = start;
          regions[n++] = end;
        }
      }
      run = 0;
    }
    return Arrays.copyOf(regions, n);
  }

  /** Reports are about their latest event: the latest of the month-day mentions, resolved. */
  private Found latestMonthDay(String head) {
    Matcher m = matcher(MONTH_DAY, head);
    Found best = null;
    for (int from = 0; lookingAtNext(m, head, from, DateFinder::nextMonthInitial); from = m.end()) {
      LocalDate d = resolve(month(m.group(1)), Integer.parseInt(m.group(2)));
      if (d != null && (best == null || d.isAfter(best.date()))) {
        best = new Found(d, "text_month_day", m.group(), null);
      }
    }
    return best;
  }

  static String dateline(String head) {
    return datelineFrom(head, firstCapitals(head));
  }

  /** The dateline's place, looked for from {@code from} on. */
  static String datelineFrom(String head, int from) {
    Matcher m = firstAt(DATELINE, head, from, DateFinder::nextCapitals);
    if (m == null) {
      m = firstAt(PLACE, head, from, DateFinder::nextCapitals);
    }
    return m == null ? null : m.group(1);
  }

  /**
   * A dateline's place starts with three capitals, dots, apostrophes or hyphens, the first a capital
   * ("MOSCOW", "U.S."): where the text's first such run starts, or its length. The patterns need
   * not try the text before it.
   */
  static int firstCapitals(String text) {
    return nextCapitals(text, 0);
  }

  /** Where the first run of three such characters at or after {@code from} starts, or the text's length. */
  static int nextCapitals(String text, int from) {
    for (int i = from; i + 2 < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z' && inPlaceName(text.charAt(i + 1)) && inPlaceName(text.charAt(i + 2))) {
        return i;
      }
    }
    return text.length();
  }

  private static boolean inPlaceName(char c) {
    return (c >= 'A' && c <= 'Z') || c == '.' || c == '\'' || c == '-';
  }

  /** Where the first capital that can start a month's name stands at or after {@code from}, or the text's length. */
  static int nextMonthInitial(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (MONTH_INITIALS.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }

  private static final String MONTH_INITIALS = "JFMASOND";

  /** Where the first "on the " stands at or after {@code from}, or the text's length. */
  static int nextOnThe(String text, int from) {
    int at = text.indexOf("on the ", from);
    return at < 0 ? text.length() : at;
  }

  /** The positions where a pattern's matches can start: the first at or after {@code from}, or the text's length. */
  interface Starts {
    int next(String text, int from);
  }

  /**
   * The first match of the pattern at or after {@code from}, as {@code find} gives it, or null.
   * Its matches can only start where {@code starts} says (a place at a run of three capitals, a
   * month at its initial): the pattern is tried there alone, where {@code find} stepped through
   * every character between, which was most of the date finder's time.
   */
  static Matcher firstAt(Pattern pattern, String text, int from, Starts starts) {
    Matcher m = matcher(pattern, text);
    return lookingAtNext(m, text, from, starts) ? m : null;
  }

  /** A matcher whose tries see, at their start, the text before it (for \b and ^). */
  private static Matcher matcher(Pattern pattern, String text) {
    return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
  }

  /** Moves the matcher to the first match at or after {@code from} that starts where {@code starts} says. */
  private static boolean lookingAtNext(Matcher m, String text, int from, Starts starts) {
    for (int i = starts.next(text, from); i < text.length(); i = starts.next(text, i + 1)) {
      if (m.region(i, text.length()).lookingAt()) {
        return true;
      }
    }
    return false;
  }

  /** The latest (month, day) on or before the reference date. */
  private LocalDate resolve(int month, int day) {
    LocalDate d = date(reference.getYear(), month, day);
    if (d == null) {
      return null;
    }
    return d.isAfter(reference) ? date(reference.getYear() - 1, month, day) : d;
  }

  private LocalDate resolveDay(int day) {
    for (int back = 0; back < 3; back++) {
      LocalDate month = reference.minusMonths(back);
      LocalDate d = date(month.getYear(), month.getMonthValue(), day);
      if (d != null && !d.isAfter(reference)) {
        return d;
      }
    }
    return null;
  }

  private static int month(String name) {
    return MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
  }

  private static LocalDate date(int year, int month, int day) {
    try {
      return year < 1900 || year > 2100 ? null : LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }
}

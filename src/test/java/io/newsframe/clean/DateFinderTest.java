package io.newsframe.clean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.RealTexts;
import io.newsframe.SharedSpark;
import io.newsframe.text.TextNormalizer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DateFinderTest {
  private final DateFinder finder = new DateFinder(LocalDate.of(2022, 3, 10));

  @Test
  void aRecordDateWins() {
    DateFinder.Found f = finder.find("2021-02-03T10:00:00Z", "MOSCOW, Jan 5 (Wire): text");
    assertEquals(LocalDate.of(2021, 2, 3), f.date());
    assertEquals("record", f.method());
    assertEquals("MOSCOW", f.dateline());
  }

  @Test
  void fullDatesInEveryStyle() {
    assertEquals(LocalDate.of(2021, 3, 19), finder.find(null, "The Kremlin announced, Friday, March 19, 2021, that").date());
    assertEquals(LocalDate.of(2021, 3, 19), finder.find(null, "Published 19 March 2021 by").date());
    assertEquals(LocalDate.of(2021, 3, 19), finder.find(null, "Posted 2021-03-19").date());
    assertEquals(LocalDate.of(2021, 3, 19), finder.find(null, "Date: 19.03.2021").date());
    assertEquals("text_full_date", finder.find(null, "on March 19, 2021").method());
  }

  @Test
  void aDatelineWithoutYearResolvesToTheLatestPastDay() {
    DateFinder.Found dec = finder.find(null, "US President Joe Biden WASHINGTON Dec 31 US President said");
    assertEquals(LocalDate.of(2021, 12, 31), dec.date());
    assertEquals("dateline_month_day", dec.method());
    assertEquals("WASHINGTON", dec.dateline());
    DateFinder.Found mar = finder.find(null, "ISLAMABAD, March 9 (Alliance News): The Kremlin");
    assertEquals(LocalDate.of(2022, 3, 9), mar.date());
  }

  @Test
  void monthDayAndDayOfMonthInTheText() {
    DateFinder.Found md = finder.find(null, "On the evening of January 23, local time, and on February 2 too");
    assertEquals(LocalDate.of(2022, 2, 2), md.date());
    assertEquals("text_month_day", md.method());
    DateFinder.Found day = finder.find(null, "Peskov said on the 24th that Russia is ready");
    assertEquals(LocalDate.of(2022, 2, 24), day.date());
    assertEquals("day_of_month", day.method());
  }

  @Test
  void noDateIsNone() {
    DateFinder.Found none = finder.find(null, "The Kremlin positively assessed the video format.");
    assertNull(none.date());
    assertEquals("none", none.method());
  }

  @Test
  void fullDatesAreLookedForAroundRunsOfExactlyFourDigits() {
    assertEquals(0, DateFinder.aroundYears("no digits, 123 or 12345 either").length);
    assertArrayEquals(new int[] {0, 19}, DateFinder.aroundYears("12345 on 2021-03-19"));
    assertArrayEquals(new int[] {0, 10, 26, 59}, DateFinder.aroundYears("2021" + "x".repeat(42) + "2022 and 2023"));
  }

  /** Date-like pieces, so that made-up text is dense in near misses of every full-date style. */
  private static final String[] PIECES = {"12", "3", "31", "2021", "1999", "12345", "0", "th", "st", "of ", " ", ", ",
      ",", "-", ".", "March", "Sept", "Sep", "September", "May", "x", "é", "_", "\u0663", "on ", "\n",
      "March 19", "Sept. 3rd, ", "19 March ", "12th of September., ", "2021-03-", "19.03.", "03.2021", "2021-03-19",
      "MOSCOW", "U.S.", "NEW YORK", "KYIV (Reuters) - ", " — ", "Moscow", "AB", ", Jan. 24 ", "on the ", "2nd",
      "Dec", "Oct.", "June 3", "Ann", "son the 4th", "\r\n", "O'NEILL"};

  /**
   * The searches near four-digit runs, from the first capitals, and only where a match can start
   * (a run of capitals, a month's initial, "on the "): the same date, dateline and matches as
   * searches of the whole text, on any text.
   */
  @Test
  void theDateAndDatelineAreTheSameAsSearchesOfTheWholeText() throws IOException {
    List<String> texts = new ArrayList<>();
    Random random = new Random(20261204L);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i >= 0; i--) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      texts.add(text.toString());
    }
    Path shared = SharedSpark.shared();
    if (shared != null) {
      for (String text : RealTexts.all(shared)) {
        String normalized = TextNormalizer.normalize(text);
        texts.add(normalized.substring(0, Math.min(2000, normalized.length())));
      }
    }
    long found = 0;
    long datelines = 0;
    for (String text : texts) {
      String place = DateFinder.dateline(text);
      assertEquals(DateFinder.datelineFrom(text, 0), place, text);
      datelines += place == null ? 0 : 1;
      assertSameMatches(DateFinder.DATELINE, text, DateFinder::nextCapitals);
      assertSameMatches(DateFinder.PLACE, text, DateFinder::nextCapitals);
      assertSameMatches(DateFinder.MONTH_DAY, text, DateFinder::nextMonthInitial);
      assertSameMatches(DateFinder.ORDINAL_DAY, text, DateFinder::nextOnThe);
      DateFinder.Found date = DateFinder.fullDate(text);
      assertEquals(DateFinder.fullDateIn(text, new int[] {0, text.length()}), date, text);
      found += date == null ? 0 : 1;
    }
    assertTrue(found > 2_000 && datelines > 500, "full dates found: " + found + ", datelines: " + datelines);
  }

  /** Every match of the pattern, one after the other, where its matches can start: those of {@code find}. */
  private static void assertSameMatches(Pattern pattern, String text, DateFinder.Starts starts) {
    Matcher whole = pattern.matcher(text);
    int from = 0;
    Matcher m;
    while ((m = DateFinder.firstAt(pattern, text, from, starts)) != null) {
      assertTrue(whole.find(), pattern + " found more in: " + text);
      assertEquals(whole.start() + ":" + whole.group(), m.start() + ":" + m.group(), text);
      from = m.end();
    }
    assertFalse(whole.find(), pattern + " found less in: " + text);
  }
}

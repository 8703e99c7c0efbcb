package io.newsframe.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
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
}

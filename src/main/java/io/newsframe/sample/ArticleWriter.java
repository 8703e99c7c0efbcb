package io.newsframe.sample;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Makes article {@code i} of a sample as a pure function of (seed, i): any article can be made
 * again on its own, which is how copies find their originals and how blocks are made in parallel.
 */
final class ArticleWriter {
  private static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 1);
  private static final int DAYS = 820;
  private static final int COPY_WINDOW = 40;

  private final long seed;

  ArticleWriter(long seed) {
    this.seed = seed;
  }

  SplittableRandom random(int index, int stream) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + stream);
  }

  SampleArticle.Kind kindOf(int index) {
    if (index < COPY_WINDOW) {
      return SampleArticle.Kind.ORIGINAL;
    }
    int roll = random(index, 1).nextInt(100);
    return roll < 2 ? SampleArticle.Kind.EXACT_DUPLICATE
        : roll < 10 ? SampleArticle.Kind.SYNDICATED : SampleArticle.Kind.ORIGINAL;
  }

  SampleArticle article(int index) {
    SampleArticle.Kind kind = kindOf(index);
    if (kind == SampleArticle.Kind.ORIGINAL) {
      return original(index);
    }
    SplittableRandom r = random(index, 2);
    int source = index - 1 - r.nextInt(COPY_WINDOW);
    while (kindOf(source) != SampleArticle.Kind.ORIGINAL) {
      source--;
    }
    SampleArticle base = original(source);
    if (kind == SampleArticle.Kind.EXACT_DUPLICATE) {
      return new SampleArticle(index, base.outlet(), base.topic(), base.date(), base.title(),
          base.paragraphs(), kind, source);
    }
    return syndicate(index, base, r);
  }

  private SampleArticle original(int index) {
    SplittableRandom r = random(index, 3);
    Outlet outlet = Outlet.ALL.get(r.nextInt(Outlet.ALL.size()));
    Lexicon.Topic topic = Lexicon.TOPICS.get(r.nextInt(Lexicon.TOPICS.size()));
    LocalDate date = FIRST_DAY.plusDays(r.nextInt(DAYS));
    Slots slots = new Slots(outlet.camp(), r);
    String title = slots.fill(pick(topic.headlines(), r));
    int paragraphs = 3 + r.nextInt(4);
    List<String> body = new ArrayList<>();
    java.util.Set<String> used = new java.util.HashSet<>();
    for (int p = 0; p < paragraphs; p++) {
      // Two or more sentences a paragraph: lines are then combinations, as unlikely to recur
      // word for word across articles as real paragraphs are.
      int sentences = 2 + r.nextInt(3);
      StringBuilder paragraph = new StringBuilder();
      for (int s = 0; s < sentences; s++) {
        String template = r.nextInt(100) < 62 ? pick(topic.sentences(), r)
            : pick(Lexicon.FRAMING.get(outlet.camp()), r);
        if (!used.add(template)) {
          continue;
        }
        if (paragraph.length() > 0) {
          paragraph.append(' ');
        }
        paragraph.append(slots.fill(template));
      }
      if (paragraph.length() > 0) {
        body.add(paragraph.toString());
      }
    }
    return new SampleArticle(index, outlet, topic, date, title, List.copyOf(body),
        SampleArticle.Kind.ORIGINAL, null);
  }

  /** Another outlet runs the story: a closing sentence may go, a credit line may come. */
  private SampleArticle syndicate(int index, SampleArticle base, SplittableRandom r) {
    List<Outlet> sameCamp = Outlet.ALL.stream()
        .filter(o -> o.camp() == base.outlet().camp() && o != base.outlet()).toList();
    Outlet outlet = r.nextInt(100) < 75 ? pick(sameCamp, r) : pick(Outlet.ALL, r);
    List<String> body = new ArrayList<>(base.paragraphs());
    String last = body.get(body.size() - 1);
    int cut = last.lastIndexOf(". ", last.length() - 3);
    if (cut > 0 && r.nextBoolean()) {
      // Syndicated copies are lightly edited: the last sentence goes.
      body.set(body.size() - 1, last.substring(0, cut + 1));
    }
    if (r.nextBoolean()) {
      body.add("This article was originally published by " + base.outlet().name() + ".");
    }
    return new SampleArticle(index, outlet, base.topic(), base.date(), base.title(), List.copyOf(body),
        SampleArticle.Kind.SYNDICATED, base.index());
  }

  static <T> T pick(List<T> items, SplittableRandom r) {
    return items.get(r.nextInt(items.size()));
  }

  /** Fills the slots of templates consistently within one article. */
  static final class Slots {
    private final Camp camp;
    private final SplittableRandom r;
    private final Lexicon.Official russian;
    private final Lexicon.Official american;

    Slots(Camp camp, SplittableRandom r) {
      this.camp = camp;
      this.r = r;
      this.russian = pick(Lexicon.RUSSIAN, r);
      this.american = pick(Lexicon.AMERICAN, r);
    }

    String fill(String template) {
      if (template.indexOf('{') < 0) {
        return template;
      }
      String war = pick(Lexicon.WAR.get(camp), r);
      return template
          .replace("{RU}", russian.full())
          .replace("{RUS}", russian.surname())
          .replace("{US}", american.full())
          .replace("{USS}", american.surname())
          .replace("{UA}", pick(Lexicon.CAPITAL.get(camp), r))
          .replace("{WAR_CAP}", Character.toUpperCase(war.charAt(0)) + war.substring(1))
          .replace("{WAR}", war)
          .replace("{CITY}", pick(Lexicon.CITIES, r))
          .replace("{NUM}", Integer.toString(5 + r.nextInt(90)))
          .replace("{MONTH}", java.time.Month.of(1 + r.nextInt(12)).getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    }
  }

  /** The date as the outlet writes it. */
  static String dateText(Outlet.DateStyle style, LocalDate date) {
    return switch (style) {
      case LONG_US -> date.format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH));
      case LONG_EU -> date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
      case ISO -> date.toString();
      case DATELINE_SHORT -> date.format(DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH));
      case DATELINE_AGENCY -> date.format(DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH));
      case ORDINAL_DAY -> "on the " + ordinal(date.getDayOfMonth());
      case WEEKDAY_LONG -> date.format(DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH));
      case DOTTED -> date.format(DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ENGLISH));
    };
  }

  static String ordinal(int day) {
    String suffix = (day % 100 >= 11 && day % 100 <= 13) ? "th"
        : switch (day % 10) {
          case 1 -> "st";
          case 2 -> "nd";
          case 3 -> "rd";
          default -> "th";
        };
    return day + suffix;
  }
}

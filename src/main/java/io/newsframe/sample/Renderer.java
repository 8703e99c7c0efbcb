package io.newsframe.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Dresses an article as its outlet's scraper output: a text file with chrome, or a feed record. */
final class Renderer {
  private final ArticleWriter writer;

  Renderer(ArticleWriter writer) {
    this.writer = writer;
  }

  /** The text file a scraper saved for {@code a}: header chrome, title, date, body, footers, teasers. */
  String textFile(SampleArticle a) {
    // Exact copies are byte-identical: render them with the original's randomness.
    int renderIndex = a.kind() == SampleArticle.Kind.EXACT_DUPLICATE ? a.copyOf() : a.index();
    SplittableRandom r = writer.random(renderIndex, 4);
    Outlet o = a.outlet();
    List<String> blocks = new ArrayList<>();
    for (String line : o.header()) {
      blocks.add(line.replace("%TITLE%", a.title())
          .replace("%PUB%", Long.toString(1_000_000_000_000_000L + r.nextLong(8_999_999_999_999_999L))));
    }
    blocks.add(a.title());
    String date = ArticleWriter.dateText(o.dateStyle(), a.date());
    switch (o.dateStyle()) {
      case LONG_US, LONG_EU, ISO, DOTTED -> blocks.add(r.nextBoolean() ? date
          : "By " + pickReporter(r) + " | " + date);
      default -> { }
    }
    List<String> body = new ArrayList<>(a.paragraphs());
    body.set(0, withDate(o, body.get(0), date));
    if (o.slug().equals("generico")) {
      // This site's pages lose their paragraph breaks: the body is one line.
      blocks.add(String.join(" ", body));
    } else {
      for (int p = 0; p < body.size(); p++) {
        blocks.add(body.get(p));
        if (p == 0 && r.nextInt(100) < 25) {
          blocks.add(ArticleWriter.pick(Lexicon.INLINE_CHROME, r).replace("{HEADLINE}", otherHeadline(a, r)));
        }
      }
    }
    blocks.addAll(o.footer());
    if (o.teasers()) {
      for (int t = 0; t < 2 + r.nextInt(2); t++) {
        blocks.add(otherHeadline(a, r));
        blocks.add(teaser(a, r));
      }
    }
    return String.join("\n\n", blocks) + (r.nextBoolean() ? "\n" : "");
  }

  /** The JSONL record a feed delivers: metadata in fields, the body alone in text. */
  String feedRecord(SampleArticle a, String id) {
    Outlet o = a.outlet();
    String text;
    if (o.gluedText()) {
      // Scraped without line breaks: captions and bylines run into the sentences.
      text = "Related TopicsRussia-Ukraine warImage source, EPABy " + reporter(a.index()) + o.name()
          + String.join("", a.paragraphs());
    } else {
      text = String.join("\n\n", a.paragraphs());
    }
    String slug = a.title().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    String url = "https://" + o.host() + "/" + a.date().toString().replace('-', '/') + "/" + slug;
    return "{" + Json.field("id", id) + ", " + Json.field("title", a.title()) + ", "
        + Json.field("date", a.date().toString()) + ", " + Json.field("source", o.name()) + ", "
        + Json.field("url", url) + ", " + Json.field("text", text) + "}";
  }

  private static String withDate(Outlet o, String first, String date) {
    return switch (o.dateStyle()) {
      case DATELINE_SHORT -> pickCity(first) + " " + date + " " + first;
      case DATELINE_AGENCY -> pickCity(first) + ", " + date + " (" + o.name() + "): " + first;
      case ORDINAL_DAY -> first.replaceFirst("\\.$", "") + " " + date + ".";
      case WEEKDAY_LONG -> "On " + date + ", " + Character.toLowerCase(first.charAt(0)) + first.substring(1);
      default -> first;
    };
  }

  private static String pickCity(String text) {
    String[] cities = {"MOSCOW", "WASHINGTON", "ISLAMABAD", "BRUSSELS", "GENEVA"};
    return cities[Math.floorMod(text.hashCode(), cities.length)];
  }

  private String otherHeadline(SampleArticle a, SplittableRandom r) {
    Lexicon.Topic topic = ArticleWriter.pick(Lexicon.TOPICS, r);
    return new ArticleWriter.Slots(a.outlet().camp(), r).fill(ArticleWriter.pick(topic.headlines(), r));
  }

  private String teaser(SampleArticle a, SplittableRandom r) {
    Lexicon.Topic topic = ArticleWriter.pick(Lexicon.TOPICS, r);
    String sentence = new ArticleWriter.Slots(a.outlet().camp(), r).fill(ArticleWriter.pick(topic.sentences(), r));
    return sentence.substring(0, Math.max(20, sentence.length() * 2 / 3)).strip() + "...";
  }

  private static final String[] REPORTERS = {"Laura Peterson", "Mark Levine", "Anna Sokolova",
      "David Chen", "Olga Ivanova", "James Whitfield", "Sara Novak"};

  private static String pickReporter(SplittableRandom r) {
    return REPORTERS[r.nextInt(REPORTERS.length)];
  }

  private static String reporter(int index) {
    return REPORTERS[Math.floorMod(index * 31, REPORTERS.length)];
  }
}

package io.newsframe.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import io.newsframe.config.CleanSettings;
import io.newsframe.config.ConfigLoader;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;

/** Chrome glued inside lines, learned from the batch by its long repeated word shingles. */
class RepeatedPassagesTest {
  /** An ad-feedback form and account menu as a scraper glues them: "loadedAd", "SettingsLog". */
  private static final String MENU = "Site values your feedback How relevant is this ad to you?Did you encounter any "
      + "technical issues? Video player was slow to load contentVideo content never loadedAd froze or did not "
      + "finish loadingLog InMy Account SettingsLog Out Your accountSearch";
  /** Prose many articles quote at length: repeated, but no glue. */
  private static final String QUOTE = "We are always open to dialogue, but our security interests must be respected "
      + "and the expansion of the alliance to our borders is a red line that nobody in Washington should ever doubt, "
      + "the minister said.";
  private static final String SLOGAN = "a community with a shared future for mankind and a new type of international "
      + "relations";

  private static final String[] NAMES = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
      "hotel", "india", "juliett", "kilo", "lima"};

  /** Words that differ between articles (digits would not: line keys write every digit as 0). */
  static String tag(int i) {
    return NAMES[i % NAMES.length] + " " + NAMES[(i / NAMES.length) % NAMES.length];
  }

  private static String article(int i) {
    return "Talks in " + tag(i) + " end | Site" + MENU + "\n\n"
        + "Delegations met in " + tag(i) + " and agreed to build " + SLOGAN + ", officials said in " + tag(i)
        + ". They will meet again next month to discuss arms control in " + tag(i + 1) + ".\n\n"
        + "In " + tag(i) + " the minister repeated it: " + QUOTE;
  }

  /** Learned as the clean stage learns it: with the batch's chrome lines, in one pass. */
  private static RepeatedPassages learn(List<String> texts, int minDocs, int words) {
    var frame = SharedSpark.session().createDataset(texts, Encoders.STRING()).toDF("raw_text");
    BoilerplateRemover remover = new BoilerplateRemover().withSettings(
        new CleanSettings.RepeatedLines(3, 12, minDocs, 100000, words), ConfigLoader.defaults().clean().boilerplate());
    return remover.fit(frame).passages();
  }

  private static List<String> spanTexts(String line, List<RepeatedPassages.Span> spans) {
    return spans.stream().map(s -> line.substring(s.start(), s.end())).toList();
  }

  @Test
  void aMenuGluedToTheHeadlineIsCutAndShorterRepeatedPhrasesStay() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      texts.add(article(i));
    }
    RepeatedPassages passages = learn(texts, 5, 25);
    assertTrue(passages.shingles() > 0);
    List<String> lines = ArticleCleaner.nonEmptyLines(article(100));
    List<List<RepeatedPassages.Span>> found = passages.find(lines);
    // The cut starts after the last words that differ between articles: "| Site" ends every title.
    String headline = lines.get(0);
    assertEquals(List.of(headline.substring(headline.indexOf("end | SiteSite values"))),
        spanTexts(headline, found.get(0)));
    // The slogan is in every article too, but shorter than a 25-word shingle; the quotation is
    // longer, but prose.
    assertEquals(List.of(), found.get(1));
    assertEquals(List.of(), found.get(2));
  }

  @Test
  void passagesInFewerThanMinDocsDocumentsAreNotLearned() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      texts.add(article(i));
    }
    assertEquals(0, learn(texts, 5, 25).shingles());
    assertEquals(0, learn(texts, 2, 0).shingles(), "passage-words 0 turns the rule off");
  }

  @Test
  void aDocumentThatIsNearlyAllRepeatedTextIsACopyAndKeepsIt() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      texts.add("Copy " + tag(i) + ": " + MENU);
    }
    RepeatedPassages passages = learn(texts, 5, 25);
    assertTrue(passages.shingles() > 0);
    assertEquals(List.of(List.of()), passages.find(List.of("Copy " + tag(100) + ": " + MENU)));
  }
}

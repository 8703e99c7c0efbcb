package io.newsframe.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;

/** Chrome glued inside lines, learned from the batch by its long repeated word shingles. */
class RepeatedPassagesTest {
  private static final String MENU = "Site values your feedback How relevant is this ad to you Did you encounter any "
      + "technical issues Video player was slow to load content Log In My Account Settings Log Out Your account Search";
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
        + ". They will meet again next month to discuss arms control in " + tag(i + 1) + ".";
  }

  private static RepeatedPassages learn(List<String> texts, int minDocs, int words) {
    var frame = SharedSpark.session().createDataset(texts, Encoders.STRING()).toDF("raw_text");
    return RepeatedPassages.learn(frame, "raw_text", minDocs, words, 100000);
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
    // The slogan is in every article too, but shorter than a 25-word shingle.
    assertEquals(List.of(), found.get(1));
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
    String story = "The Kremlin said on Tuesday that it was ready to continue the dialogue with Washington on "
        + "strategic stability, and that the next round of talks would take place in Geneva in the coming weeks "
        + "after both delegations consult their capitals.";
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      texts.add(story + " Copy " + tag(i) + ".");
    }
    RepeatedPassages passages = learn(texts, 5, 25);
    assertTrue(passages.shingles() > 0);
    assertEquals(List.of(List.of()), passages.find(List.of(story + " Copy " + tag(100) + ".")));
  }
}

package io.newsframe.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.config.ConfigLoader;
import io.newsframe.stance.TermMatcher.Kind;
import io.newsframe.stance.TermMatcher.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TermMatcherTest {
  private final TermMatcher matcher = TermMatcher.builder()
      .add("US", Kind.NAME, 1)
      .add("U.S.", Kind.NAME, 1)
      .add("Kiev", Kind.NAME, 2)
      .add("Kiev", Kind.FRAMING, 0)
      .add("special military operation", Kind.FRAMING, 1)
      .add("Russia", Kind.NAME, 0)
      .build();

  @Test
  void capitalsMatchExactlyOtherPhrasesIgnoreCase() {
    List<TermMatcher.Hit> hits = matcher.find("Let us see: the US and the U.S. said the Special Military Operation");
    assertEquals(List.of("US", "U.S.", "Special Military Operation"), hits.stream().map(TermMatcher.Hit::text).toList());
  }

  @Test
  void onlyWholeWordsAndEveryRoleOfAPhrase() {
    List<TermMatcher.Hit> hits = matcher.find("Russian troops near Kiev; Russia's envoy");
    assertEquals(List.of("Kiev", "Russia"), hits.stream().map(TermMatcher.Hit::text).toList());
    assertEquals(2, hits.get(0).roles().size());
    assertEquals(20, hits.get(0).start());
    assertEquals(24, hits.get(0).end());
  }

  @Test
  void capitalsAreTwoOrMoreCapitalsAndNoLowerCase() {
    assertTrue(TermMatcher.isCapitals("NATO"));
    assertTrue(TermMatcher.isCapitals("U.S."));
    assertFalse(TermMatcher.isCapitals("Kremlin"));
    assertFalse(TermMatcher.isCapitals("I"));
  }

  @Test
  void capitalsAndTheSameLettersInLowerCaseAreTwoPhrases() {
    TermMatcher both = TermMatcher.builder().add("US", Kind.NAME, 1).add("us", Kind.HEDGE, 0).build();
    List<TermMatcher.Hit> hits = both.find("us and US");
    assertEquals(List.of("us", "US", "US"), hits.stream().map(TermMatcher.Hit::text).toList());
    assertEquals(List.of(new Role(Kind.HEDGE, 0)), hits.get(0).roles());
    assertEquals(List.of(new Role(Kind.NAME, 1)), hits.get(1).roles());
    assertEquals(List.of(new Role(Kind.HEDGE, 0)), hits.get(2).roles());
  }

  /**
   * The matcher against every occurrence of every phrase, found one phrase at a time: capitals
   * exactly, the rest in the text lowered char by char, each kept where no letter touches it. On
   * texts made of the default conf's phrases in random cases, glued by punctuation, letters of
   * other scripts and random characters (U+FFFF among them, the trie's last char value).
   */
  @Test
  void findsWhatExactAndFoldedTriesFind() {
    FeatureSpace space = new FeatureSpace(ConfigLoader.defaults().stance());
    Map<String, List<Role>> exact = new LinkedHashMap<>();
    Map<String, List<Role>> folded = new LinkedHashMap<>();
    TermMatcher.Builder builder = TermMatcher.builder();
    List<String> phrases = new ArrayList<>();
    var settings = space.settings();
    for (int t = 0; t < settings.targets().size(); t++) {
      add(settings.targets().get(t).names(), Kind.NAME, t, builder, exact, folded, phrases);
      add(settings.targets().get(t).voices(), Kind.VOICE, t, builder, exact, folded, phrases);
    }
    for (int g = 0; g < space.framingGroups().size(); g++) {
      add(settings.framing().get(space.framingGroups().get(g)), Kind.FRAMING, g, builder, exact, folded, phrases);
    }
    add(settings.hedges(), Kind.HEDGE, 0, builder, exact, folded, phrases);
    add(List.of("us", "Nato", "eu"), Kind.CONFLICT, 0, builder, exact, folded, phrases);
    TermMatcher matcher = builder.build();
    String[] glue = {" ", " ", ", ", "-", "'s ", "x", ". ", "\u00e9", " \u0416", "\n", "\uffff", "\u4e2d "};
    Random random = new Random(11);
    for (int round = 0; round < 3_000; round++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(12); k >= 0; k--) {
        String phrase = phrases.get(random.nextInt(phrases.size()));
        text.append(switch (random.nextInt(4)) {
          case 0 -> phrase.toLowerCase(Locale.ROOT);
          case 1 -> phrase.toUpperCase(Locale.ROOT);
          default -> phrase;
        }).append(random.nextInt(20) == 0 ? String.valueOf((char) random.nextInt(0x10000))
            : glue[random.nextInt(glue.length)]);
      }
      String s = text.toString();
      List<TermMatcher.Hit> expected = new ArrayList<>();
      occurrences(exact, s, s, expected);
      occurrences(folded, lowerCharByChar(s), s, expected);
      expected.sort(java.util.Comparator.comparingInt(TermMatcher.Hit::start)
          .thenComparing(java.util.Comparator.comparingInt(TermMatcher.Hit::end).reversed()));
      assertEquals(expected, matcher.find(s), s);
    }
  }

  private static void add(List<String> list, Kind kind, int group, TermMatcher.Builder builder,
      Map<String, List<Role>> exact, Map<String, List<Role>> folded, List<String> phrases) {
    for (String phrase : list) {
      builder.add(phrase, kind, group);
      phrases.add(phrase);
      Map<String, List<Role>> into = TermMatcher.isCapitals(phrase) ? exact : folded;
      String key = TermMatcher.isCapitals(phrase) ? phrase : phrase.toLowerCase(Locale.ROOT);
      List<Role> roles = into.computeIfAbsent(key, k -> new ArrayList<>());
      if (!roles.contains(new Role(kind, group))) {
        roles.add(new Role(kind, group));
      }
    }
  }

  private static String lowerCharByChar(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }

  /** Every whole-word occurrence of each phrase in {@code searched} (the text or its lowered form). */
  private static void occurrences(Map<String, List<Role>> phrases, String searched, String text,
      List<TermMatcher.Hit> into) {
    phrases.forEach((phrase, roles) -> {
      for (int at = searched.indexOf(phrase); at >= 0; at = searched.indexOf(phrase, at + 1)) {
        int end = at + phrase.length();
        boolean whole = (at == 0 || !Character.isAlphabetic(text.charAt(at - 1)))
            && (end == text.length() || !Character.isAlphabetic(text.charAt(end)));
        if (whole) {
          into.add(new TermMatcher.Hit(at, end, List.copyOf(roles), text));
        }
      }
    });
  }
}

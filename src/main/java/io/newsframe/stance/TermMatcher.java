package io.newsframe.stance;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every configured word and phrase in a text in one Aho–Corasick pass, as whole words.
 * Phrases are matched ignoring case, except those written in capitals (US, NATO, U.S.), matched
 * exactly so that "us" and "eu" in running text are not taken for them. A phrase may carry several
 * roles ("Kiev" names Ukraine and is a framing choice); overlapping phrases are all reported.
 */
final class TermMatcher {
  /** What a matched phrase is: its kind and the index of its target or group. */
  public record Role(Kind kind, int group) {}

  /** A match: characters [start, end) of {@code source}, the text searched, and the roles of the phrase found there. */
  public record Hit(int start, int end, List<Role> roles, String source) {
    /** The matched characters as the text has them (made on demand: few hits are ever shown). */
    public String text() {
      return source.substring(start, end);
    }
  }

  /** The kinds of phrase the stance features look for. */
  public enum Kind { NAME, TITLE, VOICE, FRAMING, HEDGE, CHARGED, COOPERATION, CONFLICT, VERB, ATTRIBUTION }

  /**
   * A phrase's roles, and the form the text must have exactly where it is found: null for a phrase
   * matched ignoring case.
   */
  private record Entry(List<Role> roles, String exactForm) {}

  /**
   * One trie over both kinds of phrase, matching ignoring case: a phrase in capitals is checked
   * against the text where it is found. One pass instead of one per kind halves the matcher's time
   * (it was a fifth of the scoring's CPU). Capitals whose lower case is not one char per char are
   * matched by a trie of their own, where that check could differ from matching them exactly.
   * Double-array tries: a state's transitions are array offsets, where a trie of hash maps boxed
   * and hashed every character of every text (most of the matcher's time).
   */
  private final AhoCorasickDoubleArrayTrie<Entry> trie;
  private final AhoCorasickDoubleArrayTrie<Entry> exactOnly;

  private TermMatcher(Map<String, List<Role>> exactTerms, Map<String, List<Role>> foldedTerms) {
    Map<String, Entry> folded = new LinkedHashMap<>();
    foldedTerms.forEach((term, roles) -> folded.put(term, new Entry(List.copyOf(roles), null)));
    Map<String, Entry> exact = new LinkedHashMap<>();
    exactTerms.forEach((term, roles) -> {
      String key = lowerCharByChar(term);
      if (key.equals(term.toLowerCase()) && key.equals(term.toLowerCase(java.util.Locale.ROOT))
          && !folded.containsKey(key)) {
        folded.put(key, new Entry(List.copyOf(roles), term));
      } else {
        exact.put(term, new Entry(List.copyOf(roles), term));
      }
    });
    this.trie = build(folded);
    this.exactOnly = build(exact);
  }

  private static String lowerCharByChar(String term) {
    char[] chars = term.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }

  /** Collects phrases with their roles, then builds the matcher. */
  public static final class Builder {
    private final Map<String, List<Role>> exact = new LinkedHashMap<>();
    private final Map<String, List<Role>> folded = new LinkedHashMap<>();

    public Builder add(String phrase, Kind kind, int group) {
      String p = phrase.strip();
      if (p.isEmpty()) {
        return this;
      }
      Role role = new Role(kind, group);
      List<Role> roles = isCapitals(p)
          ? exact.computeIfAbsent(p, k -> new ArrayList<>())
          : folded.computeIfAbsent(p.toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>());
      if (!roles.contains(role)) {
        roles.add(role);
      }
      return this;
    }

    public Builder addAll(List<String> phrases, Kind kind, int group) {
      phrases.forEach(p -> add(p, kind, group));
      return this;
    }

    public TermMatcher build() {
      return new TermMatcher(exact, folded);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Every match in text order (by start, longest first at the same start), as whole words: no
   * letter just before or after (Character.isAlphabetic).
   */
  public List<Hit> find(String text) {
    List<Hit> hits = new ArrayList<>();
    List<Hit> foldedHits = new ArrayList<>();
    if (exactOnly != null) {
      collect(exactOnly, new Searched(text, false), hits, hits);
    }
    if (trie != null) {
      collect(trie, new Searched(text, true), hits, foldedHits);
    }
    // A phrase in capitals before a folded one at the same place, as the sort keeps ties in order.
    hits.addAll(foldedHits);
    hits.sort(Comparator.comparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::end).reversed()));
    return hits;
  }

  /**
   * The text as a trie reads it, lowered char by char or not, without a copy. U+FFFF, a
   * noncharacter no phrase holds, is read as U+FFFE: the double-array trie's transition for the last
   * char value may point one past its arrays.
   */
  private record Searched(String text, boolean lowered) implements CharSequence {
    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      char c = lowered ? Character.toLowerCase(text.charAt(index)) : text.charAt(index);
      return c == '\uffff' ? '\ufffe' : c;
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return toString().substring(start, end);
    }

    @Override
    public String toString() {
      StringBuilder chars = new StringBuilder(text.length());
      for (int i = 0; i < text.length(); i++) {
        chars.append(charAt(i));
      }
      return chars.toString();
    }
  }

  private static void collect(AhoCorasickDoubleArrayTrie<Entry> trie, Searched searched, List<Hit> exactHits,
      List<Hit> foldedHits) {
    String text = searched.text();
    trie.parseText(searched, (AhoCorasickDoubleArrayTrie.IHit<Entry>) (start, end, entry) -> {
      if (!wholeWord(text, start, end)) {
        return;
      }
      if (entry.exactForm() == null) {
        foldedHits.add(new Hit(start, end, entry.roles(), text));
      } else if (text.startsWith(entry.exactForm(), start)) {
        exactHits.add(new Hit(start, end, entry.roles(), text));
      }
    });
  }

  private static boolean wholeWord(String text, int start, int end) {
    return (start == 0 || !Character.isAlphabetic(text.charAt(start - 1)))
        && (end == text.length() || !Character.isAlphabetic(text.charAt(end)));
  }

  private static AhoCorasickDoubleArrayTrie<Entry> build(Map<String, Entry> terms) {
    if (terms.isEmpty()) {
      return null;
    }
    AhoCorasickDoubleArrayTrie<Entry> trie = new AhoCorasickDoubleArrayTrie<>();
    trie.build(terms);
    return trie;
  }

  /** "US", "NATO", "U.S.": two capitals or more and no lower-case letter. */
  static boolean isCapitals(String phrase) {
    int capitals = 0;
    for (int i = 0; i < phrase.length(); i++) {
      char c = phrase.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      if (Character.isUpperCase(c)) {
        capitals++;
      }
    }
    return capitals >= 2;
  }
}

package io.newsframe.stance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

/**
 * Finds every configured word and phrase in a text in one Aho–Corasick pass, as whole words.
 * Phrases are matched ignoring case, except those written in capitals (US, NATO, U.S.), matched
 * exactly so that "us" and "eu" in running text are not taken for them. A phrase may carry several
 * roles ("Kiev" names Ukraine and is a framing choice); overlapping phrases are all reported.
 */
final class TermMatcher {
  /** What a matched phrase is: its kind and the index of its target or group. */
  public record Role(Kind kind, int group) {}

  /** A match: characters [start, end) of the text and the roles of the phrase found there. */
  public record Hit(int start, int end, String text, List<Role> roles) {}

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
   */
  private final PayloadTrie<Entry> trie;
  private final PayloadTrie<Entry> exactOnly;

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
    this.trie = build(folded, true);
    this.exactOnly = build(exact, false);
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

  /** Every match in text order (by start, longest first at the same start). */
  public List<Hit> find(String text) {
    List<Hit> hits = new ArrayList<>();
    List<Hit> foldedHits = new ArrayList<>();
    collect(exactOnly, text, hits, hits);
    collect(trie, text, hits, foldedHits);
    // A phrase in capitals before a folded one at the same place, as the sort keeps ties in order.
    hits.addAll(foldedHits);
    hits.sort(Comparator.comparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::end).reversed()));
    return hits;
  }

  private static void collect(PayloadTrie<Entry> trie, String text, List<Hit> exactHits, List<Hit> foldedHits) {
    if (trie == null) {
      return;
    }
    for (PayloadEmit<Entry> emit : trie.parseText(text)) {
      int start = emit.getStart();
      int end = emit.getEnd() + 1;
      Entry entry = emit.getPayload();
      if (entry.exactForm() == null) {
        foldedHits.add(new Hit(start, end, text.substring(start, end), entry.roles()));
      } else if (text.startsWith(entry.exactForm(), start)) {
        exactHits.add(new Hit(start, end, text.substring(start, end), entry.roles()));
      }
    }
  }

  private static PayloadTrie<Entry> build(Map<String, Entry> terms, boolean ignoreCase) {
    if (terms.isEmpty()) {
      return null;
    }
    var builder = PayloadTrie.<Entry>builder().onlyWholeWords();
    if (ignoreCase) {
      builder.ignoreCase();
    }
    terms.forEach(builder::addKeyword);
    return builder.build();
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

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

  private final PayloadTrie<List<Role>> exact;
  private final PayloadTrie<List<Role>> folded;

  private TermMatcher(Map<String, List<Role>> exactTerms, Map<String, List<Role>> foldedTerms) {
    this.exact = build(exactTerms, false);
    this.folded = build(foldedTerms, true);
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
    collect(exact, text, hits);
    collect(folded, text, hits);
    hits.sort(Comparator.comparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::end).reversed()));
    return hits;
  }

  private static void collect(PayloadTrie<List<Role>> trie, String text, List<Hit> into) {
    if (trie == null) {
      return;
    }
    for (PayloadEmit<List<Role>> emit : trie.parseText(text)) {
      int end = emit.getEnd() + 1;
      into.add(new Hit(emit.getStart(), end, text.substring(emit.getStart(), end), emit.getPayload()));
    }
  }

  private static PayloadTrie<List<Role>> build(Map<String, List<Role>> terms, boolean ignoreCase) {
    if (terms.isEmpty()) {
      return null;
    }
    var builder = PayloadTrie.<List<Role>>builder().onlyWholeWords();
    if (ignoreCase) {
      builder.ignoreCase();
    }
    terms.forEach((term, roles) -> builder.addKeyword(term, List.copyOf(roles)));
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

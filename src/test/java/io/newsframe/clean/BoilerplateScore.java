package io.newsframe.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The boilerplate measure (as ../shared/tools/bp_score.py computes it): a raw line is
 * content when its normalized text occurs in the normalized gold text, kept when it occurs in the
 * output (title + "\n" + text); precision and recall over characters.
 */
final class BoilerplateScore {
  private BoilerplateScore() {}

  /**
   * bp_score.py's normalization. Python's {@code \s} is Unicode white space (the no-break space,
   * the ideographic space of Chinese and Japanese pages), so Java's must be too.
   */
  static String norm(String s) {
    return UNICODE_SPACES.matcher(s).replaceAll(" ").strip().toLowerCase(java.util.Locale.ROOT);
  }

  private static final java.util.regex.Pattern UNICODE_SPACES = java.util.regex.Pattern.compile("(?U)\\s+");

  /** Precision, recall and F1. */
  record Scores(double precision, double recall, double f1) {}

  /** The key of {@link #scoreBySource}'s pooled scores. */
  static final String ALL = "all";

  /** Scores per page source ({@code source_dataset}), and pooled under {@link #ALL}. */
  static Map<String, Scores> scoreBySource(Path pages, Map<String, String> outputById) {
    return scoreBySource(pages, outputById, id -> true);
  }

  /** As {@link #scoreBySource(Path, Map)}, over the pages whose id {@code scored} accepts. */
  static Map<String, Scores> scoreBySource(Path pages, Map<String, String> outputById,
      java.util.function.Predicate<String> scored) {
    Map<String, long[]> counts = new java.util.TreeMap<>();
    for (JsonNode page : read(pages)) {
      if (!scored.test(page.get("id").asText())) {
        continue;
      }
      String gold = norm(page.get("gold_text").asText());
      String out = norm(outputById.getOrDefault(page.get("id").asText(), ""));
      long[] pooled = counts.computeIfAbsent(ALL, k -> new long[3]);
      long[] bySource = counts.computeIfAbsent(page.path("source_dataset").asText("unknown"), k -> new long[3]);
      for (String raw : page.get("raw_text").asText().split("\n")) {
        String n = norm(raw);
        if (n.isEmpty()) {
          continue;
        }
        boolean content = gold.contains(n);
        boolean kept = out.contains(n);
        int slot = kept && content ? 0 : kept ? 1 : content ? 2 : -1;
        if (slot >= 0) {
          pooled[slot] += n.length();
          bySource[slot] += n.length();
        }
      }
    }
    Map<String, Scores> scores = new java.util.TreeMap<>();
    counts.forEach((source, c) -> scores.put(source, scores(c[0], c[1], c[2])));
    return scores;
  }

  /** The ids of the pages whose raw text {@code accepted} accepts. */
  static java.util.Set<String> idsWhereRawText(Path pages, java.util.function.Predicate<String> accepted) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (JsonNode page : read(pages)) {
      if (accepted.test(page.get("raw_text").asText())) {
        ids.add(page.get("id").asText());
      }
    }
    return ids;
  }

  /**
   * What a baseline keeps of each page's raw lines: everything, or the lines C4's rule keeps (at
   * least five words, ending in terminal punctuation, no "javascript"), as bp_score.py defines it.
   */
  static Map<String, String> baseline(Path pages, boolean c4) {
    Map<String, String> out = new java.util.HashMap<>();
    for (JsonNode page : read(pages)) {
      StringBuilder kept = new StringBuilder();
      for (String line : page.get("raw_text").asText().split("\n")) {
        if (!c4 || keptByC4(line)) {
          kept.append(line).append('\n');
        }
      }
      out.put(page.get("id").asText(), kept.toString());
    }
    return out;
  }

  /** A gold page's id, source ({@code source_dataset}) and host (without "www."; "" without a url). */
  record Page(String id, String source, String host) {}

  static java.util.List<Page> pages(Path pages) {
    java.util.List<Page> out = new java.util.ArrayList<>();
    for (JsonNode page : read(pages)) {
      out.add(new Page(page.get("id").asText(), page.path("source_dataset").asText("unknown"),
          host(page.path("url").asText(""))));
    }
    return out;
  }

  private static String host(String url) {
    try {
      String host = url.isEmpty() ? null : java.net.URI.create(url.strip()).getHost();
      return host == null ? "" : host.toLowerCase(java.util.Locale.ROOT).replaceFirst("^www\\.", "");
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** One line per source: ours, C4's and keep-everything's precision / recall / F1. */
  static String table(String title, Map<String, Scores> ours, Map<String, Scores> c4, Map<String, Scores> keep) {
    StringBuilder table = new StringBuilder(title + " (P / R / F1):\n");
    ours.forEach((source, s) -> table.append(String.format(java.util.Locale.ROOT,
        "  %-26s newsframe %.3f / %.3f / %.3f   C4 %.3f / %.3f / %.3f   keep %.3f%n", source,
        s.precision(), s.recall(), s.f1(), c4.get(source).precision(), c4.get(source).recall(), c4.get(source).f1(),
        keep.get(source).f1())));
    return table.toString();
  }

  private static boolean keptByC4(String line) {
    String l = line.strip();
    return l.split("\\s+").length >= 5 && !l.isEmpty() && ".?!\"\u201d".indexOf(l.charAt(l.length() - 1)) >= 0
        && !l.toLowerCase(java.util.Locale.ROOT).contains("javascript");
  }

  private static java.util.List<JsonNode> read(Path pages) {
    ObjectMapper json = new ObjectMapper();
    java.util.List<JsonNode> out = new java.util.ArrayList<>();
    try {
      for (String line : Files.readAllLines(pages)) {
        out.add(json.readTree(line));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  private static Scores scores(long tp, long fp, long fn) {
    double p = tp == 0 ? 0 : (double) tp / (tp + fp);
    double r = tp == 0 ? 0 : (double) tp / (tp + fn);
    return new Scores(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
  }
}

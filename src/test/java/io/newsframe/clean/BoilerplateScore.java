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

  static String norm(String s) {
    return s.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
  }

  /** Precision, recall and F1. */
  record Scores(double precision, double recall, double f1) {}

  /** The key of {@link #scoreBySource}'s pooled scores. */
  static final String ALL = "all";

  /** Scores per page source ({@code source_dataset}), and pooled under {@link #ALL}. */
  static Map<String, Scores> scoreBySource(Path pages, Map<String, String> outputById) {
    Map<String, long[]> counts = new java.util.TreeMap<>();
    for (JsonNode page : read(pages)) {
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

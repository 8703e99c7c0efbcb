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

  static Scores score(Path pages, Map<String, String> outputById) {
    ObjectMapper json = new ObjectMapper();
    long tp = 0;
    long fp = 0;
    long fn = 0;
    try {
      for (String line : Files.readAllLines(pages)) {
        JsonNode page = json.readTree(line);
        String gold = norm(page.get("gold_text").asText());
        String out = norm(outputById.getOrDefault(page.get("id").asText(), ""));
        for (String raw : page.get("raw_text").asText().split("\n")) {
          String n = norm(raw);
          if (n.isEmpty()) {
            continue;
          }
          boolean content = gold.contains(n);
          boolean kept = out.contains(n);
          if (kept && content) {
            tp += n.length();
          } else if (kept) {
            fp += n.length();
          } else if (content) {
            fn += n.length();
          }
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    double p = tp == 0 ? 0 : (double) tp / (tp + fp);
    double r = tp == 0 ? 0 : (double) tp / (tp + fn);
    return new Scores(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
  }
}

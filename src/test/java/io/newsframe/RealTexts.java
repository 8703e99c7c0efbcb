package io.newsframe;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Texts of the real corpora in {@code ../shared/corpora}, for tests that hold code to a reference on them. */
public final class RealTexts {
  private RealTexts() {}

  /** The first {@code n} non-blank values of {@code field} in a JSON-lines file. */
  public static List<String> field(Path jsonl, String field, int n) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(jsonl)) {
      for (String line = in.readLine(); line != null && out.size() < n; line = in.readLine()) {
        String text = json.readTree(line).path(field).asText("");
        if (!text.isBlank()) {
          out.add(text);
        }
      }
    }
    return out;
  }

  /** Every text of the shared corpora: the seed files, the Russia scrape, BBC News and the gold pages' raw text. */
  public static List<String> all(Path shared) throws IOException {
    Path corpora = shared.resolve("corpora");
    List<String> out = new ArrayList<>();
    try (var seeds = Files.list(corpora.resolve("seeds"))) {
      for (Path seed : seeds.sorted().toList()) {
        out.add(Files.readString(seed));
      }
    }
    out.addAll(field(corpora.resolve("russia/journals_interests.jsonl"), "text", Integer.MAX_VALUE));
    out.addAll(field(corpora.resolve("bbc/articles.jsonl"), "text", Integer.MAX_VALUE));
    out.addAll(field(corpora.resolve("boilerplate/pages.jsonl"), "raw_text", Integer.MAX_VALUE));
    return out;
  }
}

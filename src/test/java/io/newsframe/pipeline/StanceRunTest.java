package io.newsframe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsframe.SharedSpark;
import io.newsframe.Slow;
import io.newsframe.config.ConfigLoader;
import io.newsframe.sample.SampleCorpus;
import io.newsframe.stance.StanceStage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stance stage on real corpora: east/west separation without the answer, and the seeds' framings. */
@Slow
class StanceRunTest {
  private static final LocalDate DAY = LocalDate.of(2024, 6, 1);
  @TempDir Path dir;
  private final SparkSession spark = SharedSpark.session();

  /**
   * Derived ids are taken relative to the input's folder: the modelling stages' draws and
   * partitions follow the articles' ids, and a temporary folder's absolute path is new in every
   * run, so without it the clusters (and their purity) could change from one run to the next.
   */
  private void run(String namespace, Path input) {
    new PipelineRun(spark, ConfigLoader.load(null, Map.of("namespace", namespace, "input.uri", input.toString(),
        "input.id-root", input.toAbsolutePath().getParent().toString())), "test", DAY).execute(Stages.all());
  }

  @Test
  void seedsThatScareQuoteInvasionAndOneWritingOfRussiasWarDoNotShareACluster() {
    Path shared = SharedSpark.shared();
    assumeTrue(shared != null, "../shared/corpora is absent: seeds stance check skipped");
    run("stance_seeds", shared.resolve("corpora/seeds"));
    Map<String, Integer> clusterOf = new HashMap<>();
    for (Row r : spark.sql("SELECT a.source_path, s.cluster FROM newsframe.stance_seeds.article_stance s "
        + "JOIN newsframe.stance_seeds.articles a USING (id)").collectAsList()) {
      clusterOf.put(Path.of(r.getString(0)).getFileName().toString().substring(0, 3), r.getInt(1));
    }
    assertTrue(clusterOf.containsKey("002") && clusterOf.containsKey("004"), "both seeds modelled: " + clusterOf);
    assertNotEquals(clusterOf.get("002"), clusterOf.get("004"), "clusters " + clusterOf);
    Row scored = spark.sql("SELECT f.value, size(filter(s.evidence, e -> e.feature = 'scare_quotes')) "
        + "FROM newsframe.stance_seeds.article_stance s JOIN newsframe.stance_seeds.articles a USING (id) "
        + "LATERAL VIEW explode(s.features) x AS f WHERE a.source_path LIKE '%002_%' AND f.name = 'scare_quotes'")
        .first();
    // “invasion” once, “Russian aggression” twice.
    assertEquals(Math.log1p(3), scored.getDouble(0), 1e-9);
    assertTrue(scored.getInt(1) >= 1, "scare quotes are among the evidence");
  }

  /**
   * The generated sample plants two framing camps in its outlets (dialogue or confrontation,
   * "Kiev" or "Kyiv", scare quotes around “invasion”): the stance clusters recover them, over every
   * original article and copy. Measured 0.98 on the built-in 3,000 (docs/benchmarks/history.md).
   */
  @Test
  void theGeneratedSamplesCampsAreRecovered() throws IOException {
    Path out = dir.resolve("sample");
    new SampleCorpus(1000, 42).write(out);
    run("stance_sample", SampleCorpus.corpusDir(out));
    Map<String, String> campOf = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(out.resolve("labels.jsonl"), StandardCharsets.UTF_8)) {
      var label = json.readTree(line);
      if (label.hasNonNull("camp")) {
        campOf.put(label.get("path").asText() + "#" + label.path("line").asText(""), label.get("camp").asText());
      }
    }
    Path corpus = SampleCorpus.corpusDir(out).toAbsolutePath();
    Map<Integer, Map<String, Integer>> byCluster = new TreeMap<>();
    // About 1,000 rows: the camps of every article are needed to score the clusters.
    for (Row r : spark.sql("SELECT a.source_path, a.source_line, s.cluster FROM newsframe.stance_sample.article_stance s "
        + "JOIN newsframe.stance_sample.articles a USING (id)").collectAsList()) {
      String relative = corpus.toUri().relativize(java.net.URI.create(r.getString(0))).getPath();
      String camp = campOf.get(relative + "#" + (relative.startsWith("jsonl/") ? String.valueOf(r.getLong(1)) : ""));
      if (camp != null) {
        byCluster.computeIfAbsent(r.getInt(2), c -> new TreeMap<>()).merge(camp, 1, Integer::sum);
      }
    }
    double purity = ClusterAgreement.purity(byCluster);
    System.out.printf("stance on the generated sample: purity %.3f NMI %.3f clusters %s%n", purity,
        ClusterAgreement.nmi(byCluster), byCluster);
    assertTrue(byCluster.values().stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum()).sum()
        >= 990, "articles scored: " + byCluster);
    assertTrue(purity >= 0.95, "purity " + purity);
  }

  /**
   * journals_interests without its source, bloc, url and query fields: purity and NMI of the
   * clusters against bloc, overall and per source, over every record (duplicates and articles kept
   * out of modelling are placed too). The articles not placed (cluster -1: a body under
   * stance.min-body-words words, the BBC's 50 video pages and 5 photo or over-cut pages here)
   * count as one more cluster, as ../shared/tools/cluster_score.py counts them; purity over the
   * placed ones alone is checked too. Measured: 0.920 both ways, NMI 0.535, at k = 2
   * (docs/benchmarks/history.md); the floors are the issue's 0.90 and the measured NMI less a margin.
   * Plain TF-IDF with k-means reaches 0.785 here, the earlier co-occurrence axes 0.774 and 0.299.
   */
  @Test
  void eastAndWestOutletsWithoutSourceFields() throws IOException {
    Path shared = SharedSpark.shared();
    assumeTrue(shared != null, "../shared/corpora is absent: east/west stance check skipped");
    Path original = shared.resolve("corpora/russia/journals_interests.jsonl");
    Path blind = dir.resolve("blind.jsonl");
    Map<String, String[]> truth = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedWriter out = Files.newBufferedWriter(blind, StandardCharsets.UTF_8)) {
      for (String line : Files.readAllLines(original, StandardCharsets.UTF_8)) {
        ObjectNode record = (ObjectNode) json.readTree(line);
        truth.put(record.get("id").asText(), new String[] {record.get("bloc").asText(), record.get("source").asText()});
        record.remove(List.of("source", "bloc", "url", "query_topic"));
        out.write(json.writeValueAsString(record));
        out.newLine();
      }
    }
    run("stance_ru", blind);
    Map<Integer, Map<String, Integer>> byCluster = new TreeMap<>();
    Map<String, Map<Integer, Integer>> bySource = new TreeMap<>();
    int minBodyWords = ConfigLoader.load(null, Map.of()).stance().minBodyWords();
    // k x articles is small here (1.5k rows); the floors need every article's cluster.
    for (Row r : spark.sql("SELECT s.id, s.cluster, a.words FROM newsframe.stance_ru.article_stance s "
        + "JOIN newsframe.stance_ru.articles a USING (id)").collectAsList()) {
      String[] t = truth.get(r.getString(0));
      int cluster = r.getInt(1);
      assertEquals(r.getInt(2) < minBodyWords, cluster == StanceStage.UNPLACED,
          r.getString(0) + ": placed exactly when its body has min-body-words words");
      byCluster.computeIfAbsent(cluster, c -> new TreeMap<>()).merge(t[0], 1, Integer::sum);
      bySource.computeIfAbsent(t[1], s -> new TreeMap<>()).merge(cluster, 1, Integer::sum);
    }
    double purity = ClusterAgreement.purity(byCluster);
    double nmi = ClusterAgreement.nmi(byCluster);
    Map<Integer, Map<String, Integer>> placed = new TreeMap<>(byCluster);
    Map<String, Integer> unplaced = placed.remove(StanceStage.UNPLACED);
    double placedPurity = ClusterAgreement.purity(placed);
    System.out.printf("stance on journals_interests: k=%d purity %.3f NMI %.3f; placed only: purity %.3f; "
        + "clusters %s sources %s%n", placed.size(), purity, nmi, placedPurity, byCluster, bySource);
    assertEquals(truth.size(), byCluster.values().stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum()).sum(),
        "every record has its stance row");
    assertTrue(unplaced == null || unplaced.values().stream().mapToInt(Integer::intValue).sum() <= 60,
        "not placed: " + unplaced);
    assertTrue(purity >= 0.90, "purity " + purity);
    assertTrue(placedPurity >= 0.90, "purity of the placed articles " + placedPurity);
    assertTrue(nmi >= 0.50, "NMI " + nmi);
  }
}

package io.newsframe.topics;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Per topic, the titles of the articles that are most of it: the titled articles with the highest
 * share of the topic, ties to the smaller id in Spark's order of strings (their UTF-8 bytes), best
 * first.
 *
 * <p>Why not a window over every (article, topic) pair, ranked by share within each topic: at
 * 100,000 articles and 50 topics that is 3.7 million rows joined with the titles and sorted, for 150
 * titles. Here each task keeps the best few of each topic as it reads its articles (a bounded heap
 * per topic), and the driver merges the tasks' few: the articles are joined with their titles once,
 * as they are, and nothing else is shuffled.
 */
final class RepresentativeTitles {
  /** One article's share of one topic, with what the result needs of it. */
  record Candidate(int topic, double share, String id, String title) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Higher share first, then the smaller id as Spark orders strings. */
  static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::share).reversed()
      .thenComparing(c -> UTF8String.fromString(c.id()));

  private RepresentativeTitles() {}

  /**
   * @param articleTopics {@code id} and {@code topic_distribution} (a share per topic)
   * @param titles {@code id} and {@code title}, null where an article has none
   * @return per topic with a titled article, the titles of its best {@code perTopic}, best first
   */
  static Map<Integer, List<String>> of(Dataset<Row> articleTopics, Dataset<Row> titles, int perTopic) {
    Dataset<Row> titled = articleTopics.select(col("id"), col("topic_distribution"))
        .join(titles.where(col("title").isNotNull()).select(col("id"), col("title")), "id");
    List<Candidate> candidates = titled.javaRDD()
        .mapPartitions(rows -> bestOf(rows, perTopic).iterator())
        .collect();
    return merged(candidates, perTopic);
  }

  /** The best {@code perTopic} of each topic among {@code rows} (id, distribution, title). */
  static List<Candidate> bestOf(Iterator<Row> rows, int perTopic) {
    Map<Integer, PriorityQueue<Candidate>> heaps = new HashMap<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      List<Double> shares = row.getList(1);
      for (int topic = 0; topic < shares.size(); topic++) {
        double share = shares.get(topic);
        // The heap's head is the worst it keeps: a candidate better than it takes its place. Most
        // (article, topic) pairs have a lower share than a full heap's worst, and make no object.
        PriorityQueue<Candidate> heap = heaps.computeIfAbsent(topic, t -> new PriorityQueue<>(BEST_FIRST.reversed()));
        if (heap.size() >= perTopic && share < heap.peek().share()) {
          continue;
        }
        Candidate candidate = new Candidate(topic, share, row.getString(0), row.getString(2));
        if (heap.size() < perTopic) {
          heap.add(candidate);
        } else if (BEST_FIRST.compare(candidate, heap.peek()) < 0) {
          heap.poll();
          heap.add(candidate);
        }
      }
    }
    List<Candidate> out = new ArrayList<>();
    heaps.values().forEach(out::addAll);
    return out;
  }

  /** The tasks' candidates merged: the best {@code perTopic} titles of each topic, best first. */
  static Map<Integer, List<String>> merged(List<Candidate> candidates, int perTopic) {
    Map<Integer, List<Candidate>> byTopic = new HashMap<>();
    for (Candidate c : candidates) {
      byTopic.computeIfAbsent(c.topic(), t -> new ArrayList<>()).add(c);
    }
    Map<Integer, List<String>> out = new HashMap<>();
    byTopic.forEach((topic, list) -> out.put(topic,
        list.stream().sorted(BEST_FIRST).limit(perTopic).map(Candidate::title).toList()));
    return out;
  }
}

package io.newsframe.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Union-find over ids whose root is always the smallest id of its set, in Spark's string order. */
final class LinkSets {
  private final Map<String, String> parent = new HashMap<>();

  void link(String a, String b) {
    String ra = root(a);
    String rb = root(b);
    if (DriverComponents.SPARK_ORDER.compare(ra, rb) <= 0) {
      parent.put(rb, ra);
    } else {
      parent.put(ra, rb);
    }
  }

  String root(String vertex) {
    String root = parent.computeIfAbsent(vertex, v -> v);
    while (!root.equals(parent.get(root))) {
      root = parent.get(root);
    }
    parent.put(vertex, root);
    return root;
  }

  /** Each id linked so far and its set's smallest id. */
  Map<String, String> roots() {
    Map<String, String> out = new HashMap<>();
    for (String vertex : new ArrayList<>(parent.keySet())) {
      out.put(vertex, root(vertex));
    }
    return out;
  }

  /**
   * The (src, dst) links of {@code links} as stars: each id linked to its set's smallest id, the
   * smallest linked to none. The stars join exactly the ids the links join.
   */
  static Iterator<Row> asStars(Iterator<Row> links) {
    LinkSets sets = new LinkSets();
    links.forEachRemaining(link -> sets.link(link.getString(0), link.getString(1)));
    List<Row> stars = new ArrayList<>();
    sets.roots().forEach((vertex, root) -> {
      if (!vertex.equals(root)) {
        stars.add(RowFactory.create(vertex, root));
      }
    });
    return stars.iterator();
  }
}

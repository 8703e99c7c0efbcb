package io.newsframe.topics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One partition's documents held as a single object: the sampler's state between
 * synchronisations. Spark's memory store estimates the size of cached values by walking a sample
 * of them at intervals as they arrive; with one value per document, that estimate took about a
 * seventh of every synchronisation's CPU on many short articles (docs/benchmarks/history.md). One value
 * per partition is estimated once.
 *
 * <p>{@code words[i]} and {@code topics[i]} belong to document {@code ids[i]}; the word arrays are
 * never written, so blocks may share them.
 */
record DocumentBlock(String[] ids, int[][] words, int[][] topics) implements Serializable {

  /** The documents of every block of the iterator, in order, with their topic arrays copied. */
  static List<TopicDocument> copyDocuments(Iterator<DocumentBlock> blocks) {
    List<TopicDocument> documents = new ArrayList<>();
    while (blocks.hasNext()) {
      DocumentBlock b = blocks.next();
      for (int i = 0; i < b.ids.length; i++) {
        documents.add(new TopicDocument(b.ids[i], b.words[i], b.topics[i].clone()));
      }
    }
    return documents;
  }

  static DocumentBlock of(List<TopicDocument> documents) {
    int n = documents.size();
    String[] ids = new String[n];
    int[][] words = new int[n][];
    int[][] topics = new int[n][];
    for (int i = 0; i < n; i++) {
      TopicDocument d = documents.get(i);
      ids[i] = d.id();
      words[i] = d.words();
      topics[i] = d.topics();
    }
    return new DocumentBlock(ids, words, topics);
  }

  /** The block's documents as views over its arrays. */
  List<TopicDocument> documents() {
    List<TopicDocument> documents = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      documents.add(new TopicDocument(ids[i], words[i], topics[i]));
    }
    return documents;
  }
}

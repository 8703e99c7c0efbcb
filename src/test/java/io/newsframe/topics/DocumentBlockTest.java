package io.newsframe.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A partition's documents in one block: order kept, and a sweep's copy never writes the block. */
class DocumentBlockTest {

  private static List<TopicDocument> documents() {
    return List.of(new TopicDocument("a", new int[] {3, 1, 4}, new int[] {0, 1, 0}),
        new TopicDocument("b", new int[] {1, 5}, new int[] {1, 1}),
        new TopicDocument("c", new int[0], new int[0]));
  }

  @Test
  void keepsTheDocumentsInOrder() {
    List<TopicDocument> back = DocumentBlock.of(documents()).documents();
    assertEquals(3, back.size());
    for (int i = 0; i < back.size(); i++) {
      assertEquals(documents().get(i).id(), back.get(i).id());
      assertArrayEquals(documents().get(i).words(), back.get(i).words());
      assertArrayEquals(documents().get(i).topics(), back.get(i).topics());
    }
  }

  @Test
  void copiesTopicsButSharesWordsAcrossBlocks() {
    DocumentBlock first = DocumentBlock.of(documents());
    DocumentBlock second = DocumentBlock.of(List.of(new TopicDocument("d", new int[] {2}, new int[] {1})));
    List<TopicDocument> copy = DocumentBlock.copyDocuments(List.of(first, second).iterator());

    assertEquals(List.of("a", "b", "c", "d"), copy.stream().map(TopicDocument::id).toList());
    copy.get(0).topics()[0] = 7;
    copy.get(3).topics()[0] = 7;
    // A task that runs again must find its parent's topics as they were.
    assertArrayEquals(new int[] {0, 1, 0}, first.topics()[0]);
    assertArrayEquals(new int[] {1}, second.topics()[0]);
    assertSame(first.words()[0], copy.get(0).words());
  }
}

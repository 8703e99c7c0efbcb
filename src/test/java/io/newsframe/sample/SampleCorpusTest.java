package io.newsframe.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCorpusTest {
  @TempDir Path dir;

  private static String treeDigest(Path root) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        digest.update(root.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(p));
      }
    }
    return java.util.HexFormat.of().formatHex(digest.digest());
  }

  private static List<String> labels(Path out) throws IOException {
    return Files.readAllLines(out.resolve("labels.jsonl"));
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\": (null|\"((?:[^\"\\\\]|\\\\.)*)\"|[0-9]+)").matcher(json);
    if (!m.find()) {
      return null;
    }
    return m.group(2) != null ? m.group(2) : ("null".equals(m.group(1)) ? null : m.group(1));
  }

  @Test
  void theSameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws Exception {
    new SampleCorpus(300, 5).write(dir.resolve("a"));
    new SampleCorpus(300, 5).write(dir.resolve("b"));
    new SampleCorpus(300, 6).write(dir.resolve("c"));
    assertEquals(treeDigest(dir.resolve("a")), treeDigest(dir.resolve("b")));
    assertNotEquals(treeDigest(dir.resolve("a")), treeDigest(dir.resolve("c")));
  }

  @Test
  void labelsCoverEveryArticleAndEveryBadInput() throws IOException {
    Path out = dir.resolve("s");
    SampleCorpus.Stats stats = new SampleCorpus(1000, 42).write(out);
    List<String> labels = labels(out);
    assertEquals(1000 + 8, labels.size());
    long rejects = labels.stream().filter(l -> field(l, "reject") != null).count();
    assertEquals(SampleCorpus.BadInputs.COUNT, rejects);
    assertEquals(1000L, stats.byKind().values().stream().mapToLong(Long::longValue).sum());
    assertTrue(stats.byKind().get("syndicated") > 40, stats.byKind().toString());
    assertTrue(stats.byKind().get("exact_duplicate") > 5, stats.byKind().toString());
  }

  @Test
  void exactDuplicatesAreByteIdenticalToTheirOriginal() throws IOException {
    Path out = dir.resolve("d");
    new SampleCorpus(2000, 42).write(out);
    Map<String, String> pathByKey = new HashMap<>();
    List<String> labels = labels(out);
    for (String l : labels) {
      pathByKey.put(field(l, "key"), field(l, "path"));
    }
    int checked = 0;
    for (String l : labels) {
      String path = field(l, "path");
      if ("exact_duplicate".equals(field(l, "kind")) && path.startsWith("txt/")) {
        Path copy = SampleCorpus.corpusDir(out).resolve(path);
        Path original = SampleCorpus.corpusDir(out).resolve(pathByKey.get(field(l, "copy_of")));
        assertArrayEquals(read(original), read(copy), path);
        checked++;
      }
    }
    assertTrue(checked >= 10, "checked " + checked);
  }

  private static byte[] read(Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    if (path.toString().endsWith(".gz")) {
      try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
        return in.readAllBytes();
      }
    }
    return bytes;
  }

  @Test
  void theCampsFrameTheWarDifferently() throws IOException {
    Path out = dir.resolve("f");
    new SampleCorpus(1500, 42).write(out);
    Map<String, int[]> counts = Map.of("east", new int[3], "west", new int[3]);
    for (String l : labels(out)) {
      String camp = field(l, "camp");
      String path = field(l, "path");
      // Copies may cross camps (an outlet reprinting the other side's story): originals only.
      if (camp == null || !"original".equals(field(l, "kind")) || !path.startsWith("txt/") || path.endsWith(".gz")) {
        continue;
      }
      String text = Files.readString(SampleCorpus.corpusDir(out).resolve(path));
      int[] c = counts.get(camp);
      c[0] += text.contains("Kiev") ? 1 : 0;
      c[1] += text.contains("Kyiv") ? 1 : 0;
      c[2] += text.contains("“invasion”") || text.contains("“Russian aggression”") ? 1 : 0;
    }
    assertTrue(counts.get("east")[0] > 5 * Math.max(1, counts.get("east")[1]), "east Kiev/Kyiv");
    assertTrue(counts.get("west")[1] > 5 * Math.max(1, counts.get("west")[0]), "west Kyiv/Kiev");
    assertTrue(counts.get("east")[2] > 20 && counts.get("west")[2] == 0, "scare quotes only in the east");
  }

  @Test
  void aFolderThatIsNotASampleIsNotReplaced() throws IOException {
    Path out = dir.resolve("mine");
    Files.createDirectories(out);
    Files.writeString(out.resolve("precious.txt"), "keep me");
    assertThrows(IllegalArgumentException.class, () -> new SampleCorpus(100, 1).write(out));
    assertEquals("keep me", Files.readString(out.resolve("precious.txt")));
  }

  @Test
  void aSampleFromAFirstIndexContinuesTheSeedsCorpusWithIdsOfItsOwn() throws IOException {
    new SampleCorpus(600, 42).write(dir.resolve("day1"));
    new SampleCorpus(200, 42, 600).write(dir.resolve("day2"));
    new SampleCorpus(800, 42).write(dir.resolve("both"));
    Map<String, String> titleByKey = new HashMap<>();
    for (String l : labels(dir.resolve("both"))) {
      titleByKey.put(field(l, "key"), field(l, "title"));
    }
    java.util.Set<String> firstDayIds = new java.util.HashSet<>();
    for (String l : labels(dir.resolve("day1"))) {
      firstDayIds.add(field(l, "id"));
    }
    firstDayIds.addAll(jsonlIds(dir.resolve("day1")));
    int articles = 0;
    int copiesOfTheFirstDay = 0;
    for (String l : labels(dir.resolve("day2"))) {
      if (field(l, "key").startsWith("bad")) {
        continue;
      }
      articles++;
      int index = Integer.parseInt(field(l, "key").substring(1));
      assertTrue(index >= 600 && index < 800, field(l, "key"));
      // Article n is the same whichever sample writes it.
      assertEquals(titleByKey.get(field(l, "key")), field(l, "title"));
      String copyOf = field(l, "copy_of");
      copiesOfTheFirstDay += copyOf != null && Integer.parseInt(copyOf.substring(1)) < 600 ? 1 : 0;
    }
    assertEquals(200, articles);
    assertTrue(copiesOfTheFirstDay > 0, "some copies copy the first day's articles");
    for (String id : jsonlIds(dir.resolve("day2"))) {
      assertTrue(!firstDayIds.contains(id), "id " + id + " is taken by the first day");
    }
  }

  /** The id fields of a sample's JSONL records (plain files only: the gzipped shards hold more of the same kind). */
  private static List<String> jsonlIds(Path out) throws IOException {
    List<String> ids = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.list(SampleCorpus.corpusDir(out).resolve("jsonl"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(f)) {
          String id = field(line, "id");
          if (id != null) {
            ids.add(id);
          }
        }
      }
    }
    return ids;
  }
}

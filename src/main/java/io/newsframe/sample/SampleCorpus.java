package io.newsframe.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a sample corpus of {@code articles} good articles plus a fixed set of bad inputs:
 * <pre>
 * OUT/corpus/txt/&lt;outlet&gt;/&lt;block&gt;/&lt;outlet&gt;-&lt;n&gt;.txt[.gz]  one article per file, as scraped
 * OUT/corpus/txt/misc/...                           empty, blank, binary and Latin-1 files
 * OUT/corpus/jsonl/&lt;outlet&gt;-&lt;block&gt;.jsonl[.gz]      feed records (and three bad lines)
 * OUT/labels.jsonl                                  the truth for every record of the corpus
 * </pre>
 * Blocks of articles are made in parallel; every byte depends only on (articles, seed, first
 * index). Article n is the same in every sample of a seed, so a sample whose first index is an
 * earlier one's article count continues it: a later day of the same feeds, with new ids, whose
 * copies may copy the earlier day's articles.
 */
public final class SampleCorpus {
  static final int BLOCK = 5000;
  private static final String MARKER = ".newsframe-sample";

  private final int articles;
  private final long seed;
  private final int firstIndex;
  private final ArticleWriter writer;
  private final Renderer renderer;

  public SampleCorpus(int articles, long seed) {
    this(articles, seed, 0);
  }

  /** Articles {@code firstIndex} to {@code firstIndex + articles - 1} of the seed's corpus. */
  public SampleCorpus(int articles, long seed, int firstIndex) {
    if (articles < 1 || articles > 10_000_000) {
      throw new IllegalArgumentException("--articles must be between 1 and 10,000,000, got " + articles);
    }
    if (firstIndex < 0 || firstIndex > 10_000_000) {
      throw new IllegalArgumentException("--first-index must be between 0 and 10,000,000, got " + firstIndex);
    }
    this.articles = articles;
    this.seed = seed;
    this.firstIndex = firstIndex;
    this.writer = new ArticleWriter(seed);
    this.renderer = new Renderer(writer);
  }

  /** Where the corpus proper (the pipeline's input) is inside a sample folder. */
  public static Path corpusDir(Path out) {
    return out.resolve("corpus");
  }

  /** What was written. */
  public record Stats(int articles, long seed, long files, long bytes, Map<String, Long> byKind) {
    public String describe(Path out) {
      return String.format(java.util.Locale.ROOT,
          "wrote %,d articles (seed %d) as %,d files, %.1f MB, to %s: %s; %d bad inputs; truth in %s",
          articles, seed, files, bytes / 1e6, corpusDir(out), byKind, BadInputs.COUNT, out.resolve("labels.jsonl"));
    }
  }

  public Stats write(Path out) {
    try {
      prepare(out);
      Path corpus = corpusDir(out);
      AtomicLong files = new AtomicLong();
      AtomicLong bytes = new AtomicLong();
      Map<String, Long> byKind = new TreeMap<>();
      int blocks = (articles + BLOCK - 1) / BLOCK;
      try (Writer labels = Files.newBufferedWriter(out.resolve("labels.jsonl"), StandardCharsets.UTF_8)) {
        BadInputs.write(corpus, labels, files, bytes, firstIndex);
        IntStream.range(0, blocks).parallel()
            .mapToObj(b -> writeBlock(corpus, b, files, bytes))
            .forEachOrdered(block -> append(labels, block, byKind));
      }
      Files.writeString(out.resolve(MARKER),
          "articles=" + articles + "\nseed=" + seed + "\nfirst-index=" + firstIndex + "\n");
      return new Stats(articles, seed, files.get(), bytes.get(), byKind);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sample to " + out + ": " + e.getMessage(), e);
    }
  }

  /** A block's label lines and kind counts. */
  private record Block(String labels, Map<String, Long> kinds) {}

  private Block writeBlock(Path corpus, int block, AtomicLong files, AtomicLong bytes) {
    StringBuilder labels = new StringBuilder();
    Map<String, Long> kinds = new LinkedHashMap<>();
    Map<String, StringBuilder> feeds = new TreeMap<>();
    Map<String, Long> feedLines = new TreeMap<>();
    int from = block * BLOCK;
    int to = Math.min(articles, from + BLOCK);
    try {
      for (int i = from; i < to; i++) {
        SampleArticle a = writer.article(firstIndex + i);
        kinds.merge(a.kind().name().toLowerCase(), 1L, Long::sum);
        String path;
        Long line = null;
        String id = null;
        if (a.outlet().feed()) {
          StringBuilder feed = feeds.computeIfAbsent(a.outlet().slug(), k -> new StringBuilder());
          id = a.outlet().slug() + "-" + a.key();
          feed.append(renderer.feedRecord(a, id)).append('\n');
          line = feedLines.merge(a.outlet().slug(), 1L, Long::sum);
          path = feedPath(a.outlet(), block);
        } else {
          path = "txt/" + a.outlet().slug() + "/" + String.format("%04d", block) + "/"
              + a.outlet().slug() + "-" + a.key() + (compressed(a) ? ".txt.gz" : ".txt");
          byte[] content = renderer.textFile(a).getBytes(StandardCharsets.UTF_8);
          writeFile(corpus.resolve(path), content, compressed(a));
          files.incrementAndGet();
          bytes.addAndGet(content.length);
        }
        labels.append(label(a, path, line, id)).append('\n');
      }
      for (Map.Entry<String, StringBuilder> feed : feeds.entrySet()) {
        Outlet outlet = Outlet.ALL.stream().filter(o -> o.slug().equals(feed.getKey())).findFirst().orElseThrow();
        byte[] content = feed.getValue().toString().getBytes(StandardCharsets.UTF_8);
        writeFile(corpus.resolve(feedPath(outlet, block)), content, feedPath(outlet, block).endsWith(".gz"));
        files.incrementAndGet();
        bytes.addAndGet(content.length);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Block(labels.toString(), kinds);
  }

  /** Some outlets' archives come gzipped: every tenth file of one, every other shard of a feed. */
  private static boolean compressed(SampleArticle a) {
    return a.outlet().slug().equals("eurasia") && a.index() % 10 == 3;
  }

  private static String feedPath(Outlet outlet, int block) {
    boolean gz = outlet.slug().equals("westernwire") && block % 2 == 1;
    return "jsonl/" + outlet.slug() + "-" + String.format("%05d", block) + (gz ? ".jsonl.gz" : ".jsonl");
  }

  private static String label(SampleArticle a, String path, Long line, String id) {
    return "{" + Json.field("key", a.key()) + ", " + Json.field("path", path) + ", "
        + Json.field("line", line) + ", " + Json.field("id", id) + ", "
        + Json.field("outlet", a.outlet().name()) + ", " + Json.field("host", a.outlet().host()) + ", "
        + Json.field("camp", a.outlet().camp().name().toLowerCase()) + ", "
        + Json.field("topic", a.topic().key()) + ", " + Json.field("date", a.date().toString()) + ", "
        + Json.field("date_style", a.outlet().dateStyle().name().toLowerCase()) + ", "
        + Json.field("title", a.title()) + ", "
        + Json.field("kind", a.kind().name().toLowerCase()) + ", "
        + Json.field("copy_of", a.copyOf() == null ? null : SampleArticle.key(a.copyOf())) + ", "
        + Json.field("reject", null) + "}";
  }

  private static void append(Writer labels, Block block, Map<String, Long> byKind) {
    try {
      labels.write(block.labels());
      block.kinds().forEach((k, v) -> byKind.merge(k, v, Long::sum));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writeFile(Path path, byte[] content, boolean gzip) throws IOException {
    Files.createDirectories(path.getParent());
    try (OutputStream out = Files.newOutputStream(path)) {
      if (gzip) {
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
          gz.write(content);
        }
      } else {
        out.write(content);
      }
    }
  }

  /** An earlier sample is replaced; any other non-empty folder is left alone. */
  private static void prepare(Path out) throws IOException {
    if (Files.isDirectory(out)) {
      boolean empty;
      try (Stream<Path> entries = Files.list(out)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty && !Files.exists(out.resolve(MARKER))) {
        throw new IllegalArgumentException(out + " is not empty and holds no earlier sample; not replacing it");
      }
      try (Stream<Path> walk = Files.walk(out)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          if (!p.equals(out)) {
            Files.delete(p);
          }
        }
      }
    }
    Files.createDirectories(out);
  }

  /** Inputs every sample has, each of which ingest must reject for its own reason. */
  static final class BadInputs {
    /** Records ingest must reject; one more record here is a good one (see below). */
    static final int COUNT = 7;

    private BadInputs() {}

    /** @param firstIndex the sample's first article: a continuing sample's records get ids of their own */
    static void write(Path corpus, Writer labels, AtomicLong files, AtomicLong bytes, int firstIndex)
        throws IOException {
      byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R',
          0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4};
      Map<String, byte[]> misc = new LinkedHashMap<>();
      misc.put("txt/misc/empty.txt", new byte[0]);
      misc.put("txt/misc/blank.txt", " \n\n\t \n".getBytes(StandardCharsets.UTF_8));
      misc.put("txt/misc/logo.txt", png);
      misc.put("txt/misc/latin1.txt", ("Caf\u00e9 diplomacy: the Kremlin and Washington "
          + "resume talks in Gen\u00e8ve.").getBytes(StandardCharsets.ISO_8859_1));
      List<String> reasons = List.of("empty", "empty", "binary", "invalid_utf8");
      int k = 0;
      for (Map.Entry<String, byte[]> file : misc.entrySet()) {
        writeFile(corpus.resolve(file.getKey()), file.getValue(), false);
        files.incrementAndGet();
        bytes.addAndGet(file.getValue().length);
        labels.write("{" + Json.field("key", "bad" + k) + ", " + Json.field("path", file.getKey()) + ", "
            + Json.field("line", null) + ", " + Json.field("reject", reasons.get(k)) + "}\n");
        k++;
      }
      String suffix = firstIndex == 0 ? "" : "-" + firstIndex;
      String twice = "twice" + suffix;
      String[] lines = {
          "{\"id\": \"bad-truncated" + suffix + "\", \"title\": \"Truncated record\", \"text\": \"The Kremlin said",
          "{\"id\": \"bad-no-text" + suffix + "\", \"title\": \"A record without a body\", \"date\": \"2022-02-24\"}",
          "{\"id\": \"" + twice + "\", \"title\": \"Corrections\", "
              + "\"text\": \"A correction to an earlier report on the talks in Geneva.\"}",
          "{\"id\": \"" + twice + "\", \"title\": \"Same id again\", "
              + "\"text\": \"A second record with an id already taken.\"}"};
      // The third line is a good record: the fourth is rejected only because it reuses its id.
      String[] lineReasons = {"malformed_json", "missing_text", null, "duplicate_id"};
      Path feed = corpus.resolve("jsonl/zz-rejects.jsonl");
      StringBuilder content = new StringBuilder();
      for (int i = 0; i < lines.length; i++) {
        content.append(lines[i]).append('\n');
        labels.write("{" + Json.field("key", "bad" + (k + i)) + ", " + Json.field("path", "jsonl/zz-rejects.jsonl")
            + ", " + Json.field("line", i + 1) + ", " + Json.field("reject", lineReasons[i]) + "}\n");
      }
      writeFile(feed, content.toString().getBytes(StandardCharsets.UTF_8), false);
      files.incrementAndGet();
      bytes.addAndGet(content.length());
    }
  }
}

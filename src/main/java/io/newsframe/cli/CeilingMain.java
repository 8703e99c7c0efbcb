package io.newsframe.cli;

import io.newsframe.text.Words;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jobs/ceiling}: how fast one thread of plain Java reads an input's bytes and splits them
 * into words, with no Spark, no tables and no rules: the bound the pipeline's stages are measured
 * against per core ({@code jobs/bench} runs it on the same input in the same command).
 */
@Command(name = "ceiling", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Reads every file under --input (as the pipeline lists them: names starting with . or _",
        "skipped; .gz and co. decompressed) on one thread, decodes UTF-8 and splits it into words,",
        "then prints the bytes, the words and MB/s. Prints 'ceiling_mb_per_s=X' last."})
public final class CeilingMain implements Callable<Integer>, JobRunner.Verbosity {
  @Option(names = "--input", paramLabel = "URI", required = true, description = "File or folder to read.")
  String input;

  @Option(names = "--passes", paramLabel = "N",
      description = "Passes over the input; the fastest counts (default 2: the first warms the page cache).")
  int passes = 2;

  @Option(names = "--verbose", description = "Show stack traces of errors.")
  boolean verbose;

  public static void main(String[] args) {
    System.exit(JobRunner.run("ceiling", new CeilingMain(), args));
  }

  @Override
  public boolean verbose() {
    return verbose;
  }

  @Override
  public Integer call() throws IOException {
    Pass best = measure(input, passes);
    System.out.printf(Locale.ROOT, "ceiling: %,d files, %.2f MB, %,d words in %.2f s on one thread%n",
        best.files, best.bytes / 1e6, best.words, best.seconds);
    System.out.printf(Locale.ROOT, "ceiling_mb_per_s=%.2f%n", best.bytes / 1e6 / best.seconds);
    return 0;
  }

  /** The fastest of {@code passes} reads of the input. */
  static Pass measure(String input, int passes) throws IOException {
    if (passes < 1) {
      throw new IllegalArgumentException("--passes must be at least 1, not " + passes);
    }
    Configuration conf = new Configuration();
    Path root = new Path(input);
    FileSystem fs = root.getFileSystem(conf);
    // Local files are read without Hadoop's checksum layer (which looks for a .crc beside every
    // file): the ceiling is the plain read, not what the pipeline's file system adds to it.
    if (fs instanceof LocalFileSystem local) {
      fs = local.getRawFileSystem();
    }
    if (!fs.exists(root)) {
      throw new IllegalArgumentException("input not found: " + input);
    }
    Pass best = null;
    for (int i = 0; i < passes; i++) {
      Pass pass = new Pass(new CompressionCodecFactory(conf));
      long start = System.nanoTime();
      pass.read(fs, fs.getFileStatus(root));
      pass.seconds = (System.nanoTime() - start) / 1e9;
      if (best == null || pass.seconds < best.seconds) {
        best = pass;
      }
    }
    return best;
  }

  /** One read of the whole input. */
  static final class Pass {
    private final CompressionCodecFactory codecs;
    long files;
    long bytes;
    long words;
    double seconds;

    Pass(CompressionCodecFactory codecs) {
      this.codecs = codecs;
    }

    void read(FileSystem fs, FileStatus status) throws IOException {
      String name = status.getPath().getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        return;
      }
      if (status.isDirectory()) {
        for (FileStatus child : fs.listStatus(status.getPath())) {
          read(fs, child);
        }
        return;
      }
      CompressionCodec codec = codecs.getCodec(status.getPath());
      try (InputStream raw = fs.open(status.getPath());
          InputStream in = codec == null ? raw : codec.createInputStream(raw)) {
        byte[] content = in.readAllBytes();
        files++;
        bytes += content.length;
        words += Words.split(new String(content, StandardCharsets.UTF_8)).length;
      }
    }
  }
}

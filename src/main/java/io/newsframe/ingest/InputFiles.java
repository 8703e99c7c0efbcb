package io.newsframe.ingest;

import io.newsframe.config.ConfigError;
import io.newsframe.config.InputFormat;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Lists the files of an input URI through Hadoop's FileSystem (local paths, file://, hdfs://, any
 * configured store), as a Dataset with {@link InputFile#SCHEMA}. Names starting with '.' or '_' are
 * skipped, as Spark and Hadoop do (checksums, _SUCCESS markers); everything else is an input.
 *
 * <p>The driver lists folders breadth first until it has seen {@link #DRIVER_FILES} files; the
 * folders it has not listed by then are walked by tasks, one subtree each. A small input is listed
 * without a Spark job; a large one never has more than that many files on the driver, whatever the
 * corpus size (what remains there is the frontier of folders handed to the tasks).
 */
public final class InputFiles {
  /** Files the driver lists itself before handing the rest of the tree to tasks. */
  public static final int DRIVER_FILES = 20_000;

  private InputFiles() {}

  /** The input's qualified root, or a one-line error naming it when it does not exist. */
  public static Path requireExists(String uri, Configuration hadoop) {
    Path path = new Path(uri);
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      if (!fs.exists(path)) {
        throw new ConfigError("input not found: " + uri);
      }
      return fs.makeQualified(path);
    } catch (IOException e) {
      throw new ConfigError("input cannot be read: " + uri + " (" + e.getMessage() + ")", e);
    }
  }

  /** Every input file under {@code uri}, listed by the driver up to {@code driverFiles}, then by tasks. */
  public static Dataset<Row> list(SparkSession spark, String uri, InputFormat format, String idRoot,
      int driverFiles) {
    if (driverFiles < 0) {
      throw new IllegalArgumentException("driverFiles must be 0 or more, not " + driverFiles);
    }
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Path root = requireExists(uri, hadoop);
    Lister lister = new Lister(idRoot, format, new CompressionCodecFactory(hadoop));
    List<Row> listed = new ArrayList<>();
    Deque<Path> unlisted = new ArrayDeque<>();
    try {
      FileSystem fs = root.getFileSystem(hadoop);
      FileStatus rootStatus = fs.getFileStatus(root);
      if (rootStatus.isFile()) {
        listed.add(lister.describe(rootStatus).toRow());
      } else {
        unlisted.add(rootStatus.getPath());
        listBreadthFirst(fs, lister, driverFiles, listed, unlisted);
      }
    } catch (FileNotFoundException e) {
      throw new ConfigError("input not found: " + uri, e);
    } catch (IOException | UncheckedIOException e) {
      throw new ConfigError("input cannot be listed: " + uri + " (" + e.getMessage() + ")", e);
    }
    Dataset<Row> onDriver = spark.createDataFrame(listed, InputFile.SCHEMA);
    return unlisted.isEmpty() ? onDriver : onDriver.union(listOnTasks(spark, lister, unlisted));
  }

  /**
   * Lists folders from the front of {@code unlisted} into {@code listed} while the budget lasts; a
   * folder whose files would exceed it goes back to the front, unlisted.
   */
  private static void listBreadthFirst(FileSystem fs, Lister lister, int budget, List<Row> listed,
      Deque<Path> unlisted) throws IOException {
    while (!unlisted.isEmpty()) {
      Path dir = unlisted.poll();
      List<FileStatus> files = new ArrayList<>();
      List<Path> dirs = new ArrayList<>();
      RemoteIterator<FileStatus> children = fs.listStatusIterator(dir);
      while (children.hasNext()) {
        FileStatus child = children.next();
        if (isHidden(child.getPath().getName())) {
          continue;
        }
        if (child.isDirectory()) {
          dirs.add(child.getPath());
        } else if (listed.size() + files.size() < budget) {
          files.add(child);
        } else {
          unlisted.addFirst(dir);
          return;
        }
      }
      files.forEach(file -> listed.add(lister.describe(file).toRow()));
      unlisted.addAll(dirs);
    }
  }

  /** The files under each of {@code dirs}, every subtree walked by one task. */
  private static Dataset<Row> listOnTasks(SparkSession spark, Lister lister, Deque<Path> dirs) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<HadoopConf> conf = jsc.broadcast(new HadoopConf(spark.sparkContext().hadoopConfiguration()));
    List<String> roots = dirs.stream().map(Path::toString).toList();
    int slices = Math.max(1, Math.min(roots.size(), 4 * jsc.defaultParallelism()));
    JavaRDD<Row> rows = jsc.parallelize(roots, slices).mapPartitions(part -> {
      Configuration hadoop = conf.value().get();
      Lister onTask = lister.withCodecs(new CompressionCodecFactory(hadoop));
      List<Row> out = new ArrayList<>();
      while (part.hasNext()) {
        Path dir = new Path(part.next());
        walk(dir.getFileSystem(hadoop), dir, onTask, out);
      }
      return out.iterator();
    });
    return spark.createDataFrame(rows, InputFile.SCHEMA);
  }

  /**
   * Depth-first listing with listStatus. FileSystem.listFiles would build a LocatedFileStatus per
   * file, and on the local file system that reads permissions by starting an 'ls' process per file
   * (tens of seconds for 10,000 files); only names and lengths are needed here.
   */
  private static void walk(FileSystem fs, Path dir, Lister lister, List<Row> out) throws IOException {
    for (FileStatus status : fs.listStatus(dir)) {
      if (isHidden(status.getPath().getName())) {
        continue;
      }
      if (status.isDirectory()) {
        walk(fs, status.getPath(), lister, out);
      } else {
        out.add(lister.describe(status).toRow());
      }
    }
  }

  private static boolean isHidden(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }

  /** Describes listed files: their id key and how they are read. Travels to the tasks without its codecs. */
  private static final class Lister implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final String idRoot;
    private final InputFormat format;
    private final transient CompressionCodecFactory codecs;

    Lister(String idRoot, InputFormat format, CompressionCodecFactory codecs) {
      this.idRoot = idRoot;
      this.format = format;
      this.codecs = codecs;
    }

    Lister withCodecs(CompressionCodecFactory codecs) {
      return new Lister(idRoot, format, codecs);
    }

    InputFile describe(FileStatus status) {
      Path path = status.getPath();
      String name = path.getName();
      var codec = codecs.getCodec(path);
      String plainName = codec == null ? name
          : CompressionCodecFactory.removeSuffix(name, codec.getDefaultExtension());
      return new InputFile(path.toString(), StableIds.key(path.toString(), idRoot), status.getLen(),
          status.getModificationTime(), FileKind.of(plainName, format));
    }
  }
}

package io.newsframe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsframe.SharedSpark;
import io.newsframe.config.ConfigLoader;
import io.newsframe.config.NewsframeConfig;
import io.newsframe.sample.SampleCorpus;
import io.newsframe.tables.Warehouse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that reads its corpus from hdfs:// and keeps its tables there too. */
class HdfsRunTest {
  @TempDir static Path dir;
  private static MiniDFSCluster cluster;
  private static String hdfs;

  @BeforeAll
  static void startHdfs() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("dfs").toString());
    conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
    conf.set("dfs.datanode.address", "127.0.0.1:0");
    conf.set("dfs.datanode.http.address", "127.0.0.1:0");
    conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
    conf.set("dfs.namenode.http-address", "127.0.0.1:0");
    cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    cluster.waitActive();
    hdfs = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
    Path local = dir.resolve("sample");
    new SampleCorpus(120, 3).write(local);
    FileSystem fs = cluster.getFileSystem();
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(SampleCorpus.corpusDir(local).toUri()),
        new org.apache.hadoop.fs.Path(hdfs + "/corpus"));
  }

  @AfterAll
  static void stopHdfs() {
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  @Test
  void readsAndWritesHdfs() {
    // A session of its own on the shared context: the catalog set here stays out of the other tests' SQL conf.
    SparkSession spark = SharedSpark.session().newSession();
    Warehouse.sessionConf("onhdfs", "news", hdfs + "/warehouse").forEach((k, v) -> {
      if (!k.equals("spark.sql.extensions") && !k.equals("spark.sql.defaultCatalog")) {
        spark.conf().set(k, v);
      }
    });
    NewsframeConfig config = ConfigLoader.load(null, Map.of(
        "catalog", "onhdfs", "input.uri", hdfs + "/corpus", "warehouse", hdfs + "/warehouse"));
    LocalDate day = LocalDate.of(2024, 1, 2);
    RunReport report = new PipelineRun(spark, config, hdfs + "/warehouse", day).execute(Stages.all());
    assertEquals(128, report.stages().get(0).outcome().rowsIn());
    assertEquals(121L, spark.sql("SELECT count(*) FROM onhdfs.news.raw_articles").as(Encoders.LONG()).first());
    String path = spark.sql("SELECT source_path FROM onhdfs.news.raw_articles LIMIT 1").as(Encoders.STRING()).first();
    assertEquals(hdfs, path.substring(0, hdfs.length()));
  }
}

package io.newsframe.topics;

import io.newsframe.tables.Checkpoints;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Approximate distributed LDA on Spark: every partition sweeps its documents against its own copy
 * of the word-topic counts, the partitions' count changes are summed on the driver after each
 * synchronisation, and the merged counts go out again as a broadcast. Hyperparameters are
 * optimized from count histograms the partitions return with their changes. A small corpus is
 * swept the same way by threads on the driver, where a merge costs no Spark job.
 */
final class AdLdaTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(AdLdaTrainer.class);

  /**
   * Settings of one training run. The first {@code alignedSweeps} sweeps merge the counts after
   * every sweep: while topics form from a random start, partitions that sweep apart for longer
   * grow different topics under the same number, and merging them leaves mixed topics that later
   * sweeps rarely undo (measured in docs/benchmarks/history.md). A corpus of at most {@code
   * driverMaxTokens} tokens is swept on the driver (see {@link DriverPartitions}); 0 never does.
   */
  record Settings(int topics, int iterations, int alignedSweeps, int sweepsPerSync, int burnIn, int optimizeInterval,
      double alphaSum, double beta, long seed, long driverMaxTokens) implements Serializable {}

  /**
   * What training leaves: the counts and priors of the model, and the documents' final topics,
   * cached until {@link #release()}.
   */
  record Result(int[] wordTopic, double[] alpha, double beta, JavaRDD<DocumentBlock> blocks) {
    JavaRDD<TopicDocument> documents() {
      return blocks.flatMap(b -> b.documents().iterator());
    }

    void release() {
      blocks.unpersist(false);
    }
  }

  private AdLdaTrainer() {}

  static Result train(JavaSparkContext sc, JavaRDD<TopicDocument> input, int vocabularySize, Settings s) {
    int k = s.topics();
    JavaRDD<DocumentBlock> initial = input.mapPartitions(it -> List.of(initialBlock(it, k, s.seed())).iterator(), true)
        .persist(StorageLevel.MEMORY_AND_DISK());
    int[] wordTopic = initial.mapPartitions(it -> List.of(counts(it, vocabularySize, k)).iterator())
        .treeReduce(AdLdaTrainer::sum);
    // The counts sum to the corpus's tokens: where to sweep is decided without another pass.
    Partitions partitions = fitsOnDriver(wordTopic, s.driverMaxTokens()) ? DriverPartitions.of(sc, initial)
        : new SparkPartitions(sc, initial);
    double[] alpha = new double[k];
    java.util.Arrays.fill(alpha, s.alphaSum() / k);
    double beta = s.beta();
    int done = 0;
    try {
      for (int sync = 0; done < s.iterations(); sync++) {
        int sweeps = Math.min(done < s.alignedSweeps() ? 1 : s.sweepsPerSync(), s.iterations() - done);
        boolean optimize = s.optimizeInterval() > 0 && done + sweeps > s.burnIn()
            && (done + sweeps) / s.optimizeInterval() > done / s.optimizeInterval();
        Sweep sweep = new Sweep(vocabularySize, k, alpha.clone(), beta, sweeps, s.seed() * 1_000_003L + sync, optimize);
        CountChange change = partitions.sweep(wordTopic, sweep);
        wordTopic = sum(wordTopic, change.wordTopic());
        if (optimize) {
          alpha = optimizedAlpha(alpha, change.histograms(), k);
          beta = Dirichlet.optimizeBeta(beta, cellHistogram(wordTopic), totals(wordTopic, k), vocabularySize);
        }
        if (LOG.isInfoEnabled() && (sync + 1) % 10 == 0) {
          LOG.info("topics: {} of {} iterations", done + sweeps, s.iterations());
        }
        done += sweeps;
      }
    } finally {
      partitions.close();
    }
    return new Result(wordTopic, alpha, beta, partitions.blocks());
  }

  /** @return whether the corpus of these word-topic counts has at most {@code maxTokens} tokens (0: never) */
  private static boolean fitsOnDriver(int[] wordTopic, long maxTokens) {
    long tokens = 0;
    for (int count : wordTopic) {
      tokens += count;
    }
    return maxTokens > 0 && tokens <= maxTokens;
  }

  /** What every partition does between two merges: the same for all, but for its seed. */
  record Sweep(int vocabularySize, int topics, double[] alpha, double beta, int sweeps, long seed,
      boolean histograms) implements Serializable {

    /**
     * Sweeps the documents in place against a copy of the snapshot counts.
     *
     * @return the partition's count changes (and document histograms when asked for)
     */
    CountChange run(List<TopicDocument> documents, int[] snapshot, int partition) {
      int[] local = snapshot.clone();
      GibbsSweep sampler = new GibbsSweep(topics, vocabularySize, local, totals(local, topics), alpha, beta,
          seed * 31 + partition);
      for (int i = 0; i < sweeps; i++) {
        sampler.sweep(documents);
      }
      for (int i = 0; i < local.length; i++) {
        local[i] -= snapshot[i];
      }
      return new CountChange(local, histograms ? documentHistograms(documents, topics) : Map.of());
    }
  }

  /** Where the partitions' documents live between merges, and how they are swept. */
  private interface Partitions {
    /** Sweeps every partition from the merged counts; returns the sum of their changes. */
    CountChange sweep(int[] wordTopic, Sweep sweep);

    /** The documents with their final topics, cached until {@link Result#release()}. */
    JavaRDD<DocumentBlock> blocks();

    void close();
  }

  /** The documents stay on the executors; each merge is one Spark job. */
  private static final class SparkPartitions implements Partitions {
    private final JavaSparkContext sc;
    private JavaRDD<DocumentBlock> blocks;

    SparkPartitions(JavaSparkContext sc, JavaRDD<DocumentBlock> blocks) {
      this.sc = sc;
      this.blocks = blocks;
    }

    @Override
    public CountChange sweep(int[] wordTopic, Sweep sweep) {
      Broadcast<int[]> snapshot = sc.broadcast(wordTopic);
      ChangeAccumulator changes = new ChangeAccumulator();
      sc.sc().register(changes, "topic count changes");
      JavaRDD<DocumentBlock> next = blocks.mapPartitionsWithIndex((partition, it) -> {
        // A copy: the cached parent's topics must stay as they were if this task runs again.
        List<TopicDocument> documents = DocumentBlock.copyDocuments(it);
        changes.add(sweep.run(documents, snapshot.value(), partition));
        return List.of(DocumentBlock.of(documents)).iterator();
      }, true)
          // The kept state is a pass-through of the sweep: once checkpointed it is what later jobs
          // serialize, and its own closure must not hold this synchronisation's broadcast.
          .mapPartitions(it -> it, true).persist(StorageLevel.MEMORY_AND_DISK());
      // One job per synchronisation: it sweeps, keeps and checkpoints the new state (the lineage
      // stays one step long over hundreds of iterations), and its accumulator brings back the
      // count changes. The sweep runs in the job's only stage, a result stage, whose accumulator
      // updates Spark applies once per partition even when a task is retried.
      boolean reliable = Checkpoints.isReliable(sc.sc());
      if (!reliable) {
        next.rdd().localCheckpoint();
      }
      next.count();
      CountChange change = changes.isZero() ? CountChange.none(wordTopic.length) : changes.value();
      if (reliable) {
        // Written after the changes are read, by a job of its own: should it have to sweep a lost
        // partition again, its accumulator updates come too late to be counted twice.
        next = Checkpoints.writeComputed(next);
      }
      blocks.unpersist(false);
      snapshot.destroy(false);
      blocks = next;
      return change;
    }

    @Override
    public JavaRDD<DocumentBlock> blocks() {
      return blocks;
    }

    @Override
    public void close() {}
  }

  /**
   * A small corpus is swept on the driver, one thread per partition (at most one per core), with
   * the same partitions, seeds and merges as on the executors, so the model is the same bit for bit.
   * Each merge then costs microseconds instead of a Spark job, a broadcast and a cached copy of
   * the state (about 23 ms each, over half the training time of a corpus of a few thousand
   * articles). Only corpora of at most driverMaxTokens tokens come here, so the driver's memory
   * stays bounded however large the input.
   */
  private static final class DriverPartitions implements Partitions {
    private final JavaSparkContext sc;
    private final List<DocumentBlock> blocks;
    private final ExecutorService threads;

    /** The cached initial blocks, brought to the driver and released from the cache. */
    static DriverPartitions of(JavaSparkContext sc, JavaRDD<DocumentBlock> initial) {
      List<DocumentBlock> blocks = initial.collect();
      initial.unpersist(false);
      return new DriverPartitions(sc, blocks);
    }

    private DriverPartitions(JavaSparkContext sc, List<DocumentBlock> blocks) {
      this.sc = sc;
      this.blocks = blocks;
      int cores = Math.max(1, Math.min(blocks.size(), Runtime.getRuntime().availableProcessors()));
      this.threads = Executors.newFixedThreadPool(cores, r -> {
        Thread t = new Thread(r, "newsframe-topics-sweep");
        t.setDaemon(true);
        return t;
      });
    }

    @Override
    public CountChange sweep(int[] wordTopic, Sweep sweep) {
      List<Future<CountChange>> running = new ArrayList<>();
      for (int p = 0; p < blocks.size(); p++) {
        int partition = p;
        running.add(threads.submit(() -> sweep.run(blocks.get(partition).documents(), wordTopic, partition)));
      }
      CountChange total = CountChange.none(wordTopic.length);
      for (Future<CountChange> change : running) {
        total = total.plus(finished(change));
      }
      return total;
    }

    private static CountChange finished(Future<CountChange> change) {
      try {
        return change.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("topics: interrupted while sweeping", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("topics: a sweep on the driver failed", e.getCause());
      }
    }

    @Override
    public JavaRDD<DocumentBlock> blocks() {
      return sc.parallelize(blocks, Math.max(1, blocks.size())).persist(StorageLevel.MEMORY_AND_DISK());
    }

    @Override
    public void close() {
      threads.shutdownNow();
    }
  }

  private static DocumentBlock initialBlock(Iterator<TopicDocument> it, int k, long seed) {
    List<TopicDocument> documents = new ArrayList<>();
    while (it.hasNext()) {
      TopicDocument d = it.next();
      SplittableRandom random = new SplittableRandom(seed ^ d.id().hashCode() * 0x9E3779B97F4A7C15L);
      int[] topics = new int[d.words().length];
      for (int i = 0; i < topics.length; i++) {
        topics[i] = random.nextInt(k);
      }
      documents.add(new TopicDocument(d.id(), d.words(), topics));
    }
    return DocumentBlock.of(documents);
  }

  private static int[] counts(Iterator<DocumentBlock> it, int vocabularySize, int k) {
    int[] counts = new int[vocabularySize * k];
    while (it.hasNext()) {
      DocumentBlock b = it.next();
      for (int d = 0; d < b.words().length; d++) {
        int[] words = b.words()[d];
        int[] topics = b.topics()[d];
        for (int i = 0; i < words.length; i++) {
          counts[words[i] * k + topics[i]]++;
        }
      }
    }
    return counts;
  }

  static int[] totals(int[] wordTopic, int k) {
    int[] totals = new int[k];
    for (int i = 0; i < wordTopic.length; i++) {
      totals[i % k] += wordTopic[i];
    }
    return totals;
  }

  /**
   * Keys: topic k and count n > 0 as (k + 1) << 32 | n, documents with n tokens of k; document
   * lengths as n alone.
   */
  private static Map<Long, Long> documentHistograms(List<TopicDocument> documents, int k) {
    Map<Long, Long> histogram = new HashMap<>();
    int[] docTopic = new int[k];
    for (TopicDocument d : documents) {
      java.util.Arrays.fill(docTopic, 0);
      for (int t : d.topics()) {
        docTopic[t]++;
      }
      for (int t = 0; t < k; t++) {
        if (docTopic[t] > 0) {
          histogram.merge(((long) (t + 1) << 32) | docTopic[t], 1L, Long::sum);
        }
      }
      histogram.merge((long) d.topics().length, 1L, Long::sum);
    }
    return histogram;
  }

  @SuppressWarnings("unchecked")
  private static double[] optimizedAlpha(double[] alpha, Map<Long, Long> histograms, int k) {
    Map<Integer, Long>[] topicDocs = new Map[k];
    for (int t = 0; t < k; t++) {
      topicDocs[t] = new HashMap<>();
    }
    Map<Integer, Long> lengths = new HashMap<>();
    for (Map.Entry<Long, Long> e : histograms.entrySet()) {
      int topic = (int) (e.getKey() >>> 32) - 1;
      int n = (int) (e.getKey() & 0xffffffffL);
      if (topic < 0) {
        lengths.merge(n, e.getValue(), Long::sum);
      } else {
        topicDocs[topic].merge(n, e.getValue(), Long::sum);
      }
    }
    double[] updated = alpha.clone();
    Dirichlet.optimizeAlpha(updated, topicDocs, lengths);
    return updated;
  }

  private static Map<Integer, Long> cellHistogram(int[] wordTopic) {
    Map<Integer, Long> histogram = new HashMap<>();
    for (int count : wordTopic) {
      if (count > 0) {
        histogram.merge(count, 1L, Long::sum);
      }
    }
    return histogram;
  }

  private static int[] sum(int[] a, int[] b) {
    int[] out = a.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += b[i];
    }
    return out;
  }
}

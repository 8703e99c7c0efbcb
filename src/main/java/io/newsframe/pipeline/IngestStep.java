package io.newsframe.pipeline;

import static org.apache.spark.sql.functions.col;

import io.newsframe.ingest.IngestRecords;
import io.newsframe.ingest.IngestStage;
import io.newsframe.tables.Tables;
import io.newsframe.tables.Tables.Rejects;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/** Runs {@link IngestStage} and writes raw_articles and the stage's rejects. */
final class IngestStep implements Stage {
  @Override
  public String name() {
    return IngestStage.NAME;
  }

  @Override
  public StageOutcome run(RunContext context) {
    // The files are read once. The raw records are kept (spilling to disk) while the id check reads
    // them twice; the checked records are kept for the counts and the two writes.
    Dataset<Row> read = IngestStage.readRecords(
        context.spark(), context.config().input(), context.config().ingest())
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> records = IngestStage.rejectDuplicateIds(read, context.config().ingest().excerptChars())
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      StageOutcome outcome = outcome(records);
      read.unpersist();
      context.warehouse().writeRun(Tables.RAW_ARTICLES, IngestStage.articles(records), context.run());
      context.warehouse().writeRun(Tables.REJECTS, IngestStage.rejects(records), context.run(),
          col(Rejects.STAGE).equalTo(IngestStage.NAME));
      return outcome;
    } finally {
      read.unpersist();
      records.unpersist();
    }
  }

  private static StageOutcome outcome(Dataset<Row> records) {
    long articles = 0;
    long rejects = 0;
    Map<String, Long> byReason = new TreeMap<>();
    for (Row row : records.groupBy(IngestRecords.OUTCOME, Rejects.REASON).count().collectAsList()) {
      long n = row.getLong(2);
      if (IngestRecords.ARTICLE.equals(row.getString(0))) {
        articles += n;
      } else {
        rejects += n;
        byReason.put("rejected." + row.getString(1), n);
      }
    }
    return new StageOutcome(articles + rejects, articles, rejects,
        List.of(Tables.RAW_ARTICLES, Tables.REJECTS), byReason);
  }
}

package io.newsframe.cli;

import io.newsframe.config.ConfigError;
import io.newsframe.tables.ScalaValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.PersistedView$;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.command.CreateViewCommand;

/**
 * Tells statements that only read the warehouse from those that change it, on Spark's own parse of
 * the statement (not on its first word, which {@code WITH ... INSERT} or {@code FROM t INSERT}
 * would fool). A statement reads when no node of its plan writes: queries, SHOW, DESCRIBE and
 * EXPLAIN read; session-local commands (SET, USE, temporary views, caching) change nothing stored.
 * Anything else that Spark or Iceberg calls a command (DDL, DML, CALL, ADD JAR...) writes.
 */
final class ReadOnlySql {
  /** Commands that read the catalog or touch only this session. */
  private static final Set<String> READING_COMMANDS = Set.of(
      "ShowTables", "ShowTablesExtended", "ShowNamespaces", "ShowViews", "ShowColumns", "ShowTableProperties",
      "ShowCreateTable", "ShowPartitions", "ShowFunctions", "ShowCatalogsCommand", "ShowCurrentNamespaceCommand",
      "DescribeRelation", "DescribeColumn", "DescribeNamespace", "DescribeFunction", "ExplainCommand",
      "SetCommand", "ResetCommand", "SetCatalogAndNamespace", "SetNamespaceCommand",
      "CacheTable", "CacheTableAsSelect", "UncacheTable", "ClearCacheCommand$");
  /** Plan nodes that write without being commands in Spark's sense. */
  private static final Set<String> WRITING_STATEMENTS = Set.of("InsertIntoStatement", "InsertIntoDir", "Call");

  private ReadOnlySql() {}

  /** The names of the plan nodes of {@code sql} that would write; empty when it only reads. */
  static List<String> writes(SparkSession spark, String sql) {
    LogicalPlan plan;
    try {
      plan = spark.sessionState().sqlParser().parsePlan(sql);
    } catch (ParseException e) {
      throw new ConfigError("the statement does not parse: " + e.getMessage());
    }
    List<String> found = new ArrayList<>();
    collectWrites(plan, found);
    return found;
  }

  private static void collectWrites(LogicalPlan plan, List<String> found) {
    String name = plan.getClass().getSimpleName();
    boolean writes = WRITING_STATEMENTS.contains(name)
        || plan instanceof Command && !READING_COMMANDS.contains(name) && !temporaryView(plan);
    if (writes) {
      found.add(name);
    }
    for (LogicalPlan child : ScalaValues.list(plan.children())) {
      collectWrites(child, found);
    }
  }

  private static boolean temporaryView(LogicalPlan plan) {
    return plan instanceof CreateViewCommand view && view.viewType() != PersistedView$.MODULE$;
  }
}

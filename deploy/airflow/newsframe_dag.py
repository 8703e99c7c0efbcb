"""newsframe every night with Airflow's SparkSubmitOperator (apache-airflow-providers-apache-spark).

The operator runs spark-submit with the same application jar and arguments as jobs/pipeline.
Overlap is refused twice: max_active_runs=1 here, and the warehouse lock inside the job (a
second run exits non-zero at once, saying who holds the lock). The run date is Airflow's logical
date, so clearing a task re-runs exactly that day's files.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

NEWSFRAME_JAR = "/opt/newsframe/target/newsframe-0.1.0-SNAPSHOT.jar"
NEWSFRAME_CONF = "/opt/newsframe/conf/cluster.conf"

with DAG(
    dag_id="newsframe_nightly",
    schedule="30 2 * * *",
    start_date=datetime(2026, 12, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=10)},
) as dag:
    SparkSubmitOperator(
        task_id="pipeline",
        conn_id="spark_default",  # master (yarn, spark://..., k8s://...) is set on the connection
        application=NEWSFRAME_JAR,
        java_class="io.newsframe.cli.PipelineMain",
        name="newsframe-pipeline",
        conf={"spark.driver.memory": "4g"},
        files=NEWSFRAME_CONF,
        application_args=[
            "--conf", "cluster.conf",
            "--input", "hdfs://namenode:8020/newsframe/incoming",
            "--run-date", "{{ ds }}",
        ],
    )

"""Reads newsframe's result tables for the notebooks.

Every query of a notebook goes to jobs/query in one call (one JVM, one Spark session), which
writes each result as CSV; pandas reads them back. The warehouse and run date come from the
environment, defaulting to the built-in sample's run (jobs/pipeline with no arguments):

    NEWSFRAME_WAREHOUSE   folder or URI of the tables (default: <repo>/warehouse)
    NEWSFRAME_RUN_DATE    yyyy-mm-dd (default: the latest date with a succeeded run)
"""
import json
import os
import pathlib
import re
import subprocess
import tempfile

import pandas as pd

HOME = pathlib.Path(__file__).resolve().parent.parent
WAREHOUSE = os.environ.get("NEWSFRAME_WAREHOUSE", str(HOME / "warehouse"))
RUN_DATE = os.environ.get("NEWSFRAME_RUN_DATE", "")
if RUN_DATE and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", RUN_DATE):
    raise ValueError(f"NEWSFRAME_RUN_DATE={RUN_DATE!r}: expected yyyy-mm-dd")

# The run shown: the given date, or the latest date with a succeeded attempt. A date's rows in the
# tables are those of its latest succeeded attempt, and topic and cluster numbers belong to that
# run's models: the queries below never mix run dates.
RUN = (f"run_date = DATE '{RUN_DATE}'" if RUN_DATE
       else "run_date = (SELECT max(run_date) FROM runs WHERE status = 'succeeded')")


def query(**statements):
    """Runs each named SQL statement ({run} stands for the run filter); returns DataFrames by name."""
    with tempfile.TemporaryDirectory() as folder:
        script = pathlib.Path(folder, "notebook.sql")
        script.write_text("".join(f"-- name: {name}\n{sql.replace('{run}', RUN)};\n"
                                  for name, sql in statements.items()), encoding="utf-8")
        out = pathlib.Path(folder, "results")
        command = [str(HOME / "jobs" / "query"), "--warehouse", WAREHOUSE, "--format", "csv",
                   "--file", str(script), "--out", str(out)]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"jobs/query failed ({done.returncode}): {done.stderr.strip()}")
        return {name: pd.read_csv(out / f"{name}.csv", keep_default_na=False, na_values=[""])
                for name in statements}


def parsed(column):
    """A column of nested values (arrays, structs, maps), which the CSV holds as JSON."""
    return column.map(lambda value: json.loads(value) if isinstance(value, str) else value)

"""Analyse every resume in a bucket (or a folder) with skillgap on Spark, and write a table.

On a cluster, with skillgap installed on every executor (see docs/spark.md):

    spark-submit examples/spark/analyze_bucket.py s3a://bucket/resumes/ s3a://bucket/skillgap/

On one machine, in local mode:

    python examples/spark/analyze_bucket.py examples/ /tmp/skillgap-out --local

Writes one Parquet row per input (a report, or an error naming the input and the reason) and
prints how many inputs were analysed, which failed and why, and the mean score per role.
"""

from __future__ import annotations

import argparse
import os
import sys

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from skillgap.spark import analyze_files


def run(
    spark: SparkSession,
    inputs: list[str],
    output: str,
    *,
    roles: list[str] | None = None,
    roles_files: list[str] | None = None,
    nested: bool = False,
) -> DataFrame:
    """Analyse the inputs, write the rows to ``output`` as Parquet and return them as read
    back (so that the summary does not analyse everything a second time)."""
    rows = analyze_files(spark, inputs, roles=roles, roles_files=roles_files or (), nested=nested)
    rows.write.mode("overwrite").parquet(output)
    return spark.read.parquet(output)


def summary(table: DataFrame) -> str:
    statuses = {row.status: row["count"] for row in table.groupBy("status").count().collect()}
    lines = [f"{sum(statuses.values())} inputs: {statuses.get('ok', 0)} analysed, "
             f"{statuses.get('error', 0)} failed"]  # fmt: skip
    for row in table.groupBy("error_code").count().where("error_code IS NOT NULL").collect():
        lines.append(f"  {row.error_code}: {row['count']}")
    scores = table.select(F.explode("roles").alias("role")).groupBy("role.id")
    for row in scores.agg(F.avg("role.score").alias("mean")).orderBy("id").collect():
        lines.append(f"  mean score for {row.id}: {row.mean:.1f}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description="Analyse resumes with skillgap on Spark.")
    parser.add_argument(
        "inputs", nargs="+", help="files, folders or patterns; the last is the output"
    )
    parser.add_argument("--role", action="append", dest="roles", help="role id (repeatable)")
    parser.add_argument("--roles-file", action="append", help="roles file on the driver")
    parser.add_argument("--nested", action="store_true", help="the report as a typed struct")
    parser.add_argument("--local", action="store_true", help="run in local mode on this machine")
    options = parser.parse_args()
    if len(options.inputs) < 2:
        parser.error("give the inputs and then the output folder")
    *inputs, output = options.inputs
    builder = SparkSession.builder.appName("skillgap")
    if options.local:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.master("local[*]").config("spark.ui.enabled", "false")
    spark = builder.getOrCreate()
    table = run(spark, inputs, output, roles=options.roles, roles_files=options.roles_file,
                nested=options.nested)  # fmt: skip
    print(summary(table))
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""skillgap on Apache Spark in local mode: every row's record is the CLI's (path aside).

One SparkSession serves the whole module (starting one takes seconds, and each Python worker
builds the matcher once). Skipped, with the reason, where pyspark or Java is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from typer.testing import CliRunner

from skillgap.cli import app
from skillgap.errors import UsageError
from skillgap.limits import Limits

from .helpers import EXAMPLES, REPO, corpus_inputs

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

pytest.importorskip("pyspark", reason="pyspark not installed (pip install 'skillgap[spark]')")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Java not installed (Spark needs Java 17)", allow_module_level=True)

from skillgap.spark import RESULT_COLUMNS, analyze_column, analyze_files

GOLDEN = REPO / "tests" / "golden" / "corpus"


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers run this venv's Python
    session = (
        SparkSession.builder.master("local[2]")
        .appName("skillgap-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Text, PDF, Word, JSON Resume, broken and empty files; a file without a resume
    extension, which a folder does not bring in."""
    folder = tmp_path_factory.mktemp("resumes")
    for name in ("mle-resume.txt", "rs-resume.pdf", "mle-resume.docx", "mle-resume.json"):
        shutil.copy(EXAMPLES / name, folder / name)
    (folder / "sub").mkdir()
    shutil.copy(EXAMPLES / "rs-resume.txt", folder / "sub" / "rs.md")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text("\n  \n")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    (folder / "notes.csv").write_text("Python,PyTorch\n")
    shutil.copy(EXAMPLES / "rs-resume.txt", folder / "_draft.txt")  # hidden to Spark's reader
    shutil.copy(EXAMPLES / "mle-resume.txt", folder / ".old cv.txt")
    return folder


def _cli_records(*args: str, stdin: bytes | None = None) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["analyze", *args, "-f", "jsonl"], input=stdin)
    assert result.exit_code in (0, 3), result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def _as_cli(report: dict[str, Any], path: str) -> dict[str, Any]:
    """A Spark record with the path the CLI names its input by (Spark's is a URI)."""
    spark_path = report["input"]["path"]
    report["input"]["path"] = path
    if report["status"] == "error":
        message = report["error"]["message"]
        assert message.startswith(f"{spark_path}: ")
        report["error"]["message"] = path + message[len(spark_path) :]
    return report


def _local(uri: str) -> str:
    assert uri.startswith("file:")
    return uri.removeprefix("file:")


def test_every_input_of_a_folder_gets_the_cli_record(spark: SparkSession, folder: Path) -> None:
    missing = str(folder / "missing.txt")
    cli = {record["input"]["path"]: record for record in _cli_records(str(folder), missing)}
    rows = analyze_files(spark, [str(folder), missing]).collect()
    assert rows[0].__fields__ == list(RESULT_COLUMNS)
    by_path = {row.path if row.path == missing else _local(row.path): row for row in rows}
    assert sorted(by_path) == sorted(cli)
    assert len(cli) == 12 and str(folder / "notes.csv") not in cli
    for path, row in by_path.items():
        report = json.loads(row.report)
        assert _as_cli(report, path) == cli[path], path
        assert (row.status, row.error_code) == (
            report["status"],
            report.get("error", {}).get("code"),
        )
        if row.status == "ok":
            assert row.skills == [skill["id"] for skill in report["skills"]]
            assert row.best_role == report["best_role"]["id"]
            assert [(r.id, r.score, r.gaps) for r in row.roles] == [
                (r["id"], r["score"], r["gaps"]) for r in report["roles"]
            ]
            unmet = {
                s for r in report["roles"][0]["requirements"] if not r["met"] for s in r["any_of"]
            }
            assert set(row.roles[0].missing_skills) == unmet
    codes = {Path(path).name: row.error_code for path, row in by_path.items()}
    assert codes == {
        "mle-resume.txt": None,
        "rs-resume.pdf": None,
        "mle-resume.docx": None,
        "mle-resume.json": None,
        "rs.md": None,
        "_draft.txt": None,
        ".old cv.txt": None,
        "empty.txt": "no-text",
        "blank.md": "no-text",
        "broken.pdf": "unreadable",
        "broken.docx": "unreadable",
        "missing.txt": "not-found",
    }


def test_a_column_of_strings_gets_the_record_of_standard_input(spark: SparkSession) -> None:
    texts = [(EXAMPLES / name).read_text() for name in ("mle-resume.txt", "rs-resume.txt")]
    table = spark.createDataFrame(
        [(1, "<stdin>", texts[0]), (2, "<stdin>", texts[1]), (3, None, None), (4, "x", " \n")],
        "id int, name string, resume string",
    )
    rows = analyze_column(table, "resume", name_column="name").orderBy("id").collect()
    assert rows[0].__fields__ == ["id", "name", *RESULT_COLUMNS]
    for text, row in zip(texts, rows, strict=False):
        result = CliRunner().invoke(app, ["analyze", "-", "-f", "jsonl"], input=text.encode())
        assert row.report == result.stdout.rstrip("\n")  # the same text, byte for byte
        assert row.skills == [skill["id"] for skill in json.loads(row.report)["skills"]]
    assert [(row.id, row.path, row.error_code) for row in rows[2:]] == [
        (3, "<text>", "no-text"),
        (4, "x", "no-text"),
    ]


def test_nested_reports_are_typed_from_the_report_models(spark: SparkSession) -> None:
    from pyspark.sql import functions as F

    text = (EXAMPLES / "mle-resume.txt").read_text()
    table = spark.createDataFrame([(text,), ("",)], "resume string")
    nested = analyze_column(table, "resume", nested=True)
    assert dict(nested.dtypes)["report"].startswith("struct<schema_version:string,status:string")
    flat = analyze_column(table, "resume")
    options = {"ignoreNullFields": "false"}
    [ok, error] = nested.select(F.to_json("report", options).alias("json")).collect()
    [expected, _] = flat.select("report").collect()
    assert json.loads(ok.json) == json.loads(expected.report)
    assert error.json is None


def test_time_limits_hold_in_spark_workers(spark: SparkSession) -> None:
    table = spark.createDataFrame([((EXAMPLES / "mle-resume.txt").read_text(),)], "resume string")
    [row] = analyze_column(table, "resume", limits=Limits(timeout=1e-6)).collect()
    assert (row.status, row.error_code) == ("error", "timeout")


def test_an_unknown_role_fails_on_the_driver(spark: SparkSession) -> None:
    table = spark.createDataFrame([("Python",)], "resume string")
    with pytest.raises(UsageError, match="unknown role 'nope'"):
        analyze_column(table, "resume", roles=["nope"])
    with pytest.raises(TypeError, match="not string or binary"):
        analyze_column(spark.createDataFrame([(1,)], "resume int"), "resume")


@pytest.mark.skipif(not corpus_inputs(), reason="shared corpus not available beside the repo")
def test_every_corpus_input_gets_its_pinned_record(spark: SparkSession) -> None:
    """The corpus's records are pinned from the CLI (tests/test_golden.py)."""
    inputs = corpus_inputs()
    rows = analyze_files(spark, [str(path) for path in inputs]).collect()
    by_path = {_local(row.path): row for row in rows}
    assert sorted(by_path) == sorted(str(path) for path in inputs)
    differ = []
    for path in inputs:
        relative = f"../shared/corpus/{path.parent.name}/{path.name}"
        report = _as_cli(json.loads(by_path[str(path)].report), relative)
        pinned = json.loads((GOLDEN / path.parent.name / f"{path.name}.json").read_text())
        if report != pinned:
            differ.append(relative)
    assert differ == []


def test_the_bucket_example_writes_a_row_per_input(
    spark: SparkSession, folder: Path, tmp_path: Path
) -> None:
    """examples/spark/analyze_bucket.py, as docs/spark.md runs it, in local mode."""
    import importlib.util

    script = EXAMPLES / "spark" / "analyze_bucket.py"
    spec = importlib.util.spec_from_file_location("analyze_bucket", script)
    assert spec is not None and spec.loader is not None
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    table = example.run(spark, [str(folder)], str(tmp_path / "out"), roles=["mle"])
    rows = {_local(row.path): row for row in table.collect()}
    cli = {r["input"]["path"]: r for r in _cli_records(str(folder), "--role", "mle")}
    assert sorted(rows) == sorted(cli)
    assert {path: row.status for path, row in rows.items()} == {
        path: record["status"] for path, record in cli.items()
    }
    assert example.summary(table).splitlines()[0] == "11 inputs: 7 analysed, 4 failed"


def test_each_worker_keeps_one_matcher_across_jobs(spark: SparkSession) -> None:
    """The taxonomy reaches every task as a new object; the worker's matcher is kept by its
    content, so jobs after jobs leave one matcher per worker, not one per task."""
    from skillgap.taxonomy import load_taxonomy

    table = spark.createDataFrame([(f"Python and PyTorch {n}",) for n in range(8)], "resume string")
    for _ in range(2):
        assert analyze_column(table.repartition(4), "resume").where("status = 'ok'").count() == 8

    from pyspark.sql import functions as F

    def kept() -> str:
        from skillgap.matching import find

        return json.dumps([os.getpid(), list(find._matchers)])

    # A Python UDF, run by the workers that analyse; a lambda, as pyspark reads type hints.
    probe = F.udf(lambda _: kept(), useArrow=False).asNondeterministic()
    answers = table.repartition(4).select(probe("resume").alias("kept")).collect()
    workers = dict(json.loads(row.kept) for row in answers)
    fingerprint = load_taxonomy().fingerprint
    # A worker Spark started only for the probe has none; every other one has that one alone.
    assert all(keys in ([], [fingerprint]) for keys in workers.values()), workers
    assert [fingerprint] in workers.values()

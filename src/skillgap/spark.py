"""skillgap on Apache Spark: a row per resume, with the record ``skillgap analyze --format
jsonl`` gives, for files in storage (:func:`analyze_files`) or resumes in a table
(:func:`analyze_column`).

Install with ``pip install "skillgap[spark]"``; this module imports pyspark only when called,
so importing skillgap never needs it. The taxonomy (with any roles files) is read once on the
driver and shipped to the executors as data; each Python worker builds the matcher once and
keeps it (by the taxonomy's content), building it afresh every
:data:`skillgap.analysis.INPUTS_PER_MATCHER` inputs so that long-lived workers stay bounded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from skillgap.inputs import RESUME_EXTENSIONS
from skillgap.limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, SparkSession
    from pyspark.sql.types import DataType, StructType

    from skillgap.report import ErrorRecord, Report
    from skillgap.taxonomy import Taxonomy

__all__ = [
    "RESULT_COLUMNS",
    "analyze_column",
    "analyze_files",
    "record_row",
    "report_type",
    "result_type",
]

#: The columns each analysed input gets, in order.
RESULT_COLUMNS = (
    "path",
    "status",
    "error_code",
    "error_message",
    "format",
    "pages",
    "characters",
    "best_role",
    "roles",
    "skills",
    "report",
)
_RESULT = "__skillgap_result"


def analyze_files(
    spark: SparkSession,
    paths: str | Sequence[str],
    *,
    roles: Sequence[str] | None = None,
    roles_files: Sequence[str | Path] = (),
    limits: Limits | None = None,
    nested: bool = False,
    partitions: int | None = None,
) -> DataFrame:
    """A row per input the CLI would take from ``paths`` (files, folders and glob patterns in
    any file system Spark reads: ``file:``, ``s3a://``, ``abfss://``, ``gs://``...).

    A file named or matched by a pattern is read whatever its extension; below a folder, the
    files with a resume extension (:data:`skillgap.RESUME_EXTENSIONS`). Zero-length files are
    rows too (``no-text`` errors), and so is a path that names nothing (``not-found``). The
    listing is made on the driver; the files are read by Spark's ``binaryFile`` source (those
    it would skip, zero-length or named like hidden files, on the driver) and
    analysed in ``partitions`` parts (default: four per core, at most one per file). Rows
    come in no particular order.
    """
    from pyspark.sql import functions as F

    found, missing = _list_inputs(spark, [paths] if isinstance(paths, str) else list(paths))
    # Spark's file reader skips zero-length files and those it takes for hidden ones (even
    # when named): those are read here, on the driver (they are few).
    skipped = {path for path, length in found.items() if length == 0 or _hidden(path)}
    read_by_spark = [path for path in found if path not in skipped]
    inputs: DataFrame = spark.createDataFrame(
        [(path, _read_on_driver(spark, path)) for path in sorted(skipped)]
        + [(path, None) for path in missing],
        "path string, content binary",
    )
    if read_by_spark:
        reader = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
        files = reader.load(read_by_spark).select("path", "content")
        inputs = files.unionByName(inputs)
    count = len(found) + len(missing)
    parts = partitions or min(max(count, 1), 4 * spark.sparkContext.defaultParallelism)
    inputs = inputs.repartition(parts)
    analyse = _analysis_udf(_Settings.of(roles, roles_files, limits, missing_is_path=True))
    rows = inputs.withColumn(_RESULT, analyse(F.col("path"), F.col("content")))
    return _expand(rows.select(_RESULT), nested)


def analyze_column(
    df: DataFrame,
    column: str,
    *,
    name_column: str | None = None,
    roles: Sequence[str] | None = None,
    roles_files: Sequence[str | Path] = (),
    limits: Limits | None = None,
    nested: bool = False,
) -> DataFrame:
    """The table with ``column`` (resumes as strings, or files as bytes) replaced by the
    result columns; the other columns are kept.

    A string is analysed as ``skillgap analyze -`` reads standard input, bytes as a file
    named by ``name_column`` (whose extension gives the format where the content does not).
    ``path`` is the name, else ``<text>`` or ``<bytes>``; a null resume is a ``no-text``
    error.
    """
    from pyspark.sql import functions as F
    from pyspark.sql.types import BinaryType, StringType

    kind = df.schema[column].dataType
    if not isinstance(kind, StringType | BinaryType):
        raise TypeError(f"column {column!r} holds {kind.simpleString()}, not string or binary")
    kept = [name for name in df.columns if name != column]
    clashes = sorted(set(kept) & set(RESULT_COLUMNS))
    if clashes:
        raise ValueError(f"columns {clashes} would be replaced by the results: rename them")
    default = "<text>" if isinstance(kind, StringType) else "<bytes>"
    name = F.lit(default) if name_column is None else F.coalesce(F.col(name_column), F.lit(default))
    analyse = _analysis_udf(_Settings.of(roles, roles_files, limits, missing_is_path=False))
    rows = df.withColumn(_RESULT, analyse(name, F.col(column)))
    return _expand(rows.select(*kept, _RESULT), nested)


def record_row(record: Report | ErrorRecord) -> dict[str, Any]:
    """The result columns of one record (``report`` is its JSON line)."""
    from skillgap.report import ErrorRecord

    row: dict[str, Any] = dict.fromkeys(RESULT_COLUMNS)
    row.update(path=record.input.path, status=record.status, report=record.model_dump_json())
    if isinstance(record, ErrorRecord):
        return row | {"error_code": record.error.code, "error_message": record.error.message}
    row.update(
        format=record.input.format,
        pages=record.input.pages,
        characters=record.input.characters,
        best_role=record.best_role.id if record.best_role else None,
        skills=[skill.id for skill in record.skills],
        roles=[
            {
                "id": role.id,
                "score": role.score,
                "required_score": role.required_score,
                "preferred_score": role.preferred_score,
                "gaps": role.gaps,
                "missing_skills": list(
                    dict.fromkeys(s for r in role.requirements if not r.met for s in r.any_of)
                ),
            }
            for role in record.roles
        ],
    )
    return row


def result_type() -> StructType:
    """The Spark type of the result columns."""
    from pyspark.sql import types as T

    text, whole, number = T.StringType(), T.IntegerType(), T.DoubleType()
    ids = T.ArrayType(text)
    role = T.StructType(
        [
            T.StructField("id", text),
            T.StructField("score", number),
            T.StructField("required_score", number),
            T.StructField("preferred_score", number),
            T.StructField("gaps", ids),
            T.StructField("missing_skills", ids),
        ]
    )
    types: dict[str, DataType] = {"pages": whole, "characters": whole, "skills": ids}
    types["roles"] = T.ArrayType(role)
    return T.StructType([T.StructField(name, types.get(name, text)) for name in RESULT_COLUMNS])


def report_type() -> StructType:
    """The Spark type of a report, generated from the report models' JSON Schema (the one
    ``skillgap schema`` prints), for ``nested=True`` and for ``from_json``."""
    from pydantic import TypeAdapter
    from pyspark.sql.types import StructType

    from skillgap.report import Report

    schema = TypeAdapter(Report).json_schema(mode="serialization")
    spark_type = _spark_type(schema, schema.get("$defs", {}))
    assert isinstance(spark_type, StructType)
    return spark_type


def _spark_type(node: dict[str, Any], definitions: dict[str, Any]) -> DataType:
    from pyspark.sql import types as T

    if "$ref" in node:
        return _spark_type(definitions[node["$ref"].rsplit("/", 1)[1]], definitions)
    options = [option for option in node.get("anyOf", []) if option.get("type") != "null"]
    if options:
        return _spark_type(options[0], definitions) if len(options) == 1 else T.StringType()
    match node.get("type"):
        case "object" if "properties" in node:
            properties = node["properties"].items()
            return T.StructType(
                [T.StructField(k, _spark_type(v, definitions)) for k, v in properties]
            )
        case "object":
            return T.MapType(T.StringType(), _spark_type(node["additionalProperties"], definitions))
        case "array":
            return T.ArrayType(_spark_type(node["items"], definitions))
        case "integer":
            return T.LongType()
        case "number":
            return T.DoubleType()
        case "boolean":
            return T.BooleanType()
        case _:
            return T.StringType()


@dataclass(frozen=True)
class _Settings:
    """What each executor needs, besides the input: shipped with the function, as data."""

    taxonomy: Taxonomy
    roles: tuple[str, ...] | None
    limits: Limits
    missing_is_path: bool

    @classmethod
    def of(
        cls,
        roles: Sequence[str] | None,
        roles_files: Sequence[str | Path],
        limits: Limits | None,
        *,
        missing_is_path: bool,
    ) -> _Settings:
        from skillgap.taxonomy import extend_taxonomy, load_taxonomy

        taxonomy = load_taxonomy()
        if roles_files:
            taxonomy = extend_taxonomy(taxonomy, [Path(file) for file in roles_files])
        for role_id in roles or ():
            taxonomy.role(role_id)  # an unknown role fails here, on the driver, at once
        taxonomy.fingerprint  # computed once, here, and shipped with it  # noqa: B018
        return cls(
            taxonomy, tuple(roles) if roles else None, limits or DEFAULT_LIMITS, missing_is_path
        )


def _analyse(name: str, source: str | bytes | None, settings: _Settings) -> dict[str, Any]:
    """The result columns of one input (runs on the executors)."""
    from skillgap.analysis import analyze_record, analyze_text

    options: dict[str, Any] = {
        "roles": settings.roles,
        "taxonomy": settings.taxonomy,
        "limits": settings.limits,
    }
    if isinstance(source, str):
        record = analyze_text(source, name=name, **options)
    elif source is not None:
        local = Path(name.removeprefix("file:")) if name.startswith("file:/") else None
        folder = local.parent if local and local.parent.is_dir() else None  # LaTeX includes
        record = analyze_record(bytes(source), name=name, folder=folder, **options)
    elif settings.missing_is_path:
        record = analyze_record(Path(name), name=name, **options)  # names nothing: not-found
    else:
        record = analyze_text("", name=name, **options)
    return record_row(record)


def _analysis_udf(settings: _Settings) -> Callable[..., Column]:
    from pyspark.sql.functions import udf

    # A lambda, without type hints: pyspark would read hints as those of a pandas function.
    analyse = lambda name, source: _analyse(name, source, settings)  # noqa: E731
    analysis = udf(analyse, result_type(), useArrow=False)
    return analysis.asNondeterministic()  # type: ignore[no-any-return, unused-ignore]


def _expand(rows: DataFrame, nested: bool) -> DataFrame:
    from pyspark.sql import functions as F

    kept = [name for name in rows.columns if name != _RESULT]
    results = [F.col(f"{_RESULT}.{name}").alias(name) for name in RESULT_COLUMNS]
    if nested:
        report = F.when(F.col(f"{_RESULT}.status") == "ok", F.col(f"{_RESULT}.report"))
        results[-1] = F.from_json(report, report_type()).alias("report")
    return rows.select(*kept, *results)


def _hidden(path: str) -> bool:
    """Whether Spark's file reader takes a file for a hidden one and skips it."""
    name = PurePosixPath(path).name
    return name.startswith(("_", ".")) or name.endswith("._COPYING_")


def _read_on_driver(spark: SparkSession, path: str) -> bytes:
    jvm = spark.sparkContext._jvm
    assert jvm is not None
    conf = spark.sparkContext._jsc.hadoopConfiguration()  # type: ignore[union-attr, unused-ignore]
    file = jvm.org.apache.hadoop.fs.Path(path)
    stream = file.getFileSystem(conf).open(file)
    try:
        return bytes(jvm.org.apache.commons.io.IOUtils.toByteArray(stream))
    finally:
        stream.close()


def _list_inputs(spark: SparkSession, arguments: list[str]) -> tuple[dict[str, int], list[str]]:
    """What the CLI takes from its arguments, as Spark names the files, with their lengths;
    and the arguments that name nothing."""
    jvm = spark.sparkContext._jvm
    assert jvm is not None
    conf = spark.sparkContext._jsc.hadoopConfiguration()  # type: ignore[union-attr, unused-ignore]
    found: dict[str, int] = {}
    missing: list[str] = []
    for argument in arguments:
        pattern = jvm.org.apache.hadoop.fs.Path(argument)
        system = pattern.getFileSystem(conf)
        statuses = system.globStatus(pattern) or []
        if not statuses:
            missing.append(argument)
        for status in sorted(statuses, key=lambda status: status.getPath().toString()):
            if not status.isDirectory():
                found.setdefault(status.getPath().toString(), status.getLen())
                continue
            below = system.listFiles(status.getPath(), True)
            files = []
            while below.hasNext():
                file = below.next()
                if PurePosixPath(file.getPath().getName()).suffix.lower() in RESUME_EXTENSIONS:
                    files.append((file.getPath().toString(), file.getLen()))
            for path, length in sorted(files):
                found.setdefault(path, length)
    return found, missing

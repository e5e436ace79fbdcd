"""The engine-neutral Python API: a record for every input, never an exception for a bad one,
exactly the record the command line gives."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from typer.testing import CliRunner

import skillgap
from skillgap import analysis
from skillgap.analysis import analyze, analyze_record, analyze_text
from skillgap.checks import Thresholds
from skillgap.cli import app
from skillgap.errors import InputError, UsageError
from skillgap.inputs import RESUME_EXTENSIONS
from skillgap.limits import Limits
from skillgap.matching import find
from skillgap.report import ErrorRecord, Report
from skillgap.taxonomy import Taxonomy

from .helpers import EXAMPLES

#: A word no resume has: an error message that shows it shows resume content.
SECRET = "Zyxqwvutsecret"


def _cli_records(*args: str, stdin: bytes | None = None) -> list[dict[str, object]]:
    result = CliRunner().invoke(app, ["analyze", *args, "-f", "jsonl"], input=stdin)
    assert result.exit_code in (0, 3), result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    """Good, broken, empty and missing inputs."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n" + SECRET.encode() + b"\n%%EOF")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04" + SECRET.encode() * 3)
    return [
        EXAMPLES / "mle-resume.txt",
        EXAMPLES / "rs-resume.pdf",
        EXAMPLES / "mle-resume.docx",
        *sorted(tmp_path.iterdir()),
        tmp_path / "missing.txt",
    ]


def test_analyze_record_gives_the_cli_record_for_every_input(inputs: list[Path]) -> None:
    cli = _cli_records(*map(str, inputs), "--fail-under", "50", "--jobs", "1")
    thresholds = Thresholds(fail_under=50)
    api = [analyze_record(path, thresholds=thresholds).model_dump(mode="json") for path in inputs]
    assert api == cli
    assert [record["status"] for record in api] == ["ok"] * 3 + ["error"] * 5
    codes = [record["error"]["code"] for record in api[3:]]  # type: ignore[index]
    assert codes == ["no-text", "unreadable", "unreadable", "no-text", "not-found"]


def test_error_records_never_show_the_resume(inputs: list[Path]) -> None:
    records = [analyze_record(path.read_bytes(), name=path.name) for path in inputs[3:-1]]
    records.append(analyze_text(f"{SECRET} " * 100, limits=Limits(max_chars=50)))
    records.append(analyze_text(f"{SECRET} " * 100, limits=Limits(max_bytes=50)))
    assert all(isinstance(record, ErrorRecord) for record in records)
    for record in records:
        assert isinstance(record, ErrorRecord)
        assert SECRET not in record.model_dump_json()
        assert record.error.message.startswith(record.input.path + ": ")


def test_analyze_text_gives_the_record_of_standard_input() -> None:
    for example in ("mle-resume.txt", "rs-resume.txt", "mle-resume.json"):
        text = (EXAMPLES / example).read_text()
        [cli] = _cli_records("-", stdin=text.encode())
        record = analyze_text(text, name="<stdin>")
        assert isinstance(record, Report)
        assert record.model_dump(mode="json") == cli
        assert record.input.path == "<stdin>"


def test_analyze_takes_a_str_only_when_it_names_a_file() -> None:
    resume = (EXAMPLES / "mle-resume.txt").read_text()
    report = analyze(str(EXAMPLES / "mle-resume.txt"))
    assert "pytorch" in {skill.id for skill in report.skills}
    for not_a_path in (resume, "missing.pdf", "x" * 5000, "nul\x00byte"):
        with pytest.raises(UsageError) as raised:
            analyze(not_a_path)
        assert not_a_path not in str(raised.value)
        assert "analyze_text()" in str(raised.value)
    with pytest.raises(InputError, match=r"missing\.pdf: no such file"):
        analyze(Path("missing.pdf"))


def test_an_unknown_role_is_a_usage_error_not_a_record() -> None:
    with pytest.raises(UsageError, match="unknown role 'nope'"):
        analyze_text("Python and PyTorch", roles=["nope"])


def test_the_public_api_is_exported() -> None:
    assert skillgap.analyze_record is analyze_record
    assert skillgap.analyze_text is analyze_text
    assert skillgap.ErrorRecord is ErrorRecord
    assert skillgap.RESUME_EXTENSIONS is RESUME_EXTENSIONS
    assert {".pdf", ".docx", ".txt", ".tex"} <= skillgap.RESUME_EXTENSIONS


def test_an_unpickled_taxonomy_reuses_the_matcher(taxonomy: Taxonomy) -> None:
    """An engine ships the taxonomy to each task as a new object: it must find the matcher the
    process has already built, not build and keep one per task."""
    matcher = find.matcher_for(taxonomy)
    copies = [pickle.loads(pickle.dumps(taxonomy)) for _ in range(3)]
    assert all(copy is not taxonomy for copy in copies)
    assert all(find.matcher_for(copy) is matcher for copy in copies)
    assert len(find._matchers) <= find._KEPT


def test_the_matcher_is_built_afresh_past_a_number_of_inputs(
    taxonomy: Taxonomy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long-lived process stays bounded: the vocabulary, which keeps every new word, starts
    again after INPUTS_PER_MATCHER inputs, and the reports stay the same."""
    monkeypatch.setattr(analysis, "INPUTS_PER_MATCHER", 3)
    monkeypatch.setattr(analysis, "_analysed", 0)
    texts = [f"Python, PyTorch and {'Qx' * (n + 3)}word{n} pipelines" for n in range(3)]
    first = [analyze_text(text, taxonomy=taxonomy) for text in texts]
    matcher = find.matcher_for(taxonomy)
    words = len(matcher.tokenizer.vocab.strings)
    assert "Qx" * 5 + "word2" in matcher.tokenizer.vocab.strings
    again = analyze_text(texts[0], taxonomy=taxonomy)
    fresh = find.matcher_for(taxonomy)
    assert fresh is not matcher
    assert len(fresh.tokenizer.vocab.strings) < words
    assert "Qx" * 5 + "word2" not in fresh.tokenizer.vocab.strings
    assert again == first[0]


def test_importing_skillgap_and_its_spark_module_imports_no_pyspark() -> None:
    import subprocess
    import sys

    script = "import sys, skillgap, skillgap.spark; print('pyspark' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_standard_input_that_fails_is_named_as_its_report_is() -> None:
    [cli] = _cli_records("-", stdin=b" \n")
    record = analyze_text(" \n", name="<stdin>")
    assert cli == record.model_dump(mode="json")
    assert cli["input"] == {"path": "<stdin>"}

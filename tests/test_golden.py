"""Golden outputs: "outputs unchanged" is a test, not a sentence in a commit message.

Pinned here: the example reports in ``examples/`` (the files the README links to), the JSON of
every other example input, and the JSON record of every input of the shared corpus
(``../shared/corpus/{text,pdf,pdf-odd}``, when it is there). After a change that is meant to
change outputs, regenerate them with one command and review the diff before committing::

    python -m pytest tests/test_golden.py --update-golden
    git diff --stat examples tests/golden
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillgap.cli import app

from .helpers import REPO, corpus_inputs

GOLDEN = REPO / "tests" / "golden"
#: Corpus folders whose every file is analysed (SOURCES.tsv names each file's origin).

#: The reports the README shows and links to: (arguments after ``analyze``, pinned file).
EXAMPLE_REPORTS = [
    (["examples/mle-resume.pdf"], "examples/mle-resume.report.txt"),
    (["examples/mle-resume.pdf", "-f", "json"], "examples/mle-resume.report.json"),
    (["examples/mle-resume.pdf", "-f", "markdown"], "examples/mle-resume.report.md"),
    (["examples/rs-resume.pdf"], "examples/rs-resume.report.txt"),
    (["examples/rs-resume.pdf", "-f", "json"], "examples/rs-resume.report.json"),
    (["examples/mle-resume.pdf", "-f", "html"], "examples/mle-resume.report.html"),
    (["examples/rs-resume.pdf", "-f", "html"], "examples/rs-resume.report.html"),
    (
        ["examples/mle-resume.pdf", "--job", "examples/postings/ml-engineer-search.md", "-f",
         "json"],
        "tests/golden/examples/mle-resume.job.json",
    ),
    (
        ["examples/mle-resume.txt", "examples/mle-resume.docx", "examples/mle-resume.json",
         "examples/rs-resume.txt", "-f", "json", "--jobs", "1"],
        "tests/golden/examples/other-formats.json",
    ),
]  # fmt: skip


def _analyze(arguments: list[str], monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(REPO)  # paths in reports are as given, relative to the repository
    result = CliRunner().invoke(app, ["analyze", *arguments])
    assert result.exit_code in (0, 3), result.stderr
    return result.stdout


def _check(actual: str, pinned: Path, update: bool) -> None:
    if update:
        pinned.parent.mkdir(parents=True, exist_ok=True)
        pinned.write_text(actual, encoding="utf-8")
        return
    assert pinned.is_file(), f"{pinned} missing: run pytest tests/test_golden.py --update-golden"
    expected = pinned.read_text(encoding="utf-8")
    assert actual == expected, f"{pinned.relative_to(REPO)} changed (see module docstring)"


@pytest.mark.parametrize(("arguments", "pinned"), EXAMPLE_REPORTS, ids=lambda v: str(v))
def test_example_reports_are_unchanged(
    arguments: list[str], pinned: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    _check(_analyze(arguments, monkeypatch), REPO / pinned, update_golden)


@pytest.mark.skipif(not corpus_inputs(), reason="shared corpus not available beside the repo")
def test_corpus_records_are_unchanged(update_golden: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = corpus_inputs()
    relative = [f"../shared/corpus/{p.parent.name}/{p.name}" for p in inputs]
    lines = _analyze([*relative, "-f", "jsonl", "--jobs", "1"], monkeypatch).splitlines()
    assert len(lines) == len(inputs), "every input gives one record"
    changed = []
    for path, line in zip(inputs, lines, strict=True):
        record = json.loads(line)
        pinned = GOLDEN / "corpus" / path.parent.name / f"{path.name}.json"
        text = json.dumps(record, indent=1, ensure_ascii=False) + "\n"
        if update_golden:
            _check(text, pinned, update=True)
        elif not pinned.is_file() or pinned.read_text(encoding="utf-8") != text:
            changed.append(str(pinned.relative_to(REPO)))
    if not update_golden:
        stale = {p.relative_to(REPO) for p in (GOLDEN / "corpus").rglob("*.json")} - {
            GOLDEN.relative_to(REPO) / "corpus" / p.parent.name / f"{p.name}.json" for p in inputs
        }
        assert not stale, f"pinned records of inputs no longer in the corpus: {sorted(stale)}"
    assert not changed, f"{len(changed)} corpus records changed: {changed[:10]}"

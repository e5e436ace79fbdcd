"""Resource attacks (tests/hostile.py, at small sizes): each gives a report or one clear line,
well within the timeout and the memory cap; and the mechanisms that bound them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from skillgap.cli import app
from skillgap.errors import ExitCode, InputError
from skillgap.limits import Limits
from skillgap.readers import markup, read_bytes, read_document
from skillgap.readers.structured import yaml_to_text

from .helpers import EXAMPLES
from .hostile import ATTACKS, docx_shared_header, pdf_xobject_bomb, yaml_billion_laughs

#: What each attack gives at its small size: a report, or the code of its error.
EXPECTED = {
    "xobjects.pdf": "ok",
    "inflate.pdf": "ok",
    "deep-tree.pdf": "ok",
    "cyclic-tree.pdf": "unreadable",
    "laughs.yaml": "ok",
    "header.docx": "ok",
    "spaces.tex": "ok",
    "comments.md": "ok",
    "url.json": "ok",
    "chunks.Rmd": "ok",
    "long.txt": "too-large",
}


def test_every_attack_has_an_expected_outcome() -> None:
    assert sorted(EXPECTED) == sorted(attack.file for attack in ATTACKS)


@pytest.mark.parametrize("attack", ATTACKS, ids=lambda attack: attack.file)
def test_an_attack_gives_a_report_or_one_line_within_the_limits(
    attack: object, tmp_path: Path
) -> None:
    """A generous timeout and a small memory cap: an input that ran out of either would say
    ``timeout``, ``too-large`` (memory) or ``worker-died``, not its expected outcome."""
    path = tmp_path / attack.file  # type: ignore[attr-defined]
    path.write_bytes(attack.data())  # type: ignore[attr-defined]
    result = CliRunner().invoke(
        app, ["analyze", str(path), "-f", "json", "--timeout", "60", "--max-memory", "400"]
    )
    record = json.loads(result.stdout)
    expected = EXPECTED[path.name]
    assert "Traceback" not in result.stdout + result.stderr
    if expected == "ok":
        assert (result.exit_code, record["status"]) == (ExitCode.OK, "ok"), result.stderr
    else:
        assert result.exit_code == ExitCode.INPUT_ERROR
        assert record["error"]["code"] == expected
        assert result.stderr.count("\n") == 1
        assert result.stderr.startswith(f"skillgap: error: {path}: ")


def test_yaml_aliases_are_read_once_where_they_first_appear() -> None:
    text = yaml_to_text(yaml_billion_laughs(8).decode())
    assert text.count("Python PyTorch Kubernetes") == 1


def test_yaml_aliases_of_long_strings_stop_at_the_character_limit() -> None:
    source = "s: &s " + "Python " * 2000 + "\nl: [" + ", ".join(["*s"] * 500) + "]\n"
    with pytest.raises(InputError, match="more than 50,000 characters") as caught:
        read_bytes(source.encode(), "many.yaml", limits=Limits(max_chars=50_000))
    assert caught.value.code == "too-large"


def test_a_header_shared_by_every_section_is_read_once() -> None:
    document = read_bytes(docx_shared_header(20, 500), "cv.docx")
    assert document.text.count("Python PyTorch Kubernetes") == 19  # 500 characters hold 19


def test_a_word_document_stops_at_the_character_limit() -> None:
    with pytest.raises(InputError, match="more than 1,000 characters"):
        read_bytes(docx_shared_header(2, 5000), "cv.docx", limits=Limits(max_chars=1000))


def test_markup_far_longer_than_the_text_limit_is_refused_before_conversion() -> None:
    source = b"# Skills\n" + b"Python " * 5000
    with pytest.raises(InputError, match="characters of markup") as caught:
        read_bytes(source, "cv.md", limits=Limits(max_chars=10_000))
    assert caught.value.code == "too-large"


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="no /proc")
def test_the_byte_limit_holds_for_files_that_report_no_size() -> None:
    assert Path("/proc/self/status").stat().st_size == 0
    with pytest.raises(InputError, match="over the limit of 100") as caught:
        read_document("/proc/self/status", limits=Limits(max_bytes=100))
    assert caught.value.code == "too-large"


_PIECES = st.sampled_from(["<!--", "-->", "-", ">", "a", "\n", "```{r}\n", "```\n", "```", " "])


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_comments_are_removed_as_the_regex_would(source: str) -> None:
    assert markup.without_comments(source) == re.sub(r"<!--.*?-->", "", source, flags=re.DOTALL)


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_code_chunks_are_removed_as_the_regex_would(source: str) -> None:
    chunk = re.compile(r"^```\s*\{.*?^```\s*$", re.DOTALL | re.MULTILINE)
    assert markup._without_code_chunks(source) == chunk.sub("", source)


@given(st.lists(st.sampled_from([" ", "\t", "\\\\", "[2pt]", "\n", "a"]), max_size=30).map("".join))
def test_line_breaks_are_found_as_the_unanchored_regex_would(text: str) -> None:
    plain = re.compile(r"[ \t]*\\\\(\[[^\]\n]*\])?[ \t]*\n?")
    assert markup._LINE_BREAK.sub("\n", text) == plain.sub("\n", text)


def test_extract_keeps_the_limits(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(pdf_xobject_bomb(7))
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(bomb), "--timeout", "1"])
    assert result.exit_code == ExitCode.INPUT_ERROR
    # Whichever limit it reaches first, the time or the memory cap, stops it in one line.
    assert result.stderr in (
        f"skillgap: error: {bomb}: gave up after 1 seconds (raise it with --timeout)\n",
        f"skillgap: error: {bomb}: needs more memory than the limit of 512 MiB "
        "(raise it with --max-memory)\n",
    )
    result = runner.invoke(app, ["extract", "-", "--max-chars", "100"], input="Python " * 100)
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert "more than 100 characters of text" in result.stderr and result.stdout == ""


def test_a_job_posting_is_read_within_the_limits(tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text("We need Python and PyTorch. " * 100)
    resume = str(EXAMPLES / "mle-resume.txt")
    result = CliRunner().invoke(
        app, ["analyze", resume, "--job", str(posting), "--max-chars", "1000"]
    )
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert result.stderr.startswith(
        f"skillgap: error: the posting {posting}: more than 1,000 characters"
    )


def test_a_posting_that_runs_out_of_time_or_memory_says_it_is_the_posting(tmp_path: Path) -> None:
    # The same PDF bomb as above, given as the posting: the worker stops it, and the one line
    # says it was the posting, not the resume, that could not be read.
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(pdf_xobject_bomb(7))
    resume = str(EXAMPLES / "mle-resume.txt")
    result = CliRunner().invoke(app, ["analyze", resume, "--job", str(bomb), "--timeout", "1"])
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert result.stderr in (
        f"skillgap: error: the posting {bomb}: gave up after 1 seconds (raise it with --timeout)\n",
        f"skillgap: error: the posting {bomb}: needs more memory than the limit of 512 MiB "
        "(raise it with --max-memory)\n",
    )


#: Small real inputs of each binary and source format, for the mutation fuzz below.
_SEEDS = {
    "cv.pdf": (EXAMPLES / "mle-resume.pdf").read_bytes(),
    "cv.docx": (EXAMPLES / "mle-resume.docx").read_bytes(),
    "cv.json": (EXAMPLES / "mle-resume.json").read_bytes(),
    "cv.tex": rb"\documentclass{article}\begin{document}\section{Skills}\href{https://x}{Python}"
    rb" \textbf{PyTorch}\cventry{ML Engineer}{Acme}{2020}\end{document}",
    "cv.yaml": b"name: Jo\nskills:\n  - &s Python\n  - *s\nwork:\n  - {role: ML engineer}\n",
    "cv.md": b"---\ntitle: Jo\nskills: [Python]\n---\n# Skills\n- PyTorch {% if x %}<!-- c -->\n",
}


@settings(deadline=None, max_examples=60)  # each example is bounded by its limits instead
@given(
    st.sampled_from(sorted(_SEEDS)),
    st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8),
    st.integers(0, 10**6),
)
def test_mutated_files_of_every_format_give_a_record_within_the_limits(
    name: str, changes: list[tuple[int, int]], cut: int
) -> None:
    """A fuzz run over the readers: a real file of each format with bytes changed and its end
    cut off gives a report or an error record, never an exception, within small limits."""
    from skillgap.analysis import analyze_record
    from skillgap.report import ErrorRecord, Report

    data = bytearray(_SEEDS[name])
    for position, value in changes:
        data[position % len(data)] = value
    data = data[: max(1, cut % (len(data) + 1))]
    limits = Limits(max_chars=20_000, max_pages=5, timeout=10)
    record = analyze_record(bytes(data), name=name, limits=limits)
    assert isinstance(record, (Report, ErrorRecord))
    if isinstance(record, ErrorRecord):
        assert record.error.code != "internal", record.error.message
        assert "\n" not in record.error.message

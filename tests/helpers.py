from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.analysis import analyze

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
# The shared corpus sits beside the repository (../shared/corpus), in development and in CI.
CORPUS = REPO.parent / "shared" / "corpus"
#: The corpus folders whose every file is an input the golden records pin.
CORPUS_FOLDERS = ("text", "pdf", "pdf-odd")


def corpus_file(relative: str) -> Path:
    path = CORPUS / relative
    if not path.exists():
        pytest.skip(f"shared corpus not available: {path}")
    return path


def skill_ids(text: str) -> set[str]:
    """The skill ids found in a resume given as text."""
    report = analyze(text.encode(), name="resume.txt")
    return {skill.id for skill in report.skills}


def corpus_inputs() -> list[Path]:
    """Every input of the corpus folders (none when the corpus is not beside the repo)."""
    return sorted(
        path
        for folder in CORPUS_FOLDERS
        if (CORPUS / folder).is_dir()
        for path in (CORPUS / folder).iterdir()
        if path.is_file() and path.name != "SOURCES.tsv"
    )


def run(*args: str) -> tuple[int, str, str]:
    """skillgap with these arguments, in this process: its exit code, stdout and stderr."""
    from typer.testing import CliRunner

    from skillgap.cli import app

    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr

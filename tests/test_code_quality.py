"""The code passes its own linters: ruff (lint and format) and mypy --strict."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from .helpers import REPO

PYTHON_FOLDERS = [name for name in ("src", "tests", "benchmarks") if (REPO / name).is_dir()]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff not installed")
def test_ruff_lint_and_format() -> None:
    lint = _run("ruff", "check", *PYTHON_FOLDERS)
    assert lint.returncode == 0, lint.stdout
    formatted = _run("ruff", "format", "--check", *PYTHON_FOLDERS)
    assert formatted.returncode == 0, formatted.stdout


def test_mypy_strict() -> None:
    pytest.importorskip("mypy")
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout

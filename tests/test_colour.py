"""Colour: on a terminal, or with FORCE_COLOR; never with NO_COLOR (https://no-color.org)."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

import skillgap.cli
from skillgap.cli import app
from skillgap.render.base import OutputFormat, RenderOptions, color_wanted
from skillgap.render.formats import report_renderer

from .helpers import EXAMPLES

ESCAPE = "\x1b["


@pytest.mark.parametrize(
    ("to_terminal", "environ", "expected"),
    [
        (True, {}, True),
        (False, {}, False),
        (True, {"NO_COLOR": "1"}, False),
        (True, {"NO_COLOR": ""}, True),  # an empty value does not count
        (False, {"FORCE_COLOR": "1"}, True),
        (False, {"FORCE_COLOR": ""}, False),
        (False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),  # NO_COLOR wins
        (True, {"FORCE_COLOR": "1", "NO_COLOR": "yes"}, False),
    ],
)
def test_color_wanted(to_terminal: bool, environ: dict[str, str], expected: bool) -> None:
    assert color_wanted(to_terminal, environ) is expected


def test_the_table_has_colour_codes_only_when_asked() -> None:
    from skillgap.analysis import analyze

    report = analyze(EXAMPLES / "mle-resume.txt")
    table = OutputFormat.table
    coloured = report_renderer(table, RenderOptions(color=True), inputs=1).record(report)
    plain = report_renderer(table, RenderOptions(color=False), inputs=1).record(report)
    assert ESCAPE in coloured and ESCAPE not in plain


def _analyze(monkeypatch: pytest.MonkeyPatch, *, terminal: bool, **environ: str) -> str:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(skillgap.cli, "_stdout_is_terminal", lambda: terminal)
    result = CliRunner().invoke(app, ["analyze", str(EXAMPLES / "mle-resume.txt")])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_a_terminal_gets_colour_unless_no_color_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ESCAPE in _analyze(monkeypatch, terminal=True)
    assert ESCAPE not in _analyze(monkeypatch, terminal=True, NO_COLOR="1")


def test_force_color_colours_a_pipe_unless_no_color_is_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert ESCAPE not in _analyze(monkeypatch, terminal=False)
    assert ESCAPE in _analyze(monkeypatch, terminal=False, FORCE_COLOR="1")
    assert ESCAPE not in _analyze(monkeypatch, terminal=False, FORCE_COLOR="1", NO_COLOR="1")


def test_colour_never_changes_the_words(monkeypatch: pytest.MonkeyPatch) -> None:
    coloured = _analyze(monkeypatch, terminal=False, FORCE_COLOR="1")
    plain = _analyze(monkeypatch, terminal=False)
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured).split() == plain.split()

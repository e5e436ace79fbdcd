"""Every command with --format writes every format it lists, or refuses the others (exit 2)."""

from __future__ import annotations

import inspect
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from skillgap.cli import app
from skillgap.errors import ExitCode
from skillgap.render.base import OutputFormat, render_all
from skillgap.render.formats import FORMATS
from skillgap.render.json_format import JsonLinesRenderer, JsonRenderer
from skillgap.render.markdown import cell

from .helpers import EXAMPLES, run

MLE = str(EXAMPLES / "mle-resume.txt")
RS = str(EXAMPLES / "rs-resume.txt")

#: A run of each command with --format, before the format.
COMMANDS = {
    "analyze": ["analyze", MLE],
    "compare": ["compare", RS, MLE, "--role", "mle"],
    "roles": ["roles"],
    "skills": ["skills", "rs"],
}


def test_every_command_with_format_is_covered() -> None:
    with_format = {
        command.name or command.callback.__name__
        for command in app.registered_commands
        if command.callback is not None
        and "output_format" in inspect.signature(command.callback).parameters
    }
    assert with_format == set(COMMANDS) == set(FORMATS)


def _table(command: str, out: str) -> None:
    first = out.splitlines()[0]
    expected = {
        "analyze": f"skillgap 0.1.0 · {MLE} (text, ",
        "compare": "Ranking for Machine Learning Engineer (mle)",
        "roles": "mle               Machine Learning Engineer (16 requirements)",
        "skills": "Research Scientist (rs)",
    }[command]
    assert first.startswith(expected)


def _json(command: str, out: str) -> None:
    value = json.loads(out)
    assert out in {json.dumps(value, indent=2, ensure_ascii=escape) + "\n" for escape in (0, 1)}
    if command == "analyze":
        assert value["status"] == "ok" and value["input"]["path"] == MLE
    elif command == "compare":
        assert [(row["rank"], row["path"], row["role"]) for row in value] == [
            (1, MLE, "mle"), (2, RS, "mle"),
        ]  # fmt: skip
    elif command == "roles":
        assert [role["id"] for role in value][:2] == ["mle", "rs"]
        assert value[0]["requirements"] == 16 and value[0]["default"] is True
    else:
        assert value["id"] == "rs" and value["requirements"][0]["any_of"] == ["degree-phd"]


def _jsonl(command: str, out: str) -> None:
    lines = [json.loads(line) for line in out.splitlines()]
    code, as_json, _ = run(*COMMANDS[command], "-f", "json")
    assert code == 0
    expected = json.loads(as_json)
    assert lines == (expected if isinstance(expected, list) else [expected])


def _markdown(command: str, out: str) -> None:
    assert out.startswith("## ")
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    header, separator, *body = rows if command != "analyze" else rows[:3]
    assert re.fullmatch(r"\|( -{3}:? \|)+", separator)
    cells = header.count(" | ")
    assert body and all(row.count(" | ") == cells for row in body)
    if command == "roles":
        assert body[0].startswith("| `mle` | Machine Learning Engineer | 16 |")
    if command == "skills":
        assert len(body) == len(json.loads(run("skills", "rs", "-f", "json")[1])["requirements"])
    if command == "compare":
        assert [row.split(" | ")[1] for row in body] == [cell(MLE), cell(RS)]


def _github(command: str, out: str) -> None:
    assert command == "analyze"
    lines = out.splitlines()
    assert lines and all(
        re.match(r"^::(error|warning|notice) file=[^,]+,title=", ln) for ln in lines
    )


def _html(command: str, out: str) -> None:
    assert command in ("analyze", "compare")
    assert out.startswith('<!DOCTYPE html>\n<html lang="en">') and out.endswith("</html>\n")
    assert "<script" not in out and " src=" not in out and "<link" not in out
    if command == "analyze":
        assert '<h2 id="role-0-mle">Machine Learning Engineer' in out
        assert '<pre class="resume">' in out and "<mark " in out
    else:
        rows = re.findall(r"<tr><td class=\"num\">(\d+)</td><td>([^<]+)</td>", out)
        assert rows == [("1", MLE), ("2", RS)]


CHECKS: dict[OutputFormat, Callable[[str, str], None]] = {
    OutputFormat.table: _table,
    OutputFormat.json: _json,
    OutputFormat.jsonl: _jsonl,
    OutputFormat.markdown: _markdown,
    OutputFormat.github: _github,
    OutputFormat.html: _html,
}


@pytest.mark.parametrize("output_format", list(OutputFormat), ids=str)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_writes_the_format_asked_or_exits_2(
    command: str, output_format: OutputFormat
) -> None:
    code, out, err = run(*COMMANDS[command], "--format", output_format.value)
    if output_format in FORMATS[command]:
        assert code == ExitCode.OK, err
        CHECKS[output_format](command, out)
    else:
        assert code == ExitCode.USAGE and out == ""
        known = ", ".join(FORMATS[command])
        assert err == (
            f"skillgap: error: --format {output_format} is not supported by '{command}' "
            f"(use {known})\n"
        )


def test_listing_commands_write_every_format_but_github_annotations() -> None:
    assert FORMATS["analyze"] == tuple(OutputFormat)
    assert set(FORMATS["compare"]) == set(OutputFormat) - {OutputFormat.github}
    for command in ("roles", "skills"):  # no page for a listing of the built-in data
        assert set(FORMATS[command]) == set(OutputFormat) - {OutputFormat.github, OutputFormat.html}


def test_the_format_is_refused_before_any_work() -> None:
    code, _, err = run("compare", "/nowhere/cv.pdf", "--role", "mle", "-f", "github")
    assert code == ExitCode.USAGE and "not supported by 'compare'" in err
    assert "no such file" not in err


def test_a_ranking_where_every_input_failed() -> None:
    code, out, err = run("compare", "/nowhere/cv.txt", "--role", "mle")
    assert code == ExitCode.INPUT_ERROR and "no such file" in err
    assert out == (
        "Ranking for Machine Learning Engineer (mle)\n"
        "rank  score  req  pref  gaps  resume\nno resume could be ranked\n"
        "not ranked:\n   -  /nowhere/cv.txt: no such file (not-found)\n"
    )
    code, out, _ = run("compare", "/nowhere/cv.txt", "--role", "mle", "-f", "json")
    [failure] = json.loads(out)
    assert failure["status"] == "error" and failure["input"]["path"] == "/nowhere/cv.txt"


@pytest.mark.parametrize("count", [0, 1, 3])
def test_a_json_list_is_framed_as_json_dumps_writes_it(count: int) -> None:
    items = [{"n": n, "tags": ["a", "b"], "nested": {"x": None}} for n in range(count)]
    dump = json.dumps
    as_list = JsonRenderer(lambda item: dump(item, indent=2), as_list=True)
    assert render_all(as_list, items) == json.dumps(items, indent=2) + "\n"
    lines = JsonLinesRenderer(dump)
    assert render_all(lines, items) == "".join(json.dumps(item) + "\n" for item in items)
    if count == 1:
        one = JsonRenderer(lambda item: dump(item, indent=2), as_list=False)
        assert render_all(one, items) == json.dumps(items[0], indent=2) + "\n"


def test_a_json_run_imports_no_other_renderer() -> None:
    code = (
        "import sys\n"
        "from skillgap.cli import main\n"
        f"sys.argv = ['skillgap', 'analyze', {MLE!r}, '-f', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('skillgap.render.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)  # fmt: skip
    assert done.stdout.splitlines()[-1] == str(
        ["skillgap.render.base", "skillgap.render.formats", "skillgap.render.json_format"]
    )


def test_markdown_cells_escape_pipes_and_newlines() -> None:
    from skillgap.catalog import RoleSummary
    from skillgap.render.catalog import RolesMarkdown

    role = RoleSummary(
        id="ds", name="Data | ML", description="SQL,\nPython | R", requirements=2, default=True
    )
    row = RolesMarkdown().record(role)
    assert row == "| `ds` | Data \\| ML | 2 | by default | SQL, Python \\| R |\n"


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_every_input_of_a_ranking_appears_with_its_status(fmt: str, tmp_path: Path) -> None:
    """Found in a new-user review: a failed input was on stderr only, not in the ranking."""
    good = tmp_path / "cv.txt"
    good.write_text("Experience\nML engineer: trained PyTorch models, deployed them with Docker.\n")
    junk = tmp_path / "junk.tex"
    junk.write_bytes(bytes(range(256)) * 4)
    code, out, err = run("compare", str(good), str(junk), "--role", "mle", "-f", fmt)
    assert code == ExitCode.INPUT_ERROR and "junk.tex" in err
    assert out.index("cv.txt") < out.index("junk.tex")  # ranked first, then not ranked
    assert "not a text file or a supported document" in out and "unsupported" in out
    assert ("not ranked" in out.lower()) and out.lower().count("not ranked") == 1

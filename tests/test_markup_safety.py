"""Text from a resume or a file name is never markup: not Rich markup in the table, not
Markdown or HTML in the Markdown report, and no terminal escape sequence anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from skillgap.cli import app
from skillgap.render.base import printable

#: Each line puts its markup inside a piece of evidence (the rule "monitored ... models").
RICH_LINES = [
    "Monitored [/] models in production",
    "Monitored [link=https://evil.example]x models daily",
    "Monitored [blink] models weekly",
]
MARKDOWN_LINES = [
    "Monitored [a](https://evil.example) models",
    "Monitored </details> models",
    "Monitored <script> models",
    "Monitored ``` models",
]


def _resume(folder: Path, lines: list[str], name: str = "cv.txt") -> Path:
    path = folder / name
    body = "\n".join(f"- {line}" for line in lines)
    path.write_text(f"Experience\n{body}\nSkills\nPython, Docker\n", encoding="utf-8")
    return path


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.stdout + result.stderr


@pytest.mark.parametrize("details", [[], ["--details"]], ids=["compact", "details"])
def test_rich_markup_in_a_resume_is_shown_as_written(tmp_path: Path, details: list[str]) -> None:
    code, out = _run("analyze", str(_resume(tmp_path, RICH_LINES)), *details)
    assert code == 0, out
    if details:  # the evidence is shown only in the complete table
        flat = " ".join(out.split())
        assert '"Monitored [/] models"' in flat
        assert '"Monitored [link=https://evil.example]x models"' in flat
        assert '"Monitored [blink] models"' in flat


def test_colour_never_turns_resume_text_into_links_or_blinking(tmp_path: Path) -> None:
    code, out = _run(
        "analyze", str(_resume(tmp_path, RICH_LINES)), "--details", env={"FORCE_COLOR": "1",
                                                                         "NO_COLOR": ""},
    )  # fmt: skip
    assert code == 0, out
    assert "\x1b[1m" in out, "colour is on"
    assert "\x1b]8;" not in out, "no terminal hyperlink"
    assert "\x1b[5m" not in out, "no blinking"
    assert "evil.example" in out


def test_a_file_name_with_markup_and_escape_sequences_is_shown_plainly(tmp_path: Path) -> None:
    name = "cv[bold]\x1b[31m\x1b]8;;https:evil.example\x07`x`.txt"
    path = _resume(tmp_path, ["Trained models with PyTorch"], name=name)
    for output_format in ("table", "markdown"):
        code, out = _run("analyze", str(path), "-f", output_format)
        assert code == 0, out
        assert "\x1b" not in out and "\x07" not in out
    code, out = _run("analyze", str(path))
    assert "/cv[bold]`x`.txt\n(text, " in out


def _tokens(markdown: str) -> list[object]:
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    tokens = []
    for token in parser.parse(markdown):
        tokens.append(token)
        tokens.extend(token.children or [])
    return tokens


@pytest.mark.parametrize("line", MARKDOWN_LINES)
def test_markdown_escapes_links_html_and_fences_from_a_resume(tmp_path: Path, line: str) -> None:
    code, out = _run("analyze", str(_resume(tmp_path, [line])), "-f", "markdown")
    assert code == 0, out
    tokens = _tokens(out)
    kinds = {token.type for token in tokens}  # type: ignore[attr-defined]
    assert not kinds & {"link_open", "image", "fence", "code_inline", "code_block"}
    html = [t.content.strip() for t in tokens if t.type in ("html_inline", "html_block")]  # type: ignore[attr-defined]
    assert all("script" not in h and "evil" not in h for h in html)
    # Only the report's own folds: as many openings as closings.
    opened = sum(h.count("<details>") for h in html)
    assert opened == sum(h.count("</details>") for h in html) == 3
    text = "".join(t.content for t in tokens if t.type == "text")  # type: ignore[attr-defined]
    assert f"“{line}”" in text


def test_printable_removes_escape_sequences_and_controls() -> None:
    assert printable("a\x1b[31mred\x1b[0m") == "ared"
    assert printable("x\x1b]8;;https://evil.example\x07y\x1b]8;;\x07") == "xy"
    assert printable("bell\x07 back\x08 csi\x9b rtl\u202eend") == "bell back csi rtlend"
    assert printable("tab\tline\nend") == "tab line end"


def test_error_messages_name_a_file_without_its_escape_sequences(tmp_path: Path) -> None:
    missing = str(tmp_path / "gone\x1b[31m\x1b]8;;https:evil.example\x07.txt")
    for command in (["analyze", missing], ["analyze", missing, missing + "2"],
                    ["compare", missing, "--role", "mle"]):  # fmt: skip
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 3
        assert "gone.txt: no such file" in result.stderr
        assert "\x1b" not in result.stderr and "\x07" not in result.stderr

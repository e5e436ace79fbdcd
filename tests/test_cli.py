"""The command line, through Typer's CliRunner and once as the installed console script."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillgap import __version__
from skillgap.cli import app
from skillgap.errors import ExitCode

from .helpers import EXAMPLES, REPO, corpus_file

runner = CliRunner()


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_exit_codes_are_pinned_and_documented() -> None:
    assert {code.name: int(code) for code in ExitCode} == {
        "OK": 0,
        "THRESHOLD_FAILED": 1,
        "USAGE": 2,
        "INPUT_ERROR": 3,
        "OUTPUT_ERROR": 4,
        "INTERRUPTED": 130,
        "OUTPUT_CLOSED": 141,
        "TERMINATED": 143,
    }
    readme = (REPO / "README.md").read_text()
    for code in ExitCode:
        assert re.search(rf"^\| {int(code)} \|", readme, re.MULTILINE), f"exit {code} undocumented"


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.strip() == f"skillgap {__version__}"


def test_analyze_prints_scores_skills_and_gaps_in_80_columns() -> None:
    code, out, err = run("analyze", str(EXAMPLES / "mle-resume.txt"))
    assert code == 0, err
    assert "Machine Learning Engineer (mle)" in out
    assert "Research Scientist (rs)" in out
    assert "Skills found" in out and "PyTorch" in out
    assert "Gaps for Research Scientist (5), how to close them" in out
    assert "\x1b[" not in out, "no colour codes when not writing to a terminal"
    assert max(len(line) for line in out.splitlines()) <= 80


def test_analyze_json_follows_the_contract() -> None:
    code, out, err = run("analyze", str(EXAMPLES / "rs-resume.txt"), "--role", "rs", "-f", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["schema_version"] == "1.4"
    assert report["status"] == "ok"
    assert set(report["input"]) >= {"path", "format", "pages", "characters"}
    assert report["input"]["format"] == "text"
    skill = report["skills"][0]
    assert set(skill) >= {"id", "name", "category", "evidence"}
    assert set(skill["evidence"][0]) >= {"text", "line", "section", "method", "confidence"}
    [role] = report["roles"]
    assert role["id"] == "rs"
    assert set(role) >= {"id", "name", "score", "categories", "requirements"}
    assert set(role["categories"][0]) >= {"id", "name", "score"}
    requirement = role["requirements"][0]
    assert set(requirement) >= {
        "id",
        "name",
        "category",
        "importance",
        "weight",
        "any_of",
        "met",
        "matched",
        "tip",
    }
    assert err == ""


def test_roles_can_be_given_comma_separated() -> None:
    code, out, _ = run("analyze", str(EXAMPLES / "mle-resume.txt"), "-r", "mle,rs", "-f", "json")
    assert code == 0
    assert [r["id"] for r in json.loads(out)["roles"]] == ["mle", "rs"]


def test_unknown_role_is_a_usage_error() -> None:
    code, out, err = run("analyze", str(EXAMPLES / "mle-resume.txt"), "--role", "ceo")
    assert code == ExitCode.USAGE
    assert err.strip() == (
        "skillgap: error: unknown role 'ceo' (known roles: ai-engineer, applied-scientist, mle, "
        "mlops-engineer, rs)"
    )
    assert out == ""
    # The README calls a posting's role "job": asking for it by id says where it comes from.
    code, _, err = run("analyze", str(EXAMPLES / "mle-resume.txt"), "--role", "job")
    assert code == ExitCode.USAGE and "a posting's role comes with --job POSTING" in err
    # With --job, "--role job" names the posting's role (new-user review: it was refused).
    posting = str(EXAMPLES / "postings" / "ml-engineer-search.md")
    resume = str(EXAMPLES / "mle-resume.txt")
    code, out, _ = run("analyze", resume, "--job", posting, "--role", "job", "-f", "json")
    assert code == 0 and [r["id"] for r in json.loads(out)["roles"]] == ["job"]
    code, out, _ = run("analyze", resume, "--job", posting, "--role", "job,mle", "-f", "json")
    assert code == 0 and [r["id"] for r in json.loads(out)["roles"]] == ["mle", "job"]


def test_missing_file_exits_3_with_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.pdf"
    code, out, err = run("analyze", str(missing))
    assert code == ExitCode.INPUT_ERROR
    assert err.strip() == f"skillgap: error: {missing}: no such file"
    assert "Traceback" not in out + err


def test_missing_file_in_json_still_gives_a_record(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    code, out, _ = run("analyze", str(EXAMPLES / "mle-resume.txt"), missing, "-f", "json")
    assert code == ExitCode.INPUT_ERROR
    records = json.loads(out)
    assert [r["status"] for r in records] == ["ok", "error"]
    assert records[1]["error"]["code"] == "not-found"
    assert records[1]["input"]["path"] == missing
    # Written record by record, the list is the text json.dumps gives it.
    assert out == json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def test_scanned_pdf_without_text_exits_3(tmp_path: Path) -> None:
    image_only = corpus_file("pdf-odd/019-grayscale-image__grayscale-image.pdf")
    code, _, err = run("analyze", str(image_only))
    assert code == ExitCode.INPUT_ERROR
    assert "no text layer" in err and "OCR" in err
    assert len(err.strip().splitlines()) == 1


def test_usage_error_exits_2() -> None:
    code, _, _ = run("analyze", str(EXAMPLES / "mle-resume.txt"), "--format", "yaml")
    assert code == ExitCode.USAGE


def test_standard_input() -> None:
    text = (EXAMPLES / "mle-resume.txt").read_bytes()
    code, out, _ = run("analyze", "-", "-f", "json", stdin=text)
    assert code == 0
    report = json.loads(out)
    assert report["input"]["path"] == "<stdin>"
    assert "pytorch" in {s["id"] for s in report["skills"]}


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code, out, _ = run("analyze", str(EXAMPLES / "mle-resume.txt"), "-f", "json", "-o", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text())["status"] == "ok"


def test_extract_prints_the_text_read() -> None:
    code, out, _ = run("extract", str(EXAMPLES / "mle-resume.pdf"))
    assert code == 0
    assert "Deployed a PyTorch ranking model to production" in " ".join(out.split())


def test_roles_lists_builtin_roles() -> None:
    code, out, _ = run("roles")
    assert code == 0
    lines = out.splitlines()
    assert re.fullmatch(r"mle +Machine Learning Engineer \(\d+ requirements\)", lines[0])
    assert any(re.search(r"^ai-engineer .*; only with --role ai-engineer\)$", x) for x in lines)
    code, out, _ = run("roles", "-f", "json")
    roles = json.loads(out)
    assert [r["id"] for r in roles][:2] == ["mle", "rs"]
    assert {r["id"] for r in roles if not r["default"]} == {
        "ai-engineer",
        "mlops-engineer",
        "applied-scientist",
    }


def test_skills_shows_requirements_and_the_skills_meeting_them() -> None:
    code, out, _ = run("skills", "mle")
    assert code == 0
    assert "Strong programming in Python, Java or C++" in out
    assert "met by any of: Python, Java, C++" in out
    assert "[required, weight 3] Strong programming" in out  # not part of the core
    assert "[required, weight 5, core] Designing and building ML models" in out
    code, out, _ = run("skills", "rs", "-f", "json")
    payload = json.loads(out)
    assert payload["requirements"][0]["any_of"] == ["degree-phd"]
    assert payload["requirements"][0]["core"] is True
    code, _, err = run("skills", "cto")
    assert code == ExitCode.USAGE and "unknown role" in err


def _command_names() -> list[str]:
    return [
        command.name or (command.callback.__name__ if command.callback else "")
        for command in app.registered_commands
    ]


def test_every_command_has_help() -> None:
    for command in _command_names():
        code, out, _ = run(command, "--help")
        assert code == 0 and "Usage" in out


@pytest.mark.parametrize("command", [[], *([name] for name in _command_names())], ids=str)
def test_help_shows_no_internal_types(command: list[str]) -> None:
    code, out, _ = run(*command, "--help")
    assert code == 0
    for internal in ("list[", "<int", "<float", "<path>", "<str>", "<bool", "<table|", "{"):
        assert internal not in out, f"{internal!r} in the help of {command}"
    assert not re.search(r"<[a-z]", out), out


def test_help_names_values_and_arguments_plainly() -> None:
    _, out, _ = run("analyze", "--help")
    assert "Usage: skillgap analyze [OPTIONS] RESUME..." in " ".join(out.split())
    for option in ("--max-bytes BYTES", "--max-pages N", "--timeout SECONDS", "--jobs N",
                   "--format FORMAT", "--roles-file FILE", "--config FILE"):  # fmt: skip
        assert option in out
    _, out, _ = run("roles", "--help")
    assert "Output format: table (default), json, jsonl, markdown." in out


def test_help_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from skillgap.cli import main\n"
        "sys.argv = ['skillgap', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'rich', 'pydantic', 'spacy', 'numpy', 'pypdfium2'}\n"
        "print(sorted(heavy & {name.split('.')[0] for name in sys.modules}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)  # fmt: skip
    assert done.stdout.splitlines()[-1] == "[]"


@pytest.mark.skipif(shutil.which("skillgap") is None, reason="console script not installed")
def test_installed_console_script_and_module_entry_point() -> None:
    example = str(EXAMPLES / "mle-resume.txt")
    for command in (["skillgap"], [sys.executable, "-m", "skillgap"]):
        done = subprocess.run(
            [*command, "analyze", example, "-f", "json"],
            capture_output=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["roles"][0]["id"] == "mle"


def test_gaps_explain_half_credit(tmp_path: Path) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_text("Skills\nPython, PyTorch, GCP\n\nEducation\nCoursework: Machine Learning\n")
    code, out, _ = run("analyze", str(resume), "--role", "mle")
    assert code == 0
    flat = " ".join(out.split())
    assert "Half credit: you show Google Cloud Platform, which is close." in flat
    assert "Half credit: only seen in coursework, awards or interests." in flat


def test_every_command_is_in_the_readme_usage() -> None:
    readme = (REPO / "README.md").read_text()
    usage = readme.split("## Usage", 1)[1].split("```text", 1)[1].split("```", 1)[0]
    for name in _command_names():
        assert f"skillgap {name}" in usage, f"'skillgap {name}' is not in the README usage"


def _anchor(heading: str) -> str:
    """GitHub's anchor of a Markdown heading: lowercase, punctuation dropped, spaces to -."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_links_in_the_readme_and_docs_resolve() -> None:
    pages = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    assert len(pages) > 1, "the README links to pages in docs/"
    for page in pages:
        for target in re.findall(r"\]\(([^)\s]+)\)", page.read_text()):
            if target.startswith(("http://", "https://")):
                continue
            path, _, anchor = target.partition("#")
            linked = (page.parent / path).resolve() if path else page
            assert linked.exists(), f"{page.name}: link to {target} points nowhere"
            if anchor and linked.suffix == ".md":
                headings = re.findall(r"^#+ (.+)$", linked.read_text(), re.MULTILINE)
                anchors = {_anchor(heading) for heading in headings}
                assert anchor in anchors, f"{page.name}: no heading for #{anchor} in {path}"


def test_what_a_reader_could_not_read_is_a_quality_warning(tmp_path: Path) -> None:
    main = tmp_path / "main.tex"
    main.write_text(
        "\\documentclass{article}\n\\begin{document}\n\\input{sections/experience}\n"
        "Python and PyTorch.\n\\end{document}\n"
    )
    code, out, _ = run("analyze", str(main), "-f", "json")
    assert code == 0
    warnings = json.loads(out)["input"]["quality"]["warnings"]
    assert any("sections/experience (not found)" in w for w in warnings), warnings
    code, _, err = run("extract", str(main))
    assert code == 0
    assert "sections/experience (not found)" in err


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["analyse", "cv.pdf"], "Did you mean 'analyze'? (see 'skillgap --help')"),
        (["--bogus"], "No such option: --bogus (see 'skillgap --help')"),
        (["analyze"], "Missing argument 'RESUME...'. (see 'skillgap analyze --help')"),
        (["analyze", "cv.pdf", "-f", "yaml"], "'yaml' is not one of 'table'"),
        (["compare", "cv.pdf", "--max-bytes", "x"], "No such option: --max-bytes"),
        (["analyze", "cv.pdf", "-f", "xml"], "'--format' / '-f': 'xml' is not one of"),
        (["analyze", "cv.pdf", "-r"], "Option '-r' requires an argument. (see 'skillgap"),
    ],
)  # fmt: skip
def test_a_usage_error_is_one_line_with_where_to_find_help(args: list[str], said: str) -> None:
    """As every other error: click printed the usage, a hint and the error on four lines."""
    result = subprocess.run([sys.executable, "-m", "skillgap", *args], capture_output=True,
                            text=True)  # fmt: skip
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("skillgap: error: ") and said in line


def test_the_readme_shows_the_example_report_and_validate_output_as_they_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The README's excerpt of the example report is made of the report's own lines (which
    the golden test pins to the tool's output), and its validate example prints what the
    command prints: counts in both drifted as the taxonomy grew."""
    readme = (REPO / "README.md").read_text()
    report = (EXAMPLES / "mle-resume.report.txt").read_text().split("\n")
    first = report[0]
    excerpt = readme.split(first, 1)[1].split("```", 1)[0].split("\n")[1:]
    shown = [line for line in excerpt if line.strip() not in ("", "...")]
    assert len(shown) > 20
    assert [line for line in shown if line not in report] == []
    monkeypatch.chdir(REPO)  # the README's commands run in the repository
    code, out, _ = run("validate", str(EXAMPLES / "roles" / "data-scientist.toml"))
    assert code == 0 and f"$ skillgap validate examples/roles/data-scientist.toml\n{out}" in readme
    _, out, _ = run("compare", "examples/*-resume.pdf", "--role", "mle")
    assert f'$ skillgap compare "examples/*-resume.pdf" --role mle\n{out}' in readme
    _, _, err = run("analyze", "examples/mle-resume.pdf", "--role", "rs", "--fail-under", "90")
    command = "skillgap analyze examples/mle-resume.pdf --role rs --fail-under 90 >/dev/null"
    assert f"$ {command}\n{err}" in readme

"""The CI gate and the scripting interface: thresholds, config, formats, schema, hooks."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from skillgap.errors import ExitCode
from skillgap.render.base import OutputFormat, RenderOptions, render_all
from skillgap.render.formats import report_renderer
from skillgap.render.markdown import cell
from skillgap.schema import report_schema, schema_text

from .helpers import EXAMPLES, REPO, run

MLE = str(EXAMPLES / "mle-resume.txt")
RS = str(EXAMPLES / "rs-resume.txt")


def test_fail_under_passes_and_fails_saying_by_how_much() -> None:
    code, _, err = run("analyze", MLE, "--role", "mle", "--fail-under", "60", "-f", "json")
    assert code == ExitCode.OK and err == ""
    code, out, err = run("analyze", MLE, "--role", "rs", "--fail-under", "90", "-f", "json")
    assert code == ExitCode.THRESHOLD_FAILED
    score = json.loads(out)["roles"][0]["score"]
    assert err.strip() == (
        f"skillgap: {MLE}: threshold failed: Research Scientist score {score:.1f} is under 90, "
        f"{90 - score:.1f} short"
    )
    [check] = json.loads(out)["checks"]
    assert check == {"kind": "score", "target": "rs", "minimum": 90.0, "actual": score,
                     "passed": False, "message": check["message"]}  # fmt: skip


def test_fail_under_category_and_require() -> None:
    code, out, err = run(
        "analyze", RS, "--role", "rs", "--fail-under-category", "research=50",
        "--fail-under-category", "cloud=50", "--require", "python,pytorch", "--require", "go",
        "-f", "json",
    )  # fmt: skip
    assert code == ExitCode.THRESHOLD_FAILED
    checks = {(c["kind"], c["target"]): c["passed"] for c in json.loads(out)["checks"]}
    assert checks == {
        ("category", "rs:research"): True, ("category", "rs:cloud"): False,
        ("require", "python"): True, ("require", "pytorch"): True, ("require", "go"): False,
    }  # fmt: skip
    assert "required skill 'go' not found" in err
    assert "Research Scientist: Cloud platforms 0.0 is under 50, 50.0 short" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--require", "pytorh"],
            "unknown skill id 'pytorh' in --require (did you mean 'pytorch'?)",
        ),
        # A skill's name is no id, but it names the id to use (new-user review).
        (["--require", "spark"], "(did you mean 'apache-spark'?)"),
        (["--require", "zzzq"], "unknown skill id 'zzzq' in --require (see 'skillgap skills"),
        (["--fail-under-category", "clouds=5"], "unknown category 'clouds'"),
        (["--fail-under-category", "cloud"], "takes CATEGORY=N"),
        (["--fail-under", "120"], "outside 0-100"),
        # A category no scored role has: its check would never run (new-user review).
        (["--role", "mle", "--fail-under-category", "llm=50"], "in none of the roles scored"),
    ],
)
def test_bad_thresholds_are_usage_errors(args: list[str], message: str) -> None:
    code, out, err = run("analyze", MLE, *args)
    assert code == ExitCode.USAGE and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_a_posting_that_cannot_be_read_is_named_as_the_posting(tmp_path: Path) -> None:
    posting = tmp_path / "empty.txt"
    posting.write_bytes(b"")
    code, out, err = run("analyze", MLE, "--job", str(posting))
    assert code == ExitCode.INPUT_ERROR and out == ""
    assert f"the posting {posting}: no text found" in err and len(err.strip().splitlines()) == 1


def test_input_errors_take_precedence_over_thresholds(tmp_path: Path) -> None:
    code, _, err = run("analyze", MLE, str(tmp_path / "gone.pdf"), "--fail-under", "99")
    assert code == ExitCode.INPUT_ERROR
    assert "threshold failed" in err and "no such file" in err


def test_config_from_skillgap_toml_upward_and_flags_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".skillgap.toml").write_text('roles = "rs"\nfail-under = 99\nformat = "json"\n')
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    code, out, _ = run("analyze", MLE)
    assert code == ExitCode.THRESHOLD_FAILED
    report = json.loads(out)
    assert [r["id"] for r in report["roles"]] == ["rs"]
    code, out, _ = run("analyze", MLE, "--fail-under", "10", "--role", "mle", "-f", "jsonl")
    assert code == ExitCode.OK
    assert [r["id"] for r in json.loads(out)["roles"]] == ["mle"]


def test_config_from_pyproject_tool_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "cv"\n\n[tool.skillgap]\nrequire = ["haskell"]\n'
    )
    monkeypatch.chdir(tmp_path)
    code, _, err = run("analyze", MLE, "-f", "json")
    assert code == ExitCode.THRESHOLD_FAILED and "'haskell' not found" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("fail_under = 5\n", "key 'fail_under': Extra inputs are not permitted"),
        ("fail-under = 'high'\n", "key 'fail-under'"),
        ("format = 'xml'\n", "key 'format'"),
        ("roles = [\n", "not valid TOML"),
    ],
)
def test_bad_config_names_file_and_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, message: str
) -> None:
    (tmp_path / ".skillgap.toml").write_text(content)
    monkeypatch.chdir(tmp_path)
    code, _, err = run("analyze", MLE)
    assert code == ExitCode.USAGE
    assert str(tmp_path / ".skillgap.toml") in err and message in err


def test_markdown_is_ready_for_a_pull_request_comment() -> None:
    code, out, _ = run("analyze", MLE, "-f", "markdown", "--fail-under", "99", "--role", "mle")
    assert code == ExitCode.THRESHOLD_FAILED
    header = "| Role | Score | Required | Preferred | Gaps |"
    assert out.startswith(f"## skillgap: {cell(MLE)}\n\n{header}")
    assert re.search(r"^\| Machine Learning Engineer \(mle\) \| \*\*\d+\*\* \|", out, re.M)
    assert "- ❌ Machine Learning Engineer score" in out
    assert "### Machine Learning Engineer: gaps, the most points first" in out
    assert "<details><summary>Skills found" in out


def test_github_format_gives_workflow_commands() -> None:
    code, out, _ = run("analyze", RS, "-f", "github", "--role", "mle", "--fail-under", "90")
    assert code == ExitCode.THRESHOLD_FAILED
    lines = out.splitlines()
    assert lines[0].startswith(f"::error file={RS},title=skillgap threshold::")
    assert any(line.startswith("::warning file=") and "Gap for Machine Learning Engineer%3A"
               in line for line in lines)  # fmt: skip
    assert any(line.startswith("::notice file=") for line in lines)
    assert all(re.match(r"^::(error|warning|notice) file=[^,]+,title=[^:]+::", ln) for ln in lines)


def test_every_format_has_a_renderer() -> None:
    from skillgap.analysis import analyze

    report = analyze(EXAMPLES / "mle-resume.txt")
    for output_format in OutputFormat:
        text = render_all(report_renderer(output_format, RenderOptions(), inputs=1), [report])
        assert "mle" in text.lower(), output_format


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    target.write_text("stale")
    code, out, _ = run("analyze", MLE, RS, "-f", "markdown", "-o", str(target))
    assert code == ExitCode.OK and out == ""
    text = target.read_text()
    assert "stale" not in text and text.count("## skillgap:") == 2


def test_schema_command_prints_the_shipped_schema() -> None:
    code, out, _ = run("schema")
    assert code == ExitCode.OK
    assert out == schema_text(), "report.schema.json is stale: regenerate it from the models"
    schema = json.loads(out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_real_reports_validate_against_the_schema(tmp_path: Path) -> None:
    validator = Draft202012Validator(report_schema())
    code, out, _ = run("analyze", MLE, "-f", "json", "--require", "go")
    validator.validate(json.loads(out))
    code, out, _ = run("analyze", MLE, RS, str(tmp_path / "x.pdf"), "-f", "json")
    records = json.loads(out)
    assert [r["status"] for r in records] == ["ok", "ok", "error"]
    validator.validate(records)
    code, out, _ = run("analyze", str(EXAMPLES / "mle-resume.docx"), RS, "-f", "jsonl")
    assert code == ExitCode.OK
    for line in out.splitlines():
        validator.validate(json.loads(line))
    invalid = json.loads(run("analyze", MLE, "-f", "json")[1])
    invalid["roles"][0]["score"] = 140
    assert not validator.is_valid(invalid)


def test_batches_print_no_progress_when_stderr_is_not_a_terminal() -> None:
    code, _, err = run("analyze", MLE, RS, "-f", "jsonl")
    assert code == ExitCode.OK and err == ""


def test_readme_python_api_example_runs() -> None:
    readme = (REPO / "README.md").read_text()
    block = readme.split("## Python API", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    code = block.replace('"resume.pdf"', repr(str(EXAMPLES / "mle-resume.pdf")))
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)  # the documented example, as written
    assert namespace["report"].roles[0].id == "mle"  # type: ignore[attr-defined]


def test_pre_commit_hook_entry_runs(tmp_path: Path) -> None:
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert re.search(hook["files"], "docs/resume.pdf") and re.search(hook["files"], "CV.md")
    assert not re.search(hook["files"], "README.md")
    if shutil.which("skillgap") is None:
        pytest.skip("console script not installed")
    command = [*shlex.split(hook["entry"]), "--role", "mle", "--fail-under", "60", MLE]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("::notice file=")
    failing = subprocess.run(
        [*shlex.split(hook["entry"]), "--fail-under", "99", MLE],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert failing.returncode == ExitCode.THRESHOLD_FAILED


def test_example_workflow_runs_its_documented_commands(tmp_path: Path) -> None:
    workflow = yaml.safe_load((EXAMPLES / "ci" / "skillgap.yml").read_text())
    steps = [s["run"] for s in workflow["jobs"]["resume"]["steps"] if "run" in s]
    commands = [c for c in steps if c.startswith("skillgap ")]
    assert len(commands) == 2 and all("resume/resume.pdf" in c for c in commands)
    if shutil.which("skillgap") is None:
        pytest.skip("console script not installed")
    (tmp_path / "resume").mkdir()
    shutil.copy(EXAMPLES / "mle-resume.pdf", tmp_path / "resume" / "resume.pdf")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    for command in commands:
        done = subprocess.run(command, shell=True, cwd=tmp_path, env=env, capture_output=True,
                              text=True, check=False)  # fmt: skip
        assert done.returncode == 0, (command, done.stderr)
    assert summary.read_text().startswith("## skillgap: resume/resume.pdf\n")

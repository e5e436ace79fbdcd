"""Folder scans read only regular files inside the folder and never skillgap's own reports; no
resume found is exit 3; the config search stops at the repository or the home folder and the
reports name the config; the PDF password can stay off the command line."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillgap.cli import app
from skillgap.config import find_config
from skillgap.errors import ExitCode
from skillgap.inputs import expand_inputs, looks_like_report
from skillgap.render.base import OutputFormat
from skillgap.render.formats import FORMATS

from .helpers import CORPUS, EXAMPLES

runner = CliRunner()
MLE = str(EXAMPLES / "mle-resume.txt")
RS = str(EXAMPLES / "rs-resume.txt")


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def scanned(tmp_path: Path) -> Path:
    """A folder with one resume, one link to it, and what a scan must not read: links to
    files and folders outside it, a named pipe, and a report skillgap wrote."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET_TOKEN=abc Python PyTorch\n")
    folder = tmp_path / "cvs"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_bytes(Path(MLE).read_bytes())
    (folder / "sub" / "inside.txt").symlink_to(folder / "a.txt")
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "elsewhere").symlink_to(outside, target_is_directory=True)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    if Path("/proc/self/environ").exists():
        (folder / "environ.txt").symlink_to("/proc/self/environ")
    os.mkfifo(folder / "pipe.txt")
    assert run("analyze", MLE, "-f", "json", "-o", str(folder / "old.json"))[0] == ExitCode.OK
    return folder


def test_a_folder_scan_reads_regular_files_inside_the_folder_only(scanned: Path) -> None:
    expected = [str(scanned / "a.txt"), str(scanned / "sub" / "inside.txt")]
    assert expand_inputs([str(scanned)]).paths == expected
    assert expand_inputs([str(scanned / "**" / "*.*")]).paths == expected
    code, out, err = run("analyze", str(scanned), "-f", "json")
    assert code == ExitCode.OK, err
    assert [r["input"]["path"] for r in json.loads(out)] == expected
    assert "SECRET_TOKEN" not in out


def test_a_folder_or_link_named_on_the_command_line_is_read(scanned: Path) -> None:
    assert expand_inputs([str(scanned / "elsewhere")]).paths == [
        str(scanned / "elsewhere" / "secret.txt")
    ]
    assert expand_inputs([str(scanned / "secret.txt")]).paths == [str(scanned / "secret.txt")]
    code, _, err = run("analyze", str(scanned / "pipe.txt"))
    assert code == ExitCode.INPUT_ERROR and "not a regular file" in err


@pytest.mark.parametrize("command", ["analyze", "compare"])
def test_every_output_of_skillgap_looks_like_a_report(command: str, tmp_path: Path) -> None:
    (tmp_path / ".skillgap.toml").write_text("fail-under = 10\n")
    config = ["--config", str(tmp_path / ".skillgap.toml")]
    role = ["--role", "mle"] if command == "compare" else config
    for inputs in ([MLE], [MLE, RS, str(tmp_path / "missing.pdf")], [str(tmp_path / "gone.txt")]):
        for output_format in FORMATS[command]:
            _, out, _ = run(command, *inputs, *role, "-f", output_format)
            if out:
                assert looks_like_report(out.encode()), (command, inputs, output_format)
    assert set(FORMATS["analyze"]) == set(OutputFormat)


def test_no_resume_looks_like_a_report() -> None:
    resumes = [p for p in EXAMPLES.rglob("*") if p.is_file() and ".report." not in p.name]
    if CORPUS.exists():
        resumes += [p for p in CORPUS.rglob("*") if p.is_file()]
    assert len(resumes) > 5
    assert [p for p in resumes if looks_like_report(p.read_bytes()[:512])] == []


def test_example_reports_are_left_out_of_a_scan_by_their_name() -> None:
    names = [Path(p).name for p in expand_inputs([str(EXAMPLES)]).paths]
    assert "mle-resume.txt" in names and not [n for n in names if ".report." in n]


def test_no_resume_found_is_exit_3_with_one_line_and_an_empty_list(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    images = tmp_path / "images"
    images.mkdir()
    (images / "scan.png").write_bytes(b"\x89PNG\r\n")
    for folder in (empty, images):
        code, out, err = run("analyze", str(folder), "--fail-under", "90", "--require", "python")
        assert code == ExitCode.INPUT_ERROR and out == ""
        assert err == f"skillgap: error: {folder}: no resume found (a PDF, DOCX, text, " \
            "Markdown, LaTeX, JSON, YAML or HTML file)\n"  # fmt: skip
        assert run("analyze", str(folder), "-f", "json")[:2] == (ExitCode.INPUT_ERROR, "[]\n")
        assert run("analyze", str(folder), "-f", "jsonl")[:2] == (ExitCode.INPUT_ERROR, "")
        code, out, err = run("compare", str(folder), "--role", "mle", "-f", "json")
        assert (code, out) == (ExitCode.INPUT_ERROR, "[]\n")
        assert len(err.splitlines()) == 1 and "no resume found" in err
    code, out, err = run("analyze", MLE, str(empty), "-f", "json")
    assert code == ExitCode.INPUT_ERROR and json.loads(out)["status"] == "ok"
    assert err.splitlines() == [f"skillgap: error: {empty}: no resume found (a PDF, DOCX, "
                                "text, Markdown, LaTeX, JSON, YAML or HTML file)"]  # fmt: skip


def test_the_config_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / ".skillgap.toml").write_text("fail-under = 99\n")
    nested = tmp_path / "repo" / "docs"
    nested.mkdir(parents=True)
    assert find_config(nested) == tmp_path / ".skillgap.toml"
    (tmp_path / "repo" / ".git").write_text("gitdir: /elsewhere\n")  # a worktree's .git file
    assert find_config(nested) is None
    (tmp_path / "repo" / "pyproject.toml").write_text("[tool.skillgap]\nfail-under = 1\n")
    assert find_config(nested) == tmp_path / "repo" / "pyproject.toml"


def test_the_config_search_stops_at_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".skillgap.toml").write_text("fail-under = 99\n")
    home = tmp_path / "home"
    (home / "cv").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(home / "cv")
    assert find_config(home / "cv") is None
    code, out, _ = run("analyze", MLE)
    assert code == ExitCode.OK and "config:" not in out
    (home / ".skillgap.toml").write_text("fail-under = 99\n")
    assert find_config(home / "cv") == home / ".skillgap.toml"
    code, out, _ = run("analyze", MLE)
    assert code == ExitCode.THRESHOLD_FAILED
    assert "\nconfig: ../.skillgap.toml\nBest fit: " in out


def test_the_table_and_markdown_name_the_config_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".skillgap.toml").write_text('roles = ["mle"]\n')
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("analyze", MLE)
    assert code == ExitCode.OK
    assert out.startswith("skillgap ")
    assert "\nconfig: .skillgap.toml\n\nMachine Learning Engineer" in out
    code, out, _ = run("analyze", MLE, RS, "-f", "markdown")
    assert out.count("\n\nConfig: .skillgap.toml\n\n| Role |") == 2
    code, out, _ = run("analyze", MLE, "-f", "json")
    assert "skillgap.toml" not in out, "JSON is unchanged: its schema has no such field"


@pytest.fixture(scope="module")
def encrypted_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=EXAMPLES / "mle-resume.pdf")
    writer.encrypt(user_password="s3cret", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path_factory.mktemp("pdf") / "locked.pdf"
    path.write_bytes(buffer.getvalue())
    return path


def test_the_password_from_a_file_or_the_environment(encrypted_pdf: Path, tmp_path: Path) -> None:
    pdf = str(encrypted_pdf)
    code, _, err = run("analyze", pdf, env={"SKILLGAP_PDF_PASSWORD": ""})
    assert code == ExitCode.INPUT_ERROR and "encrypted" in err
    password_file = tmp_path / "password"
    password_file.write_text("s3cret\nnot part of it\n")
    for args, env in (
        (["--password-file", str(password_file)], {}),
        ([], {"SKILLGAP_PDF_PASSWORD": "s3cret"}),
        (["--password", "s3cret"], {"SKILLGAP_PDF_PASSWORD": "wrong"}),  # the flag wins
        (["--password-file", str(password_file)], {"SKILLGAP_PDF_PASSWORD": "wrong"}),
    ):
        code, out, err = run("analyze", pdf, *args, "-f", "json", env=env)
        assert code == ExitCode.OK, (args, err)
        assert "pytorch" in {s["id"] for s in json.loads(out)["skills"]}
    code, out, _ = run("extract", pdf, "--password-file", str(password_file))
    assert code == ExitCode.OK and "PyTorch" in out


def test_a_bad_password_option_is_a_usage_error(encrypted_pdf: Path, tmp_path: Path) -> None:
    password_file = tmp_path / "password"
    password_file.write_text("s3cret\n")
    both = ["--password", "x", "--password-file", str(password_file)]
    for command in ("analyze", "extract"):
        code, _, err = run(command, str(encrypted_pdf), *both)
        assert code == ExitCode.USAGE
        assert err == "skillgap: error: give --password or --password-file, not both\n"
        code, _, err = run(command, str(encrypted_pdf), "--password-file", str(tmp_path / "no"))
        assert code == ExitCode.USAGE
        assert err == f"skillgap: error: {tmp_path / 'no'}: cannot read the password file: " \
            "No such file or directory\n"  # fmt: skip


@pytest.mark.parametrize("command", ["analyze", "extract", "compare"])
def test_every_command_takes_its_limits_from_the_config_that_applies(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    resume = tmp_path / "cv.txt"
    resume.write_text("Python and PyTorch engineer. " * 40)  # 1,160 bytes
    monkeypatch.chdir(tmp_path)
    extra = ["--role", "mle"] if command == "compare" else []
    assert run(command, str(resume), *extra)[0] == ExitCode.OK
    (tmp_path / ".skillgap.toml").write_text("max-bytes = 1000\n")
    code, _, err = run(command, str(resume), *extra)
    assert code == ExitCode.INPUT_ERROR and "1000" in err.replace(",", ""), err
    if command != "compare":  # compare has no limit flags: the config is its only source
        assert run(command, str(resume), "--max-bytes", "2000")[0] == ExitCode.OK


def test_a_pattern_that_matches_no_file_is_reported_as_such(tmp_path: Path) -> None:
    pattern = str(tmp_path / "nomatch" / "*.pdf")
    code, out, err = run("analyze", pattern, "-f", "json")
    assert code == ExitCode.INPUT_ERROR
    assert json.loads(out)["error"]["code"] == "not-found"
    assert err.strip().endswith("no such file, and no file matches it as a pattern")

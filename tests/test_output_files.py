"""Output never destroys data: `-o` replaces a file only with a complete report, refuses to
overwrite an input, and a write error is exit 4; Ctrl-C and a closed pipe end a run quietly."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from skillgap.errors import ExitCode
from skillgap.output import TEMPORARY_SUFFIX

from .helpers import EXAMPLES, run

MLE = str(EXAMPLES / "mle-resume.txt")
RS = str(EXAMPLES / "rs-resume.txt")


def one_error_line(err: str) -> str:
    [line] = err.strip().splitlines()
    assert line.startswith("skillgap: error: ") and "Traceback" not in err
    return line


def resumes(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(count):
        (folder / f"cv{number:02}.txt").write_bytes(Path(MLE).read_bytes())
    return folder


def test_an_output_that_is_an_input_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_bytes(Path(MLE).read_bytes())
    link = tmp_path / "link.txt"
    link.symlink_to(resume)
    posting = tmp_path / "posting.md"
    posting.write_text("We need Python and PyTorch.\n")
    for args in (
        [str(resume), "-o", str(resume)],
        [str(resume), "-o", str(tmp_path / "." / "cv.txt")],
        [str(link), "-o", str(resume)],  # the same file by another path
        [str(resume), "-o", str(link)],
        [str(tmp_path / "*.txt"), "-o", str(resume)],  # through a pattern
        [str(tmp_path), "-o", str(resume)],  # through a folder scan
        [MLE, "--job", str(posting), "-o", str(posting)],
    ):
        code, out, err = run("analyze", *args)
        assert code == ExitCode.USAGE, args
        assert "is also an input" in one_error_line(err) and out == ""
    assert resume.read_bytes() == Path(MLE).read_bytes()
    assert posting.read_text() == "We need Python and PyTorch.\n"


def test_standard_input_redirected_from_the_output_file_is_refused(tmp_path: Path) -> None:
    """``analyze - -o cv.txt < cv.txt``: standard input is that file, so the report would
    replace the resume it reads."""
    resume = tmp_path / "cv.txt"
    resume.write_bytes(Path(MLE).read_bytes())
    command = [sys.executable, "-m", "skillgap", "analyze", "-", "-o"]
    for target in (str(resume), "/dev/stdin"):
        with resume.open("rb") as stdin:
            result = subprocess.run(
                [*command, target], stdin=stdin, capture_output=True, text=True, check=False
            )
        assert result.returncode == ExitCode.USAGE, result.stderr
        assert "is also an input" in one_error_line(result.stderr)
    assert resume.read_bytes() == Path(MLE).read_bytes()
    other = tmp_path / "report.txt"  # another file is written as usual
    with resume.open("rb") as stdin:
        result = subprocess.run(
            [*command, str(other)], stdin=stdin, capture_output=True, text=True, check=False
        )
    assert result.returncode == ExitCode.OK and other.read_text().startswith("skillgap ")


def test_a_failed_run_leaves_the_previous_report(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    code, _, _ = run("analyze", MLE, "-f", "json", "-o", str(report))
    assert code == ExitCode.OK
    previous = report.read_bytes()
    code, out, err = run("analyze", str(tmp_path / "missing.pdf"), "-f", "json", "-o", str(report))
    assert code == ExitCode.INPUT_ERROR and out == ""
    assert err.splitlines() == [
        f"skillgap: error: {tmp_path / 'missing.pdf'}: no such file",
        f"skillgap: {report} not written: no input was analysed",
    ]
    assert report.read_bytes() == previous
    # A batch in which some inputs were analysed is a report: it replaces the file.
    code, _, _ = run("analyze", RS, str(tmp_path / "missing.pdf"), "-f", "json", "-o", str(report))
    assert code == ExitCode.INPUT_ERROR
    assert [r["status"] for r in json.loads(report.read_text())] == ["ok", "error"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"], "no temporary file left"


def test_an_interrupted_run_leaves_the_previous_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import skillgap.batch as batch

    real = batch.process_all

    def interrupted(*args: Any, **kwargs: Any) -> Iterator[batch.Outcome]:
        yield next(iter(real(*args, **kwargs)))
        raise KeyboardInterrupt

    report = tmp_path / "report.md"
    report.write_text("previous report\n")
    monkeypatch.setattr(batch, "process_all", interrupted)
    code, out, err = run("analyze", MLE, RS, "-f", "markdown", "-o", str(report))
    assert code == ExitCode.INTERRUPTED and out == "" and err == ""
    assert report.read_text() == "previous report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_kill_9_mid_write_never_leaves_a_partial_report(tmp_path: Path) -> None:
    folder = resumes(tmp_path / "cvs", 40)
    report = tmp_path / "report.json"
    report.write_text('{"previous": true}\n')
    command = [sys.executable, "-m", "skillgap", "analyze", str(folder), "-f", "json", "-j", "1"]
    process = subprocess.Popen([*command, "-o", str(report)], start_new_session=True)
    try:
        # Wait until part of the new report is on disk, in the temporary file.
        deadline = time.monotonic() + 120
        while not any(p.stat().st_size for p in tmp_path.glob(f".report.json.*{TEMPORARY_SUFFIX}")):
            assert process.poll() is None, "the run ended before writing its report"
            assert time.monotonic() < deadline, "no part of the report was written"
            time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert json.loads(report.read_text()) == {"previous": True}


def test_a_write_error_is_exit_4_and_names_the_file(tmp_path: Path) -> None:
    code, _, err = run("analyze", MLE, "-o", "/dev/full")
    assert code == ExitCode.OUTPUT_ERROR
    assert one_error_line(err) == (
        "skillgap: error: /dev/full: cannot write the report: No space left on device"
    )
    code, _, err = run("analyze", MLE, "-o", str(tmp_path))
    assert code == ExitCode.OUTPUT_ERROR and "it is a folder" in one_error_line(err)
    code, _, err = run("analyze", MLE, "-o", str(tmp_path / "no" / "report.txt"))
    assert code == ExitCode.OUTPUT_ERROR and "No such file or directory" in one_error_line(err)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_a_read_only_folder_is_exit_4(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "report.txt").write_text("previous\n")
    folder.chmod(0o555)
    try:
        code, _, err = run("analyze", MLE, "-o", str(folder / "report.txt"))
    finally:
        folder.chmod(0o755)
    assert code == ExitCode.OUTPUT_ERROR and "Permission denied" in one_error_line(err)
    assert (folder / "report.txt").read_text() == "previous\n"


def test_a_replaced_report_keeps_its_permissions_and_symbolic_link(tmp_path: Path) -> None:
    real = tmp_path / "reports" / "latest.md"
    real.parent.mkdir()
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "report.md"
    link.symlink_to(real)
    code, _, _ = run("analyze", MLE, "-f", "markdown", "-o", str(link))
    assert code == ExitCode.OK
    assert link.is_symlink() and real.read_text().startswith("## skillgap: ")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    fresh = tmp_path / "fresh.md"
    mask = os.umask(0o022)
    try:
        run("analyze", MLE, "-f", "markdown", "-o", str(fresh))
    finally:
        os.umask(mask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644, "as a plain open() would create it"


def test_a_report_written_into_the_scanned_folder_is_not_read_back(tmp_path: Path) -> None:
    folder = resumes(tmp_path / "cvs", 2)
    report = folder / "summary.json"
    for _ in range(2):  # the second run finds the first one's report in the folder
        code, _, err = run("analyze", str(folder), "-f", "json", "-o", str(report))
        assert code == ExitCode.OK, err
        paths = [Path(r["input"]["path"]).name for r in json.loads(report.read_text())]
        assert paths == ["cv00.txt", "cv01.txt"]
    # Without -o too: a file that is one of skillgap's reports is left out of scans.
    code, out, _ = run("analyze", str(folder), "-f", "jsonl")
    assert [Path(json.loads(line)["input"]["path"]).name for line in out.splitlines()] == [
        "cv00.txt", "cv01.txt",
    ]  # fmt: skip


def _skillgap(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "skillgap", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip


def test_a_closed_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    """``skillgap analyze cvs/ | head -1``: no traceback, the status of a SIGPIPE'd tool."""
    folder = resumes(tmp_path / "cvs", 30)
    with _skillgap("analyze", str(folder), "-f", "jsonl", "-j", "1") as process:
        assert process.stdout is not None and process.stderr is not None
        assert json.loads(process.stdout.readline())["status"] == "ok"
        process.stdout.close()
        err = process.stderr.read()
    assert process.returncode == ExitCode.OUTPUT_CLOSED == 141
    assert err == b""


def test_ctrl_c_ends_a_batch_quietly(tmp_path: Path) -> None:
    """Ctrl-C reaches the parent and its workers (the terminal signals the whole group)."""
    folder = resumes(tmp_path / "cvs", 60)
    with _skillgap("analyze", str(folder), "-f", "jsonl", "-j", "2") as process:
        assert process.stdout is not None and process.stderr is not None
        assert json.loads(process.stdout.readline())["status"] == "ok"
        os.killpg(process.pid, signal.SIGINT)
        process.stdout.read()
        err = process.stderr.read()
    assert process.returncode == ExitCode.INTERRUPTED == 130
    assert err == b""


def test_a_closed_standard_error_ends_the_run_quietly(tmp_path: Path) -> None:
    """``skillgap analyze ... 2>&1 >/dev/null | head -1``: the reader of the errors has gone."""
    missing = [str(tmp_path / f"missing-{number}.txt") for number in range(3000)]
    with _skillgap("analyze", *missing, "-f", "jsonl") as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stderr.readline().startswith(b"skillgap: error: ")
        process.stderr.close()
        process.stdout.read()
    assert process.returncode == ExitCode.OUTPUT_CLOSED

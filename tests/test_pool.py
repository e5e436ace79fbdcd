"""Worker processes under attack: a worker that dies or hangs loses only its input, and no
worker outlives the parent."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillgap.cli import app
from skillgap.errors import ExitCode
from skillgap.pool import Lost, PoolLimits, run_in_workers

from .helpers import EXAMPLES
from .hostile import pdf_inflating_stream

MiB = 1024 * 1024


def misbehave(item: str) -> str:
    """What a worker does with each test item: most are answered, some kill the worker in
    one way or another."""
    if item == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif item == "abort":
        os.abort()
    elif item == "memory":
        bytearray(512 * MiB)
    elif item == "hang":
        time.sleep(60)
    return item.upper()


@pytest.mark.parametrize("chunk", [1, 3])
def test_a_dying_or_hanging_worker_loses_only_its_own_input(chunk: int) -> None:
    items = ["a", "kill", "b", "abort", "c", "memory", "d", "hang", "e", "f"]
    limits = PoolLimits(workers=2, timeout=1, max_memory=200 * MiB, chunk=chunk)
    results = list(run_in_workers(misbehave, items, limits))
    assert [r if isinstance(r, str) else r.code for r in results] == [
        "A", "worker-died", "B", "too-large", "C", "too-large", "D", "timeout", "E", "F",
    ]  # fmt: skip
    lost = {r.item: r.message for r in results if isinstance(r, Lost)}
    assert lost["kill"] == "kill: the process analysing it was killed (SIGKILL)"
    assert lost["abort"] == lost["memory"].replace("memory", "abort", 1)
    assert lost["memory"] == (
        "memory: needs more memory than the limit of 200 MiB (raise it with --max-memory)"
    )
    assert lost["hang"] == "hang: gave up after 1 seconds (raise it with --timeout)"


def test_without_a_memory_cap_a_crash_is_a_crash() -> None:
    limits = PoolLimits(workers=1, timeout=0, max_memory=0)
    [lost] = run_in_workers(misbehave, ["abort"], limits)
    assert isinstance(lost, Lost) and lost.code == "worker-died"
    assert lost.message == "abort: the process analysing it crashed (SIGABRT)"


def test_workers_are_recycled_and_answer_in_order() -> None:
    items = [str(n) for n in range(40)]
    limits = PoolLimits(workers=2, timeout=0, max_memory=0, chunk=3, inputs_per_worker=4)
    assert list(run_in_workers(str.upper, items, limits)) == items


def test_a_batch_with_an_input_over_the_memory_cap_reports_every_input(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(pdf_inflating_stream(400 * MiB))
    paths = [str(EXAMPLES / "mle-resume.txt"), str(bomb), str(EXAMPLES / "rs-resume.pdf")]
    result = CliRunner().invoke(
        app, ["analyze", *paths, "-f", "jsonl", "--max-memory", "150", "-j", "2"]
    )
    assert result.exit_code == ExitCode.INPUT_ERROR
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["status"] for r in records] == ["ok", "error", "ok"]
    assert records[1]["error"]["code"] == "too-large"
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except (OSError, ValueError):
            continue
        if entry.isdigit() and int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting for whatever adopted it to reap it."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize(
    ("sent", "exit_code"),
    [(signal.SIGTERM, ExitCode.TERMINATED), (signal.SIGINT, ExitCode.INTERRUPTED),
     (signal.SIGKILL, -signal.SIGKILL)],
)  # fmt: skip
def test_no_worker_outlives_the_parent(tmp_path: Path, sent: int, exit_code: int) -> None:
    text = (EXAMPLES / "mle-resume.txt").read_bytes()
    for number in range(400):
        (tmp_path / f"r{number}.txt").write_bytes(text)
    command = [sys.executable, "-c", "from skillgap.cli import main; main()",
               "analyze", str(tmp_path), "-f", "jsonl", "-j", "2"]  # fmt: skip
    parent = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    while len(workers := _children(parent.pid)) < 2 and parent.poll() is None:
        time.sleep(0.01)
    assert len(workers) >= 2  # a worker being replaced may be seen beside the two
    parent.send_signal(sent)
    out, err = parent.communicate(timeout=60)
    assert parent.returncode == exit_code
    assert err == b"" and len(out.splitlines()) < 400
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, workers))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_batch_survives_a_worker_killed_from_outside(tmp_path: Path) -> None:
    """kill -9 of a worker mid-batch (once the first record is out, each worker has inputs
    queued): every input still has its record, in order; the one it was on says so."""
    text = (EXAMPLES / "mle-resume.txt").read_bytes()
    for number in range(300):
        (tmp_path / f"r{number:03}.txt").write_bytes(text)
    command = [sys.executable, "-m", "skillgap", "analyze", str(tmp_path), "-f", "jsonl", "-j", "2"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as parent:
        assert parent.stdout is not None and parent.stderr is not None
        first = parent.stdout.readline()
        os.kill(_children(parent.pid)[0], signal.SIGKILL)
        # The rest through the same buffered reader: communicate() reads the pipe beneath it
        # and would skip what readline() had already buffered past the first line.
        out = parent.stdout.read()
        err = parent.stderr.read()
        parent.wait(timeout=300)
    records = [json.loads(line) for line in [first, *out.splitlines()]]
    assert [Path(r["input"]["path"]).name for r in records] == [f"r{n:03}.txt" for n in range(300)]
    lost = [r for r in records if r["status"] == "error"]
    assert [r["error"]["code"] for r in lost] == ["worker-died"]
    assert parent.returncode == ExitCode.INPUT_ERROR
    assert err.decode().count("\n") == 1 and b"(SIGKILL)" in err


def test_the_memory_limit_comes_from_the_flag_over_the_config() -> None:
    from skillgap.config import DEFAULTS, Config, Flags, LoadedConfig, resolve_settings

    config = LoadedConfig(path=None, values=Config.model_validate({"max-memory": 300}))
    assert resolve_settings(Flags(), config, DEFAULTS).limits.max_memory == 300
    assert resolve_settings(Flags(max_memory=0), config, DEFAULTS).limits.max_memory == 0
    assert DEFAULTS.limits.memory_bytes == 512 * MiB

"""Every input kind the tool may meet, and how it fares (a script, not a test).

    python benchmarks/robustness.py [--corpus ../shared/corpus] [--attacks-only] [--timeout S]

Runs the analysis over the shared corpus (resumes, odd PDFs) and over generated broken inputs
of each kind the README lists, and prints per kind how many gave a report and how many a
clean error (by code), whether anything raised, and the slowest input with its time.

Then runs ``skillgap analyze`` on each resource attack of ``tests/hostile.py`` at full size,
alone and all together in one batch with ordinary resumes, under a 4 GiB address-space cap,
and prints per input its outcome, its wall time beyond the start-up of the same command on a
one-line resume, and the peak memory (summed PSS) of the whole process tree; the targets are
the timeout plus a second, and 1.5 GB.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
import time
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

from skillgap.analysis import analyze
from skillgap.errors import InputError
from skillgap.limits import DEFAULT_LIMITS

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from tests.hostile import attack_files  # noqa: E402

from speed import watch_memory  # noqa: E402

EXAMPLES = HERE.parent / "examples"
DEFAULT_CORPUS = HERE.parents[1] / "shared" / "corpus"


def generated(folder: Path) -> dict[str, list[Path]]:
    """Broken and odd inputs made here, by kind."""
    pdf = (EXAMPLES / "mle-resume.pdf").read_bytes()
    docx = (EXAMPLES / "mle-resume.docx").read_bytes()
    text = (EXAMPLES / "mle-resume.txt").read_text()
    kinds: dict[str, dict[str, bytes]] = {
        "empty": {"empty.txt": b"", "empty.pdf": b"", "blank.md": b"\n \n"},
        "truncated": {f"cut{n}.pdf": pdf[: len(pdf) * n // 10] for n in (1, 5, 9)}
        | {"cut.docx": docx[:1000]},
        "random bytes": {f"noise{n}.bin": os.urandom(2048 * n) for n in (1, 8, 64)},
        "header-only pdf": {"header.pdf": b"%PDF-1.7\n", "header2.pdf": b"%PDF-1.4\n%\xe2\xe3"},
        "nul bytes": {"nul.txt": text.replace("\n", "\n\x00", 5).encode()},
        "deep json": {"deep.json": b"[" * 50_000 + b"]" * 50_000,
                      "deep-object.json": b'{"a":' * 5_000 + b"1" + b"}" * 5_000},
        "long line": {"line.txt": ("Python PyTorch " * 60_000).encode()},
        "wrong extension": {"pdf-named.txt": pdf, "text-named.pdf": text.encode()},
        "encodings": {"latin1.txt": text.encode("latin-1", "replace"),
                      "utf16.txt": text.encode("utf-16"), "cp1252.txt": text.encode("cp1252")},
        "not word": {"fake.docx": _zip({"a.txt": b"Python"})},
    }  # fmt: skip
    paths: dict[str, list[Path]] = {}
    for kind, files in kinds.items():
        paths[kind] = []
        for name, data in files.items():
            path = folder / name
            path.write_bytes(data)
            paths[kind].append(path)
    link = folder / "dangling.pdf"
    link.symlink_to(folder / "missing.pdf")
    paths["dangling symlink"] = [link]
    return paths


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


#: A resume whose analysis is mostly start-up.
SMALL_RESUME = EXAMPLES / "mle-resume.txt"
#: skillgap as installed with this Python (not another one on the PATH).
SKILLGAP = [sys.executable, "-m", "skillgap"]
#: The address-space cap the attacks run under: the machine must survive whatever they do.
CAP = 4 << 30
#: Most memory the whole process tree may reach on an attack, in MiB (1.5 GB).
MEMORY_TARGET = 1.5e9 / 2**20


def run_capped(arguments: list[str]) -> tuple[float, float, int, str]:
    """Wall seconds, peak PSS of the process tree in MiB, exit code, and the first error code
    (or "ok") of ``skillgap`` run with ``arguments`` under :data:`CAP`."""
    import resource
    import subprocess

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))

    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen([*SKILLGAP, *arguments, "-f", "jsonl"], stdout=out,
                                   stderr=subprocess.DEVNULL, preexec_fn=cap)  # fmt: skip
        peak = watch_memory(process.pid, lambda: process.poll() is not None)
        process.wait()
        wall = time.perf_counter() - start
        out.seek(0)
        codes = [json.loads(line).get("error", {}).get("code", "ok") for line in out]
    errors = [code for code in codes if code != "ok"]
    outcome = codes[0] if len(codes) == 1 else f"{len(codes)} records, {len(errors)} errors"
    return wall, peak, process.returncode, outcome


def attacks(timeout: float | None) -> int:
    """Each attack at full size, then all of them in a batch with ordinary resumes; returns
    how many missed a target."""
    limit = ["--timeout", f"{timeout:g}"] if timeout is not None else []
    allowed = timeout if timeout is not None else DEFAULT_LIMITS.timeout
    print(f"\nresource attacks at full size, each alone (the time of a small resume, run just "
          f"before, taken off; targets: {allowed:g} s + 1 s, {MEMORY_TARGET:.0f} MiB)")  # fmt: skip
    missed = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = []
        for attack, path in attack_files(folder, full=True):
            files.append(path)
            startup = run_capped(["analyze", str(SMALL_RESUME)])[0]
            wall, peak, code, outcome = run_capped(["analyze", str(path), *limit])
            late, heavy = wall - startup > allowed + 1, peak > MEMORY_TARGET
            missed += late or heavy
            print(f"  {attack.name:<38} {path.stat().st_size:>11,} B  {wall - startup:6.2f} s"
                  f"{'!' if late else ' '} {peak:6.0f} MiB{'!' if heavy else ' '} "
                  f"exit {code}  {outcome}")  # fmt: skip
        for number in range(20):
            (folder / f"resume{number}.txt").write_bytes((EXAMPLES / "mle-resume.txt").read_bytes())
        startup = run_capped(["analyze", str(SMALL_RESUME)])[0]
        wall, peak, code, outcome = run_capped(["analyze", str(folder), *limit])
        print(f"  {'all in one batch with 20 resumes':<38} {'':>13}  {wall - startup:6.2f} s "
              f" {peak:6.0f} MiB  exit {code}  {outcome}")  # fmt: skip
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--attacks-only", action="store_true")
    parser.add_argument(
        "--timeout", type=float, help="--timeout for the attacks (default: skillgap's)"
    )
    args = parser.parse_args()
    if args.attacks_only:
        return 1 if attacks(args.timeout) else 0
    corpus: Path = args.corpus
    with tempfile.TemporaryDirectory() as tmp:
        kinds = {
            "corpus text": sorted(p for p in (corpus / "text").iterdir() if p.suffix != ".tsv"),
            "corpus pdf": sorted((corpus / "pdf").glob("*.pdf")),
            "odd pdf": sorted((corpus / "pdf-odd").glob("*.pdf")),
            "examples": sorted(p for p in EXAMPLES.iterdir() if p.stem.endswith("resume")),
            **generated(Path(tmp)),
        }
        outcomes: dict[str, Counter[str]] = defaultdict(Counter)
        times: list[tuple[float, str]] = []
        crashed = 0
        for kind, paths in kinds.items():
            for path in paths:
                start = time.perf_counter()
                try:
                    analyze(path)
                    outcomes[kind]["ok"] += 1
                except InputError as error:
                    outcomes[kind][f"error:{error.code}"] += 1
                except Exception as error:  # what the CLI would report as "internal"
                    crashed += 1
                    outcomes[kind][f"CRASH:{type(error).__name__}"] += 1
                times.append((time.perf_counter() - start, f"{kind}: {path.name}"))
    total = sum(sum(c.values()) for c in outcomes.values())
    print(f"{total} inputs of {len(outcomes)} kinds; {crashed} raised something else "
          "than a clean input error")  # fmt: skip
    for kind, counts in outcomes.items():
        print(f"  {kind:<18} " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    times.sort(reverse=True)
    print("slowest inputs:")
    for seconds, label in times[:3]:
        print(f"  {seconds:6.2f} s  {label}")
    missed = attacks(args.timeout)
    return 1 if crashed or missed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Every input kind the tool may meet, and how it fares (a script, not a test).

    python benchmarks/robustness.py [--corpus ../shared/corpus]

Runs the analysis over the shared corpus (resumes, odd PDFs) and over generated broken inputs
of each kind the README lists, and prints per kind how many gave a report and how many a
clean error (by code), whether anything raised, and the slowest input with its time.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

from skillgap.analysis import analyze
from skillgap.errors import InputError

HERE = Path(__file__).resolve().parent
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
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
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())

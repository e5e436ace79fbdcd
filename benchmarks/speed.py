"""Speed and memory on this machine, against floors measured in the same run (a script, not a
test): the targets are ratios, so they hold on a busy or a slow machine.

    python benchmarks/speed.py [--corpus ../shared/corpus] [--runs 5]

Prints medians over repeated runs of: `skillgap --help`; a cold `skillgap analyze` of a
one-page PDF; batch throughput on hundreds of text resumes and of PDFs (marginal, after
start-up); peak memory of a batch; the floors (`import spacy; spacy.blank("en")` and PDF text
extraction alone); the CPU per PDF the first time a process sees it and when seen before; peak
memory of a long batch in which every resume brings new words; how time per resume grows with
its length and with a 10x larger taxonomy.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples"
DEFAULT_CORPUS = HERE.parents[1] / "shared" / "corpus"
SKILLGAP = [shutil.which("skillgap") or sys.executable, *([] if shutil.which("skillgap") else
            ["-m", "skillgap"])]  # fmt: skip


def median_wall(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_measured(command: list[str], *, watch: bool = True) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds of the whole process tree, peak total PSS in MiB (0 unless
    ``watch``: reading a process's PSS costs the kernel milliseconds of CPU per 100 MiB it
    maps, so a watched run is slower on a machine with few cores, and times come from runs
    that are not watched)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = watch_memory(process.pid, lambda: process.poll() is not None) if watch else 0.0
    process.wait()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, peak


def watch_memory(pid: int, done: Callable[[], bool]) -> float:
    """Peak of the summed proportional set size (shared pages split fairly) of a tree."""
    peak = 0.0

    def sample() -> None:
        nonlocal peak
        while not done():
            total = sum(pss_kib(p) for p in process_tree(pid))
            peak = max(peak, total / 1024)
            time.sleep(0.02)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    watcher.join()
    return peak


def process_tree(pid: int) -> list[int]:
    pids, index = [pid], 0
    while index < len(pids):
        try:
            for task in Path(f"/proc/{pids[index]}/task").iterdir():
                children = (task / "children").read_text().split()
                pids.extend(int(child) for child in children)
        except OSError:
            pass
        index += 1
    return pids


def pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def make_batches(corpus: Path, folder: Path) -> tuple[list[Path], list[Path]]:
    """Hundreds of text resumes (the corpus, extracted, ten times) and of PDFs."""
    from skillgap.readers import read_document

    sources = [p for p in sorted((corpus / "text").iterdir()) if p.suffix != ".tsv"]
    sources += sorted((corpus / "pdf").glob("*.pdf"))
    texts, pdfs = [], []
    (folder / "text").mkdir()
    (folder / "pdf").mkdir()
    for copy in range(10):
        for index, source in enumerate(sources):
            target = folder / "text" / f"{copy}_{index:03d}.txt"
            target.write_text(read_document(source).text)
            texts.append(target)
        for pdf in [*sorted((corpus / "pdf").glob("*.pdf")), *sorted(EXAMPLES.glob("*.pdf"))]:
            target = folder / "pdf" / f"{copy}_{pdf.name}"
            shutil.copy(pdf, target)
            pdfs.append(target)
    return texts, pdfs


def batch_rate(files: list[Path], jobs: int, runs: int) -> tuple[float, float, float, float]:
    """Marginal inputs per second and CPU seconds per input, peak MiB, and the full wall time.

    The times come from runs whose memory is not watched, the peak from as many more runs of
    the whole batch that are: sampling the PSS of three processes of 250 MiB every 20 ms
    takes the watcher about half a core, which a run on two cores would lose."""
    small, large = files[: len(files) // 10], files
    command = [*SKILLGAP, "analyze", "-f", "jsonl", "-j", str(jobs)]
    results, peaks = [], []
    for _ in range(runs):
        wall_small, cpu_small, _ = run_measured([*command, *map(str, small)], watch=False)
        wall_large, cpu_large, _ = run_measured([*command, *map(str, large)], watch=False)
        extra = len(large) - len(small)
        results.append((extra / (wall_large - wall_small), (cpu_large - cpu_small) / extra,
                        wall_large))  # fmt: skip
        peaks.append(run_measured([*command, *map(str, large)])[2])
    rate, cpu, wall = (statistics.median(column) for column in zip(*results, strict=True))
    return rate, cpu, statistics.median(peaks), wall


def extraction_cpu(pdfs: list[Path], runs: int) -> float:
    """CPU seconds per PDF for PDF text extraction alone (PDFium), in one process."""
    code = (
        "import sys, pypdfium2 as p\n"
        "for f in sys.argv[1:]:\n"
        "    d = p.PdfDocument(f)\n"
        "    [pg.get_textpage().get_text_range() for pg in d]\n"
    )
    small, large = pdfs[: len(pdfs) // 10], pdfs
    values = []
    for _ in range(runs):
        _, cpu_small, _ = run_measured([sys.executable, "-c", code, *map(str, small)], watch=False)
        _, cpu_large, _ = run_measured([sys.executable, "-c", code, *map(str, large)], watch=False)
        values.append((cpu_large - cpu_small) / (len(large) - len(small)))
    return statistics.median(values)


#: Corpus texts that are the source of one of the corpus PDFs (see the corpus README): left
#: out of the warm-up before the PDFs are timed as new.
PDF_SOURCES = ("001_", "002_", "003_", "004_", "012_", "013_", "014_", "020_")


def new_and_seen(corpus: Path) -> tuple[float, float, float, int]:
    """CPU ms per PDF in one process for the corpus PDFs, the first time each is seen (after
    other resumes warmed the caches of words and near misses) and a second time, and for
    PDF text extraction alone; and how many PDFs."""
    import pypdfium2 as pdfium

    from skillgap.batch import Job, process
    from skillgap.render.base import OutputFormat, RenderOptions
    from skillgap.render.formats import report_renderer
    from skillgap.taxonomy import load_taxonomy

    warm = [
        str(p)
        for p in sorted((corpus / "text").iterdir())
        if p.suffix != ".tsv" and not p.name.startswith(PDF_SOURCES)
    ]
    pdfs = [str(p) for p in sorted((corpus / "pdf").glob("*.pdf"))]
    renderer = report_renderer(OutputFormat.jsonl, RenderOptions(), inputs=2)
    job = Job(taxonomy=load_taxonomy(), renderer=renderer)
    times = []
    last = time.process_time()
    for path in [*warm, *pdfs, *pdfs]:  # in this process, which process_time measures
        process(path, job)
        now = time.process_time()
        times.append(now - last)
        last = now
    new, seen = times[len(warm) : len(warm) + len(pdfs)], times[len(warm) + len(pdfs) :]
    extraction = []
    for path in pdfs:
        start = time.process_time()
        [page.get_textpage().get_text_range() for page in pdfium.PdfDocument(path)]
        extraction.append(time.process_time() - start)
    per_pdf = [1000 * sum(part) / len(pdfs) for part in (new, seen, extraction)]
    return per_pdf[0], per_pdf[1], per_pdf[2], len(pdfs)


def long_batch(folder: Path, count: int, jobs: int) -> tuple[float, float]:
    """Wall seconds and peak MiB for a long batch in which every resume brings new words (an
    example resume and 60 random words each): the worst case for memory, which grows with
    every word a worker process meets."""
    import random
    import string

    base = (EXAMPLES / "mle-resume.txt").read_text()
    rng = random.Random(0)
    target = folder / "long"
    target.mkdir()
    for index in range(count):
        words = " ".join("".join(rng.choices(string.ascii_lowercase, k=8)) for _ in range(60))
        (target / f"{index:05d}.txt").write_text(f"{base}\n{words}\n")
    command = [*SKILLGAP, "analyze", "-f", "jsonl", "-j", str(jobs), str(target)]
    wall, _, peak = run_measured(command)
    return wall, peak


def per_resume_ms(texts: list[str], taxonomy: object | None = None, repeat: int = 3) -> float:
    from skillgap.analysis import analyze

    for text in texts[:3]:
        analyze(text.encode(), name="warm.txt", taxonomy=taxonomy)  # type: ignore[arg-type]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            analyze(text.encode(), name="cv.txt", taxonomy=taxonomy)  # type: ignore[arg-type]
        best = min(best, (time.perf_counter() - start) / len(texts))
    return best * 1000


def length_scaling(texts: list[str]) -> list[tuple[int, float]]:
    """ms per 1,000 characters for a resume repeated 1, 2, 4, 8 and 16 times."""
    base = max(texts, key=len)
    rows = []
    for factor in (1, 2, 4, 8, 16):
        text = "\n\n".join([base] * factor)
        rows.append((len(text), per_resume_ms([text]) / (len(text) / 1000)))
    return rows


def ten_times_taxonomy(folder: Path) -> object:
    """The built-in taxonomy plus nine times as many generated skills, with aliases and rules."""
    from skillgap.taxonomy import load_taxonomy_from

    source = HERE.parent / "skills"
    target = folder / "skills"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    count = len(list(load_taxonomy_from(target).skills))
    lines = []
    for index in range(count * 9):
        name = f"Toolkit{index:05d}"
        lines += [
            "[[skill]]", f'id = "generated-{index:05d}"', f'name = "{name}"',
            'category = "engineering"',
            f'aliases = ["{name}", "{name} Pro", "{name.lower()}-cli"]',
            *([f'rules = ["use* ... {name.lower()}"]'] if index % 10 == 0 else []),
            f'tip = "Build a small project with {name} and describe what it did."', "",
        ]  # fmt: skip
    (target / "generated.toml").write_text("\n".join(lines))
    return load_taxonomy_from(target)


#: Corpus text files by the reader that reads them (the Document's format names the row).
READER_ORDER = ("latex", "yaml", "rmarkdown", "markdown", "json", "text", "pdf")
#: The size of the long LaTeX CV the reader targets name (taken from the corpus, or made).
LONG_LATEX_BYTES = 30_000


def corpus_files(corpus: Path) -> list[Path]:
    """The corpus resumes in their own formats: text sources and PDFs."""
    texts = [p for p in sorted((corpus / "text").iterdir()) if p.suffix != ".tsv"]
    return texts + sorted((corpus / "pdf").glob("*.pdf"))


def long_latex(corpus: Path, folder: Path) -> Path:
    """The largest corpus LaTeX CV if it has LONG_LATEX_BYTES, else one made that long from
    the bodies of the corpus LaTeX CVs under the first one's preamble."""
    sources = [p for p in corpus_files(corpus) if p.suffix in (".tex", ".xtx")]
    largest = max(sources, key=lambda p: p.stat().st_size)
    if largest.stat().st_size >= LONG_LATEX_BYTES:
        return largest
    first = sources[0].read_text()
    preamble, _, _ = first.partition("\\begin{document}")
    bodies: list[str] = []
    while sum(map(len, bodies)) < LONG_LATEX_BYTES:
        for source in sources:
            body = source.read_text().partition("\\begin{document}")[2]
            bodies.append(body.partition("\\end{document}")[0])
    target = folder / "long-cv.tex"
    target.write_text(f"{preamble}\\begin{{document}}{''.join(bodies)}\\end{{document}}\n")
    return target


def reader_times(files: list[Path], runs: int) -> dict[Path, tuple[str, float, float]]:
    """Per file, in one process after a warm-up: its format, and the median CPU ms of
    reading it and of analysing the text read (matching and scoring, no rendering)."""
    from skillgap.analysis import analyze_document
    from skillgap.readers import read_document
    from skillgap.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    for path in files:
        analyze_document(read_document(path), taxonomy=taxonomy)
    samples: dict[Path, tuple[str, list[float], list[float]]] = {}
    for _ in range(runs):
        for path in files:
            start = time.process_time()
            document = read_document(path)
            read = time.process_time()
            analyze_document(document, taxonomy=taxonomy)
            done = time.process_time()
            _, reads, analyses = samples.setdefault(path, (document.format, [], []))
            reads.append(read - start)
            analyses.append(done - read)
    return {
        path: (fmt, 1000 * statistics.median(reads), 1000 * statistics.median(analyses))
        for path, (fmt, reads, analyses) in samples.items()
    }


def print_reader_times(corpus: Path, folder: Path, runs: int) -> None:
    files = corpus_files(corpus)
    long = long_latex(corpus, folder)
    runs = max(runs, 5)
    times = reader_times([*files, *([] if long in files else [long])], runs)
    print(f"\nreaders, CPU ms per file in one process (medians of {runs}): reading against "
          "analysing the text read (target: ratio <= ~1)")  # fmt: skip
    for fmt in READER_ORDER:
        rows = [(path, r, a) for path, (f, r, a) in times.items() if f == fmt and path != long]
        if not rows:
            continue
        reads = [r for _, r, _ in rows]
        worst = max(rows, key=lambda row: row[1])
        worst_ratio = max(r / a for _, r, a in rows)
        ratio = sum(reads) / sum(a for _, _, a in rows)
        print(f"  {fmt:<9} {len(rows):>2} files: reading median {statistics.median(reads):6.1f}, "
              f"worst {worst[1]:6.1f} ({worst[0].name[:28]}); analysing median "
              f"{statistics.median(a for _, _, a in rows):5.1f}; reading / analysing "
              f"{ratio:5.2f}x (worst file {worst_ratio:5.2f}x)")  # fmt: skip
    _, read, analysis = times[long]
    print(f"  LaTeX CV of {long.stat().st_size:,} bytes ({long.name}): reading {read:.1f} ms, "
          f"analysing {analysis:.1f} ms = {read / analysis:.2f}x "
          f"(target: well under {LONG_LATEX_BYTES // 1000} ms)")  # fmt: skip


def mixed_batch(corpus: Path, folder: Path, copies: int = 10) -> list[Path]:
    """The corpus resumes in their own formats (LaTeX, Markdown, YAML, JSON, text, PDF),
    ``copies`` times, each copy in corpus order, so that the first tenth is one whole copy."""
    target = folder / "mixed"
    target.mkdir()
    batch = []
    for copy in range(copies):
        for source in corpus_files(corpus):
            path = target / f"{copy}_{source.name}"
            shutil.copy(source, path)
            batch.append(path)
    return batch


def print_mixed_batch(corpus: Path, folder: Path, jobs: int, runs: int) -> None:
    batch = mixed_batch(corpus, folder)
    rate, cpu, peak, wall = batch_rate(batch, jobs, runs)
    print(f"mixed batch of {len(batch)} corpus resumes in their own formats, --jobs {jobs}: "
          f"{wall:.2f} s; marginal {rate:.0f} resumes/s (target >= 100), "
          f"{cpu * 1000:.1f} ms CPU each, peak memory {peak:.0f} MiB PSS")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--readers", action="store_true", help="only the readers' lines")
    args = parser.parse_args()
    runs: int = args.runs
    cores = len(os.sched_getaffinity(0))
    print(f"machine: {cores} cores, Python {sys.version.split()[0]}; medians of {runs} runs")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print(
            "note: PYTHONDONTWRITEBYTECODE is set, so an editable install compiles skillgap's "
            "modules on every run (about 0.09x the floor in a cold start); an installed one "
            "does not. PYTHONPYCACHEPREFIX=/tmp/pyc instead keeps bytecode out of the tree."
        )
    if args.readers:
        with tempfile.TemporaryDirectory() as tmp:
            print_reader_times(args.corpus, Path(tmp), runs)
            print_mixed_batch(args.corpus, Path(tmp), cores, runs)
        return 0
    print()

    spacy_floor = median_wall([sys.executable, "-c", "import spacy; spacy.blank('en')"], runs)
    help_time = median_wall([*SKILLGAP, "--help"], runs)
    cold = median_wall([*SKILLGAP, "analyze", str(EXAMPLES / "mle-resume.pdf")], runs)
    print(f"floor: python -c \"import spacy; spacy.blank('en')\"   {spacy_floor:6.3f} s")
    print(f"skillgap --help                                   {help_time:6.3f} s  "
          f"= {help_time / spacy_floor:.2f}x floor (target < 0.30x)")  # fmt: skip
    print(f"cold skillgap analyze, one-page PDF               {cold:6.3f} s  "
          f"= {cold / spacy_floor:.2f}x floor (target <= 1.25x)")  # fmt: skip

    with tempfile.TemporaryDirectory() as tmp:
        texts, pdfs = make_batches(args.corpus, Path(tmp))
        rate, _cpu_text, peak_text, wall_text = batch_rate(texts, cores, runs)
        print(f"\nbatch of {len(texts)} text resumes, --jobs {cores}: {wall_text:.2f} s; "
              f"marginal {rate:.0f} resumes/s (target >= 100), peak memory "
              f"{peak_text:.0f} MiB PSS (target < 400)")  # fmt: skip
        pdf_rate, cpu_pdf, peak_pdf, wall_pdf = batch_rate(pdfs, cores, runs)
        floor_pdf = extraction_cpu(pdfs, runs)
        print(
            f"batch of {len(pdfs)} PDFs, --jobs {cores}: {wall_pdf:.2f} s; marginal "
            f"{pdf_rate:.0f} PDFs/s, peak memory {peak_pdf:.0f} MiB PSS (target < 400)"
        )
        print(
            f"  marginal CPU per PDF: skillgap {cpu_pdf * 1000:.1f} ms, text extraction alone "
            f"{floor_pdf * 1000:.1f} ms = {cpu_pdf / floor_pdf:.2f}x (target <= 2x)"
        )

        new, seen, alone, count = new_and_seen(args.corpus)
        print(
            f"  in one process, per PDF of the corpus's {count}: {new:.1f} ms the first time "
            f"({new / alone:.2f}x extraction alone, {alone:.1f} ms), {seen:.1f} ms seen "
            f"before ({seen / alone:.2f}x)"
        )

        count = 5000
        long_wall, long_peak = long_batch(Path(tmp), count, cores)
        print(f"long batch of {count:,} resumes, each with 60 new words, --jobs {cores}: "
              f"{long_wall:.1f} s, peak memory {long_peak:.0f} MiB PSS")  # fmt: skip

        corpus_texts = [p.read_text() for p in texts[: len(texts) // 10]]
        print("\ntime per resume by length (in one process):")
        rows = length_scaling(corpus_texts)
        for characters, ms_per_k in rows:
            print(f"  {characters:>8,} characters: {ms_per_k:6.2f} ms per 1,000 characters")
        spread = max(r[1] for r in rows) / min(r[1] for r in rows)
        print(f"  largest / smallest cost per character: {spread:.2f} (linear: near 1)")

        from skillgap.taxonomy import load_taxonomy

        base = per_resume_ms(corpus_texts)
        big = ten_times_taxonomy(Path(tmp))
        ten = per_resume_ms(corpus_texts, big)
        print(f"\ntaxonomy of {len(load_taxonomy().skills)} skills: {base:.1f} ms per resume; "
              f"{len(big.skills)} skills (10x): {ten:.1f} ms = {ten / base:.2f}x "  # type: ignore[attr-defined]
              "(target <= 1.5x)")  # fmt: skip

        print_reader_times(args.corpus, Path(tmp), runs)
        print_mixed_batch(args.corpus, Path(tmp), cores, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())

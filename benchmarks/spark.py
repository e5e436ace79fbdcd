"""skillgap on Spark in local mode beside `skillgap analyze --jobs N`, on the same inputs (a
script, not a test; needs `pip install ".[spark]"` and Java).

    python benchmarks/spark.py [--corpus ../shared/corpus] [--copies 4] [--runs 2] [--memory 10000]

Prints the SparkSession's start-up; for the CLI and for Spark (`analyze_files` written to
Spark's no-op sink, so every column is computed), wall seconds, records per second and CPU
per resume of the whole process tree (for Spark: the driver, the JVM and the Python workers);
Spark's first job apart, as its workers then start, import spaCy and build the matcher. The
CLI and Spark runs alternate, so that both see the same load on a shared machine. With
``--memory N``: the resident memory of one process that analyses N resumes, each with 60 new
words, as a Spark worker does, with the matcher built afresh every 1,000 inputs and without.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from speed import DEFAULT_CORPUS, EXAMPLES, SKILLGAP, _tree, mixed_batch, run_measured

CORES = 2


def tree_cpu(pid: int) -> float:
    """CPU seconds so far of a process and its descendants that are still running."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for member in _tree(pid):
        try:
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def start_spark() -> tuple[Any, float]:
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    start = time.perf_counter()
    spark = (
        SparkSession.builder.master(f"local[{CORES}]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(CORES))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark, time.perf_counter() - start


def spark_run(spark: Any, folder: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one analysis of a folder."""
    from skillgap.spark import analyze_files

    cpu = tree_cpu(os.getpid())
    start = time.perf_counter()
    analyze_files(spark, [str(folder)]).write.format("noop").mode("overwrite").save()
    return time.perf_counter() - start, tree_cpu(os.getpid()) - cpu


def cli_run(folder: Path) -> tuple[float, float]:
    wall, cpu, _ = run_measured(
        [*SKILLGAP, "analyze", "-f", "jsonl", "-j", str(CORES), str(folder)]
    )
    return wall, cpu


MEMORY_SCRIPT = """
import random, resource, string, sys
from skillgap import analysis
from skillgap.analysis import analyze_text
count, every = int(sys.argv[1]), int(sys.argv[2])
analysis.INPUTS_PER_MATCHER = every
base = open(sys.argv[3]).read()
rng = random.Random(0)
sizes = []
for index in range(1, count + 1):
    words = " ".join("".join(rng.choices(string.ascii_lowercase, k=8)) for _ in range(60))
    analyze_text(base + "\\n" + words)
    if index % (count // 5) == 0:
        rss = int(open("/proc/self/statm").read().split()[1]) * resource.getpagesize()
        sizes.append(f"{index:,}: {rss / 2**20:.0f}")
print(", ".join(sizes))
"""


def memory(count: int, every: int) -> str:
    """Resident MiB of one process after each fifth of ``count`` resumes with new words."""
    script = [sys.executable, "-c", MEMORY_SCRIPT, str(count), str(every)]
    result = subprocess.run(
        [*script, str(EXAMPLES / "mle-resume.txt")], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--copies", type=int, default=4, help="copies of the corpus (0: none)")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--memory", type=int, default=0, help="resumes of the memory run")
    options = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if options.copies:
        throughput(options.corpus, options.copies, options.runs)
    if options.memory:
        for every, label in ((1000, "matcher afresh every 1,000"), (10**9, "never afresh")):
            print(f"resident MiB over {options.memory:,} resumes with new words, {label}: "
                  f"{memory(options.memory, every)}")  # fmt: skip
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    return 0


def throughput(corpus: Path, copies: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        batch = mixed_batch(corpus, folder, copies)
        inputs = folder / "mixed"
        count = len(batch)
        spark, startup = start_spark()
        print(f"SparkSession start-up (local[{CORES}]): {startup:.1f} s")
        wall, cpu = spark_run(spark, inputs)
        print(f"Spark, first job ({count} resumes; workers start and build the matcher): "
              f"{wall:.1f} s, {count / wall:.1f} records/s, "
              f"{cpu / count * 1000:.0f} ms CPU each")  # fmt: skip
        results: dict[str, list[tuple[float, float]]] = {"cli": [], "spark": []}
        for _ in range(runs):
            results["cli"].append(cli_run(inputs))
            results["spark"].append(spark_run(spark, inputs))
        rates = {}
        for name, label in (("cli", f"skillgap analyze --jobs {CORES}"), ("spark", "Spark")):
            wall = statistics.median(w for w, _ in results[name])
            cpu = statistics.median(c for _, c in results[name])
            rates[name] = count / wall
            print(f"{label} ({count} resumes, median of {runs}): {wall:.1f} s, "
                  f"{rates[name]:.1f} records/s, {cpu / count * 1000:.0f} ms CPU each")  # fmt: skip
        print(f"CLI / Spark throughput: {rates['cli'] / rates['spark']:.2f}x (target <= 1.3)")
        spark.stop()


if __name__ == "__main__":
    sys.exit(main())

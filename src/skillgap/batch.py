"""Many inputs: one outcome each, in input order, in parallel worker processes when asked.

A worker analyses, judges the thresholds and renders its record itself, so that the parent
only writes text in order: rendering in the parent would make it the bottleneck.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from skillgap.checks import Thresholds
from skillgap.inputs import STDIN
from skillgap.limits import Limits
from skillgap.records import Failure, Record
from skillgap.render.base import Renderer
from skillgap.render.json_format import JsonRenderer, record_json
from skillgap.taxonomy import Role, Taxonomy


@dataclass(frozen=True)
class Job:
    """Everything needed to turn a path into output, besides the path."""

    taxonomy: Taxonomy
    roles: Sequence[str] | None = None
    password: str | None = None
    limits: Limits = field(default_factory=Limits)
    thresholds: Thresholds = field(default_factory=Thresholds)
    renderer: Renderer[Record] = field(
        default_factory=lambda: JsonRenderer(record_json, as_list=False)
    )
    """Renders each record where it is analysed (its ``text``): JSON unless told."""
    stdin: bytes | None = None
    job_role: Role | None = None


@dataclass(frozen=True)
class Outcome:
    """What one input gave: its record rendered (the renderer's ``text``, for its ``place``
    in the parent), and what the caller must report."""

    path: str
    rendered: str
    failure: Failure | None = None
    failed_checks: tuple[str, ...] = ()


def analyse_path(path: str, job: Job) -> Record:
    """One input to one record: a report, or a failure that names the input and the reason
    (the record of :func:`skillgap.analysis.analyze_record`, which engines call directly)."""
    from skillgap.analysis import analyze_record
    from skillgap.report import ErrorRecord

    record = analyze_record(
        (job.stdin or b"") if path == STDIN else Path(path),
        name="<stdin>" if path == STDIN else path,
        roles=job.roles,
        password=job.password,
        taxonomy=job.taxonomy,
        limits=job.limits,
        job=job.job_role,
        thresholds=job.thresholds,
    )
    if isinstance(record, ErrorRecord):
        return Failure(path=record.input.path, code=record.error.code, message=record.error.message)
    return record


def process(path: str, job: Job) -> Outcome:
    record = analyse_path(path, job)
    rendered = job.renderer.text(record)
    if isinstance(record, Failure):
        return Outcome(path=path, rendered=rendered, failure=record)
    failed = tuple(check.message for check in record.checks if not check.passed)
    return Outcome(path=path, rendered=rendered, failed_checks=failed)


def default_jobs(inputs: int) -> int:
    """The number of cores for a batch, one process for a single input."""
    return 1 if inputs < 2 else max(1, min(inputs, len(os.sched_getaffinity(0))))


#: Inputs each worker process analyses, on average, before fresh ones replace them.
INPUTS_PER_WORKER = 1000

T = TypeVar("T")

#: What a worker process runs for each path, with the job: set before forking, or passed to
#: spawned workers.
_worker_task: tuple[Callable[[str, Job], Any], Job] | None = None


def _init_worker(task: tuple[Callable[[str, Job], Any], Job] | None) -> None:
    global _worker_task
    # Ctrl-C reaches the workers too. The parent ends the batch: it cancels what is not
    # started and lets each worker finish its input, so that no worker dies mid-message (the
    # parent would wait for its end forever) or prints a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if task is not None:  # spawned workers get the task; forked ones inherit it, matcher built
        _worker_task = task


def _prepare_to_fork(job: Job) -> None:
    """Build the matcher, with every special case of its tokenizer (which it would add itself
    from its second text), before forking: the workers share both instead of each making them."""
    from skillgap.matching import matcher_for

    matcher_for(job.taxonomy).tokenizer.add_all_special_cases()


def _run(path: str) -> Any:
    assert _worker_task is not None
    work, job = _worker_task
    return work(path, job)


def in_order(
    work: Callable[[str, Job], T], paths: Sequence[str], job: Job, *, jobs: int
) -> Iterator[T]:
    """``work(path, job)`` for every path, in input order, each yielded as soon as it and
    those before it are done; in ``jobs`` worker processes when there are several paths.
    ``work`` must be a module-level function, so that spawned workers can import it."""
    global _worker_task
    if jobs <= 1 or len(paths) < 2 or STDIN in paths:
        for path in paths:
            yield work(path, job)
        return
    _prepare_to_fork(job)
    _worker_task = (work, job)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    initial = None if context.get_start_method() == "fork" else _worker_task
    # Fresh workers for every so many inputs: spaCy's vocabulary keeps every new word a worker
    # meets (about 0.5 KB each), and ten thousand resumes bring hundreds of thousands.
    step = jobs * INPUTS_PER_WORKER
    for first in range(0, len(paths), step):
        part = paths[first : first + step]
        with ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(initial,)
        ) as pool:
            yield from pool.map(_run, part, chunksize=chunk_size(len(part), jobs))


#: Most inputs sent to a worker at once.
MAX_CHUNK = 8


def chunk_size(inputs: int, jobs: int) -> int:
    """Inputs per message to a worker: several in long batches, where a message per input makes
    the parent the bottleneck; one in short ones, so that each input still goes to the next
    free worker; at most MAX_CHUNK, so that results still come a few at a time and no worker
    idles long at the end."""
    return max(1, min(MAX_CHUNK, inputs // (4 * jobs)))


def process_all(paths: Sequence[str], job: Job, *, jobs: int) -> Iterator[Outcome]:
    """Outcomes in input order, each yielded as soon as it and those before it are done."""
    return in_order(process, paths, job, jobs=jobs)

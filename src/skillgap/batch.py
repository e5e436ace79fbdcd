"""Many inputs: one outcome each, in input order, in parallel worker processes when asked.

A worker analyses, judges the thresholds and renders its record itself, so that the parent
only writes text in order: rendering in the parent would make it the bottleneck.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from skillgap.checks import Thresholds, evaluate
from skillgap.errors import InputError, UsageError
from skillgap.limits import Limits
from skillgap.records import Failure, Record
from skillgap.render import OutputFormat, RenderOptions, renderer_for
from skillgap.taxonomy import Role, Taxonomy

STDIN = "-"


@dataclass(frozen=True)
class Job:
    """Everything needed to turn a path into output, besides the path."""

    taxonomy: Taxonomy
    roles: Sequence[str] | None = None
    password: str | None = None
    limits: Limits = field(default_factory=Limits)
    thresholds: Thresholds = field(default_factory=Thresholds)
    output_format: OutputFormat = OutputFormat.json
    options: RenderOptions = field(default_factory=RenderOptions)
    stdin: bytes | None = None
    job_role: Role | None = None


@dataclass(frozen=True)
class Outcome:
    """What one input gave: its rendered record, and what the caller must report."""

    path: str
    rendered: str
    failure: Failure | None = None
    failed_checks: tuple[str, ...] = ()


def analyse_path(path: str, job: Job) -> Record:
    """One input to one record: a report, or a failure that names the input and the reason."""
    from skillgap.analysis import analyze

    try:
        source: str | bytes = (job.stdin or b"") if path == STDIN else path
        report = analyze(
            source,
            name="<stdin>",
            roles=job.roles,
            password=job.password,
            taxonomy=job.taxonomy,
            limits=job.limits,
            job=job.job_role,
        )
    except UsageError:
        raise
    except InputError as error:
        return Failure(path=path, code=error.code, message=str(error))
    except Exception as error:  # a bug or a library failure: report it, keep the batch going
        return Failure(
            path=path, code="internal", message=f"{path}: internal error ({type(error).__name__})"
        )
    if job.thresholds:
        report = report.model_copy(update={"checks": evaluate(report, job.thresholds)})
    return report


def process(path: str, job: Job) -> Outcome:
    record = analyse_path(path, job)
    rendered = renderer_for(job.output_format)([record], job.options)
    if isinstance(record, Failure):
        return Outcome(path=path, rendered=rendered, failure=record)
    failed = tuple(check.message for check in record.checks if not check.passed)
    return Outcome(path=path, rendered=rendered, failed_checks=failed)


def default_jobs(inputs: int) -> int:
    """The number of cores for a batch, one process for a single input."""
    return 1 if inputs < 2 else max(1, min(inputs, len(os.sched_getaffinity(0))))


#: Inputs each worker process analyses, on average, before fresh ones replace them.
INPUTS_PER_WORKER = 1000

_worker_job: Job | None = None


def _init_worker(job: Job | None) -> None:
    global _worker_job
    if job is not None:  # spawned workers get the job; forked ones inherit it, matcher built
        _worker_job = job
        _prepare(job)


def _prepare(job: Job) -> None:
    """Build the matcher for many inputs: with every special case of its tokenizer, which
    costs 45 ms once instead of a scan of every new word of every resume for them."""
    from skillgap.analysis import matcher_for

    matcher_for(job.taxonomy).tokenizer.add_all_special_cases()


def _work(path: str) -> Outcome:
    assert _worker_job is not None
    return process(path, _worker_job)


def process_all(paths: Sequence[str], job: Job, *, jobs: int) -> Iterator[Outcome]:
    """Outcomes in input order, each yielded as soon as it and those before it are done."""
    global _worker_job
    if len(paths) > 1:
        _prepare(job)  # here, before forking: the workers share it
    if jobs <= 1 or len(paths) < 2 or STDIN in paths:
        for path in paths:
            yield process(path, job)
        return
    _worker_job = job
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    initial = None if context.get_start_method() == "fork" else job
    # Fresh workers for every so many inputs: spaCy's vocabulary keeps every new word a worker
    # meets (about 0.5 KB each), and ten thousand resumes bring hundreds of thousands.
    step = jobs * INPUTS_PER_WORKER
    for first in range(0, len(paths), step):
        with ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(initial,)
        ) as pool:
            yield from pool.map(_work, paths[first : first + step], chunksize=1)

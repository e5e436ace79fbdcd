"""Many inputs: one outcome each, in input order, in worker processes (:mod:`skillgap.pool`),
even for a single input, so that the limits hold for C code too.

A worker analyses, judges the thresholds and renders its record itself, so that the parent
only writes text in order: rendering in the parent would make it the bottleneck.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from skillgap.checks import Thresholds
from skillgap.errors import InputError
from skillgap.inputs import STDIN
from skillgap.limits import Limits, over_memory, time_limit
from skillgap.pool import Lost, PoolLimits, can_fork, run_in_workers
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
    return _outcome(path, analyse_path(path, job), job)


def lost_outcome(failure: Failure, job: Job) -> Outcome:
    """The outcome of an input whose worker died or ran out of time."""
    return _outcome(failure.path, failure, job)


def _outcome(path: str, record: Record, job: Job) -> Outcome:
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


def _prepare_to_fork(job: Job, *, inputs: int) -> None:
    """Build the matcher before forking, so that the workers share it instead of each making
    it; for a batch also every special case of its tokenizer (which it would add itself from
    its second text)."""
    from skillgap.matching import matcher_for

    # Importing spaCy and building the matcher make some 100,000 objects that live as long as
    # the process: the collections this sets off would walk them again and again, for nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        matcher = matcher_for(job.taxonomy)
        if inputs > 1:
            matcher.tokenizer.add_all_special_cases()
    finally:
        if collecting:
            gc.enable()


def in_order(
    work: Callable[[str, Job], T],
    paths: Sequence[str],
    job: Job,
    *,
    jobs: int,
    lost: Callable[[Failure, Job], T],
) -> Iterator[T]:
    """``work(path, job)`` for every path, in input order, each yielded as soon as it and
    those before it are done, in ``jobs`` worker processes (see :mod:`skillgap.pool`); an
    input whose worker died or ran out of time gives ``lost(failure, job)``.

    Where processes cannot be forked, inputs are analysed in this process, within the limits
    a signal can enforce.
    """
    if not can_fork():
        for path in paths:
            yield work(path, job)
        return
    _prepare_to_fork(job, inputs=len(paths))
    limits = PoolLimits(
        workers=max(1, min(jobs, len(paths))),
        timeout=job.limits.timeout,
        max_memory=job.limits.memory_bytes,
        chunk=chunk_size(len(paths), jobs),
        # Fresh workers every so many inputs: spaCy's vocabulary keeps every new word a worker
        # meets (about 0.5 KB each), and ten thousand resumes bring hundreds of thousands.
        inputs_per_worker=INPUTS_PER_WORKER,
    )
    for result in run_in_workers(lambda path: work(path, job), paths, limits):
        if isinstance(result, Lost):
            yield lost(Failure(path=result.item, code=result.code, message=result.message), job)
        else:
            yield result


def in_a_worker(read: Callable[[str], T], path: str, limits: Limits) -> T:
    """``read(path)`` in a worker process, under ``limits`` as every input ``analyze`` reads
    (``extract`` and ``--job`` use it); raises :class:`InputError` as ``read`` would, or when
    the worker died or ran out of time."""

    def guarded(item: str) -> T | Failure:
        try:
            with time_limit(limits.timeout, item):
                return read(item)
        except InputError as error:  # sent back as a record: an exception's code would be lost
            return Failure(path=item, code=error.code, message=str(error))
        except MemoryError:
            return Failure(path=item, code="too-large", message=over_memory(item, limits))

    if can_fork():
        pool = PoolLimits(workers=1, timeout=limits.timeout, max_memory=limits.memory_bytes)
        [result] = run_in_workers(guarded, [path], pool)
    else:
        result = guarded(path)
    if isinstance(result, (Failure, Lost)):
        raise InputError(result.message, code=result.code)
    return result


def read_job_in_a_worker(
    path: str, data: bytes | None = None, *, taxonomy: Taxonomy, limits: Limits
) -> Role:
    """``read_job`` of ``path`` (or of ``data``, the posting read from standard input) in a
    worker process under ``limits``, as every resume is read; raises InputError that names the
    posting when it cannot be read, ran out of time or memory, or its worker died."""
    from skillgap.analysis import read_posting_role
    from skillgap.matching import matcher_for

    def read(item: str) -> Role:
        return read_posting_role(item if data is None else data, item, taxonomy, limits)

    matcher_for(taxonomy)  # built once, here, for this worker and those of the resumes
    try:
        return in_a_worker(read, path if data is None else "<stdin posting>", limits)
    except InputError as error:
        raise InputError(f"the posting {error}", code=error.code) from None


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
    return in_order(process, paths, job, jobs=jobs, lost=lost_outcome)

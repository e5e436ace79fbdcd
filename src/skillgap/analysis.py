"""The analysis pipeline: document -> skills with evidence -> role scores and tips.

Reading is :mod:`skillgap.readers`, matching :mod:`skillgap.matching`, scoring
:mod:`skillgap.scoring` and text quality :mod:`skillgap.quality`; this module joins them.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from skillgap._version import __version__
from skillgap.advice import advise, builtin_tips, person_of
from skillgap.checks import Thresholds, evaluate
from skillgap.errors import InputError, UsageError
from skillgap.ids import RESEARCH_VENUES
from skillgap.limits import DEFAULT_LIMITS, Limits, over_memory, time_limit
from skillgap.matching import find_skills, forget_matchers, matcher_for
from skillgap.profile import build_profile, held_degrees
from skillgap.quality import assess_quality
from skillgap.readers import Document, read_bytes, read_document
from skillgap.report import ErrorDetail, ErrorInput, ErrorRecord, InputInfo, Report
from skillgap.research import research_facts
from skillgap.scoring import best_role, found_skills, score_role
from skillgap.taxonomy import Role, Taxonomy, load_taxonomy

__all__ = [
    "analyze",
    "analyze_document",
    "analyze_record",
    "analyze_text",
    "assess_quality",
    "matcher_for",
    "read_job",
]

#: The skill whose hits name publication venues (NeurIPS, ICML...).
VENUE_SKILL = RESEARCH_VENUES

#: Inputs one process analyses with a matcher before building it afresh: spaCy's vocabulary
#: keeps every new word it meets (about 0.5 KB each), so a long-lived process (an API server,
#: a Spark worker, one CLI process) would otherwise grow without bound.
INPUTS_PER_MATCHER = 1000
_analysed = 0


def analyze(
    source: str | Path | bytes,
    *,
    roles: Sequence[str] | None = None,
    name: str = "<bytes>",
    password: str | None = None,
    taxonomy: Taxonomy | None = None,
    limits: Limits = DEFAULT_LIMITS,
    job: Role | None = None,
) -> Report:
    """Analyse one resume: a path, or the bytes of a file (``name`` labels them).

    A ``str`` is a path only when it names an existing file; resume text goes to
    :func:`analyze_text`. ``roles`` selects role ids (default: the taxonomy's default roles,
    or none when ``job`` is given); ``job`` is a role read from a posting (:func:`read_job`);
    ``limits`` bounds the size, pages, characters and time one input may take (the time only
    in a process's main thread, see :func:`skillgap.limits.time_limit`). Raises
    :class:`skillgap.errors.InputError` when the input cannot be read, and
    :class:`skillgap.errors.UsageError` for a string that names no file.
    """
    if isinstance(source, str) and not os.path.lexists(source):
        # Never repeat the string: it may well be a resume's text.
        raise UsageError(
            "analyze() takes a path (a pathlib.Path, or a str naming an existing file) or "
            "bytes; the str given names no file (for resume text use analyze_text())"
        )
    if isinstance(source, bytes):
        return _analyze(source, name, roles, password, taxonomy, limits, job)
    return _analyze(Path(source), str(source), roles, password, taxonomy, limits, job)


def analyze_record(
    source: bytes | Path,
    *,
    name: str | None = None,
    roles: Sequence[str] | None = None,
    taxonomy: Taxonomy | None = None,
    limits: Limits | None = None,
    password: str | None = None,
    job: Role | None = None,
    thresholds: Thresholds | None = None,
    folder: Path | None = None,
) -> Report | ErrorRecord:
    """The record ``skillgap analyze --format jsonl`` gives for one input, for engines that
    must never stop on a bad input: a :class:`Report`, or an :class:`ErrorRecord` with the
    error's code and a one-line message that names the input, never its content.

    ``name`` labels the input (default: the path as given, or ``"<bytes>"``); its extension
    says the format where the content does not. ``thresholds`` adds the checks of
    ``--fail-under`` and ``--require``. ``folder`` is where the bytes of a LaTeX source lie,
    to read the files it includes (a path's own folder is used). A wrong request (an unknown
    role) still raises :class:`skillgap.errors.UsageError`: it would fail every input alike.
    """
    label = name if name is not None else str(source) if isinstance(source, Path) else "<bytes>"
    limits = limits or DEFAULT_LIMITS
    try:
        report = _analyze(source, label, roles, password, taxonomy, limits, job, folder)
    except UsageError:
        raise
    except InputError as error:
        return _error_record(label, error.code, str(error))
    except MemoryError:  # the worker's memory cap (see skillgap.pool) stopped it
        return _error_record(label, "too-large", over_memory(label, limits))
    except Exception as error:  # a bug or a library failure: report it, keep the batch going
        return _error_record(label, "internal", f"{label}: internal error ({type(error).__name__})")
    if thresholds:
        report = report.model_copy(update={"checks": evaluate(report, thresholds)})
    return report


def analyze_text(
    text: str,
    *,
    name: str = "<text>",
    roles: Sequence[str] | None = None,
    taxonomy: Taxonomy | None = None,
    limits: Limits | None = None,
    job: Role | None = None,
    thresholds: Thresholds | None = None,
) -> Report | ErrorRecord:
    """:func:`analyze_record` of a resume held as a string: the record ``skillgap analyze -``
    gives for the same text on standard input (the format is taken from the content: LaTeX,
    Markdown, JSON... or plain text)."""
    return analyze_record(
        text.encode("utf-8", errors="replace"),
        name=name,
        roles=roles,
        taxonomy=taxonomy,
        limits=limits,
        job=job,
        thresholds=thresholds,
    )


def _analyze(
    source: bytes | Path,
    label: str,
    roles: Sequence[str] | None,
    password: str | None,
    taxonomy: Taxonomy | None,
    limits: Limits,
    job: Role | None,
    folder: Path | None = None,
) -> Report:
    _count_input()
    with time_limit(limits.timeout, label):
        if isinstance(source, bytes):
            document = read_bytes(source, label, password=password, limits=limits, folder=folder)
        else:
            document = read_document(source, password=password, limits=limits, name=label)
        return analyze_document(document, roles=roles, taxonomy=taxonomy, job=job)


def _count_input() -> None:
    """Count an input, and forget the matchers before the first input past the bound, so that
    a process that analyses only about that many (a CLI worker) never builds one again."""
    global _analysed
    _analysed += 1
    if _analysed > INPUTS_PER_MATCHER:
        forget_matchers()
        _analysed = 1


def _error_record(path: str, code: str, message: str) -> ErrorRecord:
    return ErrorRecord(input=ErrorInput(path=path), error=ErrorDetail(code=code, message=message))


def analyze_document(
    document: Document,
    *,
    roles: Sequence[str] | None = None,
    taxonomy: Taxonomy | None = None,
    job: Role | None = None,
) -> Report:
    """Analyse text that has already been read."""
    taxonomy = taxonomy or load_taxonomy()
    selected = taxonomy.scored_roles(roles, job)
    if not document.text.strip():
        raise InputError(f"{document.path}: no text found", code="no-text")
    found = find_skills(document.text, taxonomy)
    hits = held_degrees(found.hits, document.text)
    profile = build_profile(
        hits,
        found.lines,
        found.line_sections,
        [h for h in hits if h.skill_id == VENUE_SKILL and h.method != "implied"],
    )
    # A PhD, a publication list, co-authored papers and talks meet research requirements
    # that a researcher's resume seldom names (see skillgap.research).
    research = research_facts(profile, hits, found.lines, found.line_sections)
    skills = found_skills(hits, taxonomy)
    by_id = {skill.id: skill for skill in skills}
    scores = [
        score_role(role, by_id, taxonomy, research, text=document.text, degrees=profile.degrees)
        for role in selected
    ]
    # Tips fitted to the person: their level, how they show each skill, near misses.
    person = person_of(profile, research, found.lines, found.line_sections)
    tips = builtin_tips()
    return Report(
        version=__version__,
        input=InputInfo(
            path=document.path,
            format=document.format,
            pages=document.pages,
            characters=len(document.text),
            quality=assess_quality(document.text, document.warnings),
        ),
        skills=skills,
        profile=profile,
        roles=(scored := [advise(s, person, taxonomy, tips) for s in scores]),
        best_role=best_role(scored),
        text=document.text,
    )


def read_job(
    source: str | Path | bytes,
    *,
    name: str = "<posting>",
    taxonomy: Taxonomy | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Role:
    """A job posting (any format analyze reads) as a role with id ``job``."""
    try:
        return read_posting_role(source, name, taxonomy or load_taxonomy(), limits)
    except InputError as error:  # say which input: the resumes' errors read the same
        raise InputError(f"the posting {error}", code=error.code) from None


def read_posting_role(
    source: str | Path | bytes, name: str, taxonomy: Taxonomy, limits: Limits
) -> Role:
    from skillgap.posting import read_posting  # only with --job: spare analyze its import

    if isinstance(source, bytes):
        document = read_bytes(source, name, limits=limits)
    else:
        document = read_document(source, limits=limits)
    return read_posting(document, taxonomy)

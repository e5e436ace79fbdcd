"""The analysis pipeline: document -> skills with evidence -> role scores and tips.

Reading is :mod:`skillgap.readers`, matching :mod:`skillgap.matching`, scoring
:mod:`skillgap.scoring` and text quality :mod:`skillgap.quality`; this module joins them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from skillgap._version import __version__
from skillgap.advice import advise, builtin_tips, person_of
from skillgap.errors import InputError
from skillgap.ids import RESEARCH_VENUES
from skillgap.limits import DEFAULT_LIMITS, Limits, time_limit
from skillgap.matching import find_skills, matcher_for
from skillgap.profile import build_profile
from skillgap.quality import assess_quality
from skillgap.readers import Document, read_bytes, read_document
from skillgap.report import InputInfo, Report
from skillgap.research import research_facts
from skillgap.scoring import best_role, found_skills, score_role
from skillgap.taxonomy import Role, Taxonomy, load_taxonomy

__all__ = ["analyze", "analyze_document", "assess_quality", "matcher_for", "read_job"]

#: The skill whose hits name publication venues (NeurIPS, ICML...).
VENUE_SKILL = RESEARCH_VENUES


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

    ``roles`` selects role ids (default: the taxonomy's default roles, or none when ``job``
    is given); ``job`` is a role read from a posting (:func:`read_job`); ``limits`` bounds
    the size, pages, characters and time one input may take. Raises
    :class:`skillgap.errors.InputError` when the input cannot be read.
    """
    label = name if isinstance(source, bytes) else str(source)
    with time_limit(limits.timeout, label):
        if isinstance(source, bytes):
            document = read_bytes(source, name, password=password, limits=limits)
        else:
            document = read_document(source, password=password, limits=limits)
        return analyze_document(document, roles=roles, taxonomy=taxonomy, job=job)


def analyze_document(
    document: Document,
    *,
    roles: Sequence[str] | None = None,
    taxonomy: Taxonomy | None = None,
    job: Role | None = None,
) -> Report:
    """Analyse text that has already been read."""
    taxonomy = taxonomy or load_taxonomy()
    default = [] if job is not None else taxonomy.default_roles()
    selected = [taxonomy.role(role_id) for role_id in (roles or default)]
    if job is not None:
        selected.append(job)
    if not document.text.strip():
        raise InputError(f"{document.path}: no text found", code="no-text")
    found = find_skills(document.text, taxonomy)
    profile = build_profile(
        found.hits,
        found.lines,
        found.line_sections,
        [h for h in found.hits if h.skill_id == VENUE_SKILL and h.method != "implied"],
    )
    # A PhD, a publication list, co-authored papers and talks meet research requirements
    # that a researcher's resume seldom names (see skillgap.research).
    research = research_facts(profile, found.hits, found.lines, found.line_sections)
    skills = found_skills(found.hits, taxonomy)
    by_id = {skill.id: skill for skill in skills}
    scores = [score_role(role, by_id, taxonomy, research, text=document.text) for role in selected]
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
    from skillgap.posting import read_posting  # only with --job: spare analyze its import

    taxonomy = taxonomy or load_taxonomy()
    if isinstance(source, bytes):
        document = read_bytes(source, name, limits=limits)
    else:
        document = read_document(source, limits=limits)
    return read_posting(document, taxonomy)

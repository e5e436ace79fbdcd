"""Degrees' fields of study against the fields a requirement accepts: a degree requirement
with ``fields`` ("a PhD in computer science, mathematics or a related field") gives half credit
to degrees only in other fields, and a posting's open list of subjects ("Computer Science,
Statistics, or a related quantitative field") is met by a degree in a kindred field."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from skillgap.ids import DEGREE_LEVELS
from skillgap.profile import INSTITUTION
from skillgap.report import Degree
from skillgap.taxonomy import Requirement


def field_note(requirement: Requirement, degrees: Sequence[Degree]) -> str | None:
    """Why a degree requirement with ``fields`` earns half credit: each of the person's degrees
    of a level it accepts names a field, and none of them one of its fields. A degree that
    names no field gets the benefit of the doubt, and so does one whose field runs into the
    name of a university (the profile could not tell them apart)."""
    if not requirement.fields:
        return None
    levels = {DEGREE_LEVELS[s] for s in requirement.any_of if s in DEGREE_LEVELS}
    accepted = [d for d in degrees if d.level in levels]
    if not accepted or any(
        not d.field
        or INSTITUTION.search(d.field)
        or any(_field_pattern(w).search(d.field) for w in requirement.fields)
        for d in accepted
    ):
        return None
    named = list(dict.fromkeys(d.field for d in accepted if d.field))
    verb = "degree is" if len(named) == 1 else "degrees are"
    listed = " and ".join([", ".join(named[:-1]), named[-1]] if len(named) > 1 else named)
    name = requirement.name
    first = name.split()[0]
    asked = name[0].lower() + name[1:] if first[1:].islower() or len(first) == 1 else name
    return f"your {verb} in {listed}; the role asks for {asked}"


def field_of_study(requirement: Requirement, degrees: Sequence[Degree]) -> str | None:
    """A requirement of subjects with ``fields`` (a posting's "a degree in Computer Science,
    Statistics, or a related quantitative field") is met by a degree in one of those fields:
    a physicist meets it, though the resume never says "statistics". Which degree, as
    ``shown_by``."""
    if not _of_subjects(requirement):
        return None
    for degree in degrees:
        if degree.field and any(_field_pattern(w).search(degree.field) for w in requirement.fields):
            return f"your degree in {degree.field} (line {degree.line}), a field it accepts"
    return None


def field_not_studied(requirement: Requirement, degrees: Sequence[Degree]) -> str | None:
    """Why a requirement of subjects is not met although its skills may be found: the person
    states the fields of their degrees, and none is one it accepts. A physicist's ML work
    does not give the "MS in Computer Science, Machine Learning or Electrical Engineering"
    a posting asks for. None when it is met, or when no degree states its field (then the
    skills found decide, as for any requirement)."""
    if not _of_subjects(requirement):
        return None
    stated = [d for d in degrees if d.field and _stated_field(d)]
    if not stated or field_of_study(requirement, degrees):
        return None
    named = " and ".join(dict.fromkeys(d.field for d in stated if d.field))
    return f"your degree is in {named}, not a field it names"


def _stated_field(degree: Degree) -> bool:
    """Whether a degree's field is surely a field: said with "in" or "of" ("M.Sc. in
    Physics"), not a school after a comma ("M.Sc., ETH Zurich"), which the profile cannot tell
    from a field."""
    assert degree.field is not None
    if INSTITUTION.search(degree.field):
        return False
    return re.search(rf"\b(?:in|of)\s+{re.escape(degree.field)}", degree.text) is not None


def _of_subjects(requirement: Requirement) -> bool:
    """A requirement of the fields a degree may be in (``fields``, no degree among its
    skills: the degree itself is a requirement of its own)."""
    return bool(requirement.fields) and not any(s in DEGREE_LEVELS for s in requirement.any_of)


@cache
def _field_pattern(words: str) -> re.Pattern[str]:
    """A field of a requirement ("machine learning", "comput*") as a pattern of whole words."""
    body = r"\s+".join(re.escape(word) for word in words.rstrip("*").split())
    end = r"\w*" if words.endswith("*") else r"\b"
    return re.compile(rf"\b{body}{end}", re.IGNORECASE)

"""Fields of study a posting's degree names by a bare word the matcher leaves alone, because
alone it names no skill: "Engineering" in "a degree in Computer Science, Engineering, or a
related field" is any engineering discipline, one of the degree's fields."""

from __future__ import annotations

import re
from collections.abc import Sequence

from skillgap.ids import DEGREE_LEVELS
from skillgap.matching import Hit
from skillgap.taxonomy import Taxonomy

#: A bare "Engineering" as an item of a list: after a comma, "(" or "or" (", and" too, but
#: not "Computer Science and Engineering", a department's name), and before a comma, ")",
#: "or", "and" or the end ("Computer Science, Engineering, or a related field"). "Software
#: Engineering" or "Engineering Physics" is no bare item.
_BARE_ENGINEERING = re.compile(
    r"(?:[,(/]\s*(?:or\b|and\b)?|\bor)\s*(?P<field>Engineering)\b"
    r"(?=\s*(?:[,)/;.]|\bor\b|\band\b|$))",
    re.MULTILINE,
)
_ENGINEERING = "engineering-disciplines"
#: Categories of the skills that can be a degree's field, as the degree reader takes them.
_FIELD_CATEGORIES = frozenset({"foundations", "application-areas", "fields", "domains"})


def bare_field_hits(text: str, hits: Sequence[Hit], taxonomy: Taxonomy) -> list[Hit]:
    """Hits for a bare "Engineering" listed among a degree's fields: on a line that names a
    degree and, in the same list, another field the matcher read ("Computer Science"), so the
    degree's fields are one requirement with it."""
    degree_lines = {h.line for h in hits if h.skill_id in DEGREE_LEVELS}
    field_hits = [
        h
        for h in hits
        if h.line in degree_lines and taxonomy.skills[h.skill_id].category in _FIELD_CATEGORIES
    ]
    found = []
    for match in _BARE_ENGINEERING.finditer(text):
        start, end = match.span("field")
        line = text.count("\n", 0, start) + 1
        taken = any(h.start < end and start < h.end for h in hits)
        listed = any(h.line == line and abs(h.start - start) < 60 for h in field_hits)
        if line in degree_lines and listed and not taken:
            found.append(
                Hit(_ENGINEERING, start, end, match.group("field"), line, None, "rule", 0.8,
                    "a field of the degree asked")
            )  # fmt: skip
    return found

"""What the matcher finds: one place where a text shows a skill."""

from __future__ import annotations

from typing import NamedTuple

#: Confidence of each way of matching.
CONFIDENCE = {"exact": 1.0, "alias": 0.95, "section": 0.9, "rule": 0.85, "context": 0.8}


class Hit(NamedTuple):
    """One place where the text shows a skill (a named tuple: a resume has hundreds, and a
    frozen dataclass is slower to build)."""

    skill_id: str
    #: Character offsets in the text, or -1 for a hit without a place (a section heading).
    start: int
    end: int
    text: str
    #: 1-based line number.
    line: int
    section: str | None
    #: exact, alias, rule, fuzzy, section or implied.
    method: str
    confidence: float
    #: Why the hit counts, when that needed context ("listed with Python").
    context: str | None = None

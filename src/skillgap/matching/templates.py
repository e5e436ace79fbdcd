"""Template placeholders: a resume template's "[Portfolio/GitHub]" names no skill.

A text is a template when it holds at least two placeholders that only templates write
("[Your Name]", "[Company Name]", "[Job Title]"); in a template, whatever stands inside square
brackets on one line is a placeholder for the person's own words, so nothing there is
evidence. Brackets in a real resume ("Robot arm [Python, ROS]") are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_PLACEHOLDER = re.compile(
    r"\[\s*(?:your|insert|enter|add)\b[^\]\n]*\]"
    r"|\[\s*(?:company|university|school|job|employer|degree|certification)\s+"
    r"(?:name|title)\s*\]"
    r"|\[\s*(?:start|end|graduation)\s+(?:date|year)\s*\]",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"\[[^\[\]\n]{1,200}\]")
#: Placeholders a text needs before its brackets are read as a template's.
_TEMPLATE_MIN = 2


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the bracketed placeholders of a template, in order; none when
    the text is not a template."""
    for found, _ in enumerate(_PLACEHOLDER.finditer(text), start=1):
        if found >= _TEMPLATE_MIN:
            return [match.span() for match in _BRACKETED.finditer(text)]
    return []


def in_placeholder(start: int, spans: list[tuple[int, int]]) -> bool:
    """Whether the offset ``start`` lies inside one of the (sorted) ``spans``."""
    index = bisect_right(spans, (start, float("inf"))) - 1
    return index >= 0 and start < spans[index][1]

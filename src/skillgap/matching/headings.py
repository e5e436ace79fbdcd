"""Section headings as evidence: a resume with a "Publications" section shows research."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from skillgap.matching.hit import CONFIDENCE, Hit

if TYPE_CHECKING:
    from skillgap.sections import Heading


_WORD = re.compile(r"\w")
_INLINE_CONTENT = re.compile(r":\s*[^\s:]")


def empty_headings(headings: Sequence[Heading], lines: Sequence[str]) -> frozenset[int]:
    """The lines of the headings whose section is empty: neither the heading nor its words
    are evidence, since an empty "Publications" section (a template's, or a site's loop that
    lists nothing here) shows no publication."""
    return frozenset(
        heading.line
        for index, heading in enumerate(headings)
        if not _has_content(heading, headings[index + 1 :], lines)
    )


def heading_hits(
    headings: Sequence[Heading],
    skills_by_heading: Mapping[str, tuple[str, ...]],
    empty: frozenset[int] = frozenset(),
) -> Iterator[Hit]:
    """A hit, without a place in the text, for each skill a heading is evidence of, unless
    the heading's section is empty (its line is in ``empty``)."""
    for heading in headings:
        if heading.line in empty:
            continue
        for skill_id in skills_by_heading.get(heading.title, ()):
            yield Hit(
                skill_id=skill_id,
                start=-1,
                end=-1,
                text=heading.title.title(),
                line=heading.line,
                section=heading.section,
                method="section",
                confidence=CONFIDENCE["section"],
                context="a section of the resume",
            )


def _has_content(heading: Heading, later: Sequence[Heading], lines: Sequence[str]) -> bool:
    """Whether a section has words: after a colon on its heading's line ("Publications:
    ..."), or on a line below it before a heading of another section (a "Journal Articles"
    subheading is still the publications section)."""
    if _INLINE_CONTENT.search(lines[heading.line - 1]):
        return True
    end = next((h.line - 1 for h in later if h.section != heading.section), len(lines))
    return any(_WORD.search(line) for line in lines[heading.line : end])

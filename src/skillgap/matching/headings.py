"""Section headings as evidence: a resume with a "Publications" section shows research."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from skillgap.matching.hit import CONFIDENCE, Hit

if TYPE_CHECKING:
    from skillgap.sections import Heading


def heading_hits(
    headings: Sequence[Heading], skills_by_heading: Mapping[str, tuple[str, ...]]
) -> Iterator[Hit]:
    """A hit, without a place in the text, for each skill a heading is evidence of."""
    for heading in headings:
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

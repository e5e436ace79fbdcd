"""The last stages: skills implied by those found, and one hit per place."""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Mapping

from skillgap.ids import RESEARCH_VENUES
from skillgap.matching.hit import Hit

#: A venue named in a service section ("Reviewer: NeurIPS", "Co-organizer, GEM workshop,
#: ICLR") is one served, not published at: it implies no publication there.
_SERVED = (RESEARCH_VENUES, "service")


def expand_implied(
    hits: list[Hit], implies: Mapping[str, tuple[str, ...]], names: Mapping[str, str]
) -> list[Hit]:
    """The hits and, after them, those of the skills that a found skill always shows
    (linear algebra -> mathematics); a venue served implies nothing."""
    result = list(hits)
    for hit in hits:
        if (hit.skill_id, hit.section) == _SERVED:
            continue
        for implied in implies.get(hit.skill_id, ()):
            result.append(
                hit._replace(
                    skill_id=implied,
                    # A heading's skill has no place: what it implies is shown by the section.
                    method="implied" if hit.start >= 0 else "section",
                    confidence=round(hit.confidence * 0.9, 2),
                    context=f"implied by {names[hit.skill_id]}",
                )
            )
    return result


def drop_repeats(hits: list[Hit]) -> list[Hit]:
    """One hit per place: a rule or implication over a phrase already found adds nothing.

    Earlier hits win. The kept spans of a skill never overlap, so checking the neighbours of
    a new span in their sorted list is enough.
    """
    kept: list[Hit] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    for hit in hits:
        if hit.start < 0:
            kept.append(hit)
            continue
        taken = spans.setdefault(hit.skill_id, [])
        index = bisect_right(taken, (hit.start, hit.end))
        neighbours = taken[max(0, index - 1) : index + 1]
        if any(hit.start < end and start < hit.end for start, end in neighbours):
            continue
        insort(taken, (hit.start, hit.end))
        kept.append(hit)
    return kept

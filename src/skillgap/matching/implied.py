"""The last stages: skills implied by those found, and one hit per place."""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections.abc import Mapping, Sequence

from skillgap.ids import PUBLICATIONS, RESEARCH_VENUES
from skillgap.matching.hit import Hit

#: Words of a line that names a venue served, attended or recruited at rather than published
#: at ("Reviewer: NeurIPS", "Attended ICML 2019", "conference recruiting at NeurIPS and CVPR").
_SERVICE_WORDS = re.compile(
    r"\b(review(er|ers|ing)?|program committee|pc member|area[ -]chair|organi[sz](er|ers|ing)|"
    r"co-organi[sz]\w*|chair(ed)?|volunteer(ed)?|attend(ed|ing|ee|ees)?|recruit(ed|ing|er|ers)?|"
    r"sponsor(ed|ing|s|ship)?|booth|exhibit(ed|or|ors)?)\b",
    re.IGNORECASE,
)

#: Forms of publications that name a journal or a series: a venue, like a conference's name.
_JOURNAL_FORMS = re.compile(
    r"(journal of|transactions on|lecture notes in|ieee transactions|physical review)\b",
    re.IGNORECASE,
)


def served_venue(hit: Hit, lines: Sequence[str]) -> bool:
    """A venue served, not published at: named in a service section, or on a line about
    reviewing, chairing or organising for it ("Reviewer: NeurIPS", "Area-chair for ICML",
    "PC member: IEEE Transactions on Knowledge and Data Engineering"), attending it or
    recruiting there ("Attended NeurIPS 2019", "conference recruiting at NeurIPS")."""
    journal = hit.skill_id == PUBLICATIONS and _JOURNAL_FORMS.match(hit.text) is not None
    if hit.skill_id != RESEARCH_VENUES and not journal:
        return False
    line = lines[hit.line - 1] if 0 < hit.line <= len(lines) else ""
    return hit.section == "service" or _SERVICE_WORDS.search(line) is not None


def expand_implied(
    hits: list[Hit],
    implies: Mapping[str, tuple[str, ...]],
    names: Mapping[str, str],
    lines: Sequence[str] = (),
) -> list[Hit]:
    """The hits and, after them, those of the skills that a found skill always shows
    (linear algebra -> mathematics); a venue served implies nothing (no publication), and a
    journal served shows no publication."""
    result = [
        hit for hit in hits if not (hit.skill_id == PUBLICATIONS and served_venue(hit, lines))
    ]
    for hit in hits:
        if served_venue(hit, lines):
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

"""Research evidence of the resume as a whole, and the requirements it meets.

A researcher's resume seldom says "research experience", "experimental design" or
"collaboration" in those words: it shows them with a PhD, a list of papers at venues, papers
written with co-authors and a list of talks. Each of these, when the resume really has it,
meets a role's requirement that asks for a skill whose ``shown_by`` names it
(``skills/research.toml``, ``skills/soft-skills.toml``). The skills found stay what the text
names; the rule is written down in docs/matching.md, "Research evidence".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from skillgap.ids import (
    EDUCATION_SECTION,
    PEER_REVIEW,
    PUBLICATIONS,
    PUBLICATIONS_SECTION,
    RESEARCH_VENUES,
    TALKS_SECTION,
)

if TYPE_CHECKING:
    from skillgap.matching import Hit
    from skillgap.report import Profile
    from skillgap.taxonomy import Taxonomy
    from skillgap.taxonomy_model import ResearchEvidence

#: How research publishing names where a paper appeared ("Journal of", "Proceedings of",
#: "Conference on"); a newspaper or a magazine ("The Wall Street Journal", "Wine Enthusiast")
#: is not named so.
_VENUE_WORDS = re.compile(
    r"\b(?:journal\s+of|proceedings|proc\.|transactions\s+on|(?:conference|workshop|symposium)"
    r"\s+on|lecture\s+notes\s+in|arxiv|biorxiv|medrxiv|ssrn|ieee|acm|doi)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
#: "First author on 7 papers", "15+ publications".
_PAPER_COUNT = re.compile(r"\b\d+\+?\s+(?:\w+\s+)?(?:papers|publications)\b", re.I)
_SURNAME = r"[A-Z][^\W\d_]+(?:[-'][A-Z]?[^\W\d_]+)?"
_INITIALS = r"(?:[A-Z]\.[\s-]?){1,3}"
_CITED_NAME = rf"(?:{_SURNAME},\s*{_INITIALS}|{_INITIALS}\s*{_SURNAME})"  # "Zhang, B." "B. Zhang"
_FULL_NAME = rf"{_SURNAME}\s{_SURNAME}"
#: Two or more authors as a citation writes them: "Zhang, B., Wonka, P.", "B. Zhang and P.
#: Wonka", "Biao Zhang, Peter Wonka, Matthias Niessner" (three full names), "et al.".
_AUTHOR_LIST = re.compile(
    rf"\bet\s+al\b|{_CITED_NAME}\s*(?:,\s*and|,|and|&)\s*{_CITED_NAME}"
    rf"|{_FULL_NAME}(?:\s*,\s*(?:and\s+)?{_FULL_NAME}){{2,}}"
)


@dataclass(frozen=True)
class ResearchFact:
    """One piece of research evidence: what it is, where, and why it counts."""

    kind: ResearchEvidence
    line: int
    section: str | None
    text: str
    why: str

    def describe(self) -> str:
        """What it is and where: "a PhD, line 20: 'PhD in Computer Science, KAUST'"."""
        return f"{self.why}, line {self.line}: {_clip(self.text)!r}"


def research_facts(
    profile: Profile,
    hits: Sequence[Hit],
    lines: Sequence[str],
    line_sections: Sequence[str | None],
) -> list[ResearchFact]:
    """The research evidence a resume really has: its own PhD, stated in its education; a
    publication list whose entries name venues or authors; co-authored papers; talks;
    reviewing for named venues."""
    facts = [
        *_doctorate(profile, line_sections),
        *_publications(hits, lines, line_sections),
        *_talks(profile, lines, line_sections),
        *_reviewing(hits, lines, line_sections),
    ]
    return facts


def shown_by_research(
    skill_ids: Sequence[str], facts: Sequence[ResearchFact], taxonomy: Taxonomy
) -> ResearchFact | None:
    """The first piece of research evidence that shows one of the skills, if any."""
    kinds = {kind for skill_id in skill_ids for kind in taxonomy.skills[skill_id].shown_by}
    return next((fact for fact in facts if fact.kind in kinds), None)


#: A bio's words for a degree of one's own: "I hold a PhD", "He received his PhD in 2023".
_HOLDS = re.compile(r"\b(?:hold|holds|received|earned|obtained|completed|awarded)\b", re.I)


def _doctorate(profile: Profile, line_sections: Sequence[str | None]) -> list[ResearchFact]:
    """The person's own PhD (finished or in progress), as their education states it: in the
    education section, or, in a resume without one (an author page's bio), named with its
    field or said to be held."""
    has_education = EDUCATION_SECTION in line_sections
    for degree in profile.degrees:
        section = line_sections[degree.line - 1] if 0 < degree.line <= len(line_sections) else None
        if has_education:
            own = section == EDUCATION_SECTION
        else:
            own = degree.field is not None or bool(_HOLDS.search(degree.text))
        if degree.level == "phd" and own:
            status = "" if degree.status == "completed" else f" ({degree.status})"
            return [ResearchFact("doctorate", degree.line, section, degree.text, f"a PhD{status}")]
    return []


def _publications(
    hits: Sequence[Hit], lines: Sequence[str], line_sections: Sequence[str | None]
) -> list[ResearchFact]:
    """Published papers: entries of the publications section written as citations (a named
    venue, a list of authors, or a journal, proceedings or preprint with a year), or a line
    anywhere that says papers were published and names their venue or their number."""
    venues_by_line: dict[int, set[str]] = {}
    published_lines: set[int] = set()
    for hit in hits:
        if hit.skill_id == RESEARCH_VENUES and hit.method != "implied":
            venues_by_line.setdefault(hit.line, set()).add(hit.text)
        elif hit.skill_id == PUBLICATIONS and hit.method not in ("implied", "section"):
            published_lines.add(hit.line)
    listed: list[int] = []  # entries of the publications section
    stated: list[int] = []  # lines elsewhere that say papers were published
    authored: list[int] = []
    for number, (line, section) in enumerate(zip(lines, line_sections, strict=False), start=1):
        venue = number in venues_by_line
        if section == PUBLICATIONS_SECTION:
            by_authors = bool(_AUTHOR_LIST.search(line))
            if venue or by_authors or (_YEAR.search(line) and _VENUE_WORDS.search(line)):
                listed.append(number)
                if by_authors:
                    authored.append(number)
        elif number in published_lines and (
            venue or _VENUE_WORDS.search(line) or _PAPER_COUNT.search(line)
        ):
            stated.append(number)
    entries = sorted(listed + stated)
    if not entries:
        return []
    venues = sorted({v for n in entries for v in venues_by_line.get(n, ())}, key=str.casefold)
    count = f" ({_entries(len(listed))})" if listed else ""
    if venues:
        why = f"papers at {', '.join(venues[:4])}{count}"
    elif authored:
        why = f"a publication list with author lists{count}"
    elif listed:
        why = f"a publication list{count}"
    else:
        why = "published papers"
    first = entries[0]
    facts = [
        ResearchFact("publication-list", first, line_sections[first - 1], lines[first - 1], why)
    ]
    if authored:
        at = authored[0]
        why = f"papers with co-authors ({_entries(len(authored))})"
        facts.append(
            ResearchFact("co-authored-papers", at, line_sections[at - 1], lines[at - 1], why)
        )
    return facts


def _talks(
    profile: Profile, lines: Sequence[str], line_sections: Sequence[str | None]
) -> list[ResearchFact]:
    """A list of talks: the entries of the talks section, as the profile counts them."""
    if not profile.talks.count:
        return []
    talks = [
        number
        for number, (line, where) in enumerate(zip(lines, line_sections, strict=False), 1)
        if where == TALKS_SECTION and line.strip()
    ]
    first = (talks[1:] or talks)[0]  # the first entry under the heading
    why = f"a list of talks ({_entries(profile.talks.count)})"
    return [ResearchFact("talk-list", first, TALKS_SECTION, lines[first - 1], why)]


#: Where reviewing is done: a named venue, or one of these words ("reviewer for journals").
_REVIEWED_FOR = re.compile(r"\b(?:journals?|conferences?|workshops?|symposi(?:um|a))\b", re.I)


def _reviewing(
    hits: Sequence[Hit], lines: Sequence[str], line_sections: Sequence[str | None]
) -> list[ResearchFact]:
    """Reviewing for research venues: a line that shows peer review and names where ("Area
    chair for ICML", "Reviewer: Journal of Machine Learning Research")."""
    venue_lines = {h.line for h in hits if h.skill_id == RESEARCH_VENUES}
    for hit in hits:
        if hit.skill_id != PEER_REVIEW or hit.method in ("implied", "section"):
            continue
        line = lines[hit.line - 1]
        if hit.line in venue_lines or _VENUE_WORDS.search(line) or _REVIEWED_FOR.search(line):
            why = "reviewing for research venues"
            return [ResearchFact("reviewing", hit.line, line_sections[hit.line - 1], line, why)]
    return []


def _entries(count: int) -> str:
    return f"{count} entr{'y' if count == 1 else 'ies'}"


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

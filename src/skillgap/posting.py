"""A job posting as a role: the skills it asks for, required or preferred, with alternatives.

The posting is read like a resume (any format), its skills found by the same matcher, and
each sentence that names skills becomes one or more requirements:

- importance comes from the posting's own structure: the heading a sentence sits under
  ("Requirements", "Minimum qualifications" vs "Preferred", "Nice to have", "Bonus"), and
  phrases in the sentence itself ("... is a plus", "ideally", "must have");
- alternatives the posting gives are one requirement: "Python, Java or C++" is met by any
  of them, while "Python and SQL" are two requirements;
- the posting's sentence is kept as the requirement's evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from skillgap.errors import InputError
from skillgap.matching import Hit, find_skills
from skillgap.readers import Document
from skillgap.taxonomy import Requirement, Role, Taxonomy

JOB_ROLE_ID = "job"
#: A posting's required skills weigh three times its preferred ones.
WEIGHTS = {"required": 3.0, "preferred": 1.0}

_PREFERRED_HEADING = re.compile(
    r"\b(preferred|nice[- ]to[- ]have|bonus|plus(es)?|desired|desirable|ideal(ly)?|"
    r"additional (qualifications|skills)|good to have|extra credit|not required)\b",
    re.IGNORECASE,
)
_REQUIRED_HEADING = re.compile(
    r"\b(requirements?|required|qualifications?|must[- ]haves?|what you('ll| will)? (need|bring)|"
    r"who you are|you have|what we('re| are) looking for|skills|experience|about you|"
    r"responsibilities|what you('ll| will) do|the role|your profile|key skills)\b",
    re.IGNORECASE,
)
_PREFERRED_PHRASE = re.compile(
    r"\b(is|are|would be|will be)( an?)?( big| huge| strong| nice)? (plus|bonus|advantage|"
    r"asset)\b|\bnice[- ]to[- ]have\b|\bpreferred\b|\bpreferably\b|\bideally\b|\bdesirable\b|"
    r"\bbonus( points)?\b|\ba plus\b|\bnot required\b|\boptional\b|\bfamiliarity with\b",
    re.IGNORECASE,
)
_REQUIRED_PHRASE = re.compile(r"\b(must|required|requires?|minimum|mandatory|essential)\b", re.I)
_HEADING_LINE = re.compile(r"^\s*[#*_]*\s*([A-Z][^.!?]{0,60}?)\s*[:*_]*\s*$")
#: What may stand between two alternatives of one requirement.
_ALTERNATIVE = re.compile(r"^[\s,;/()]*(\b(or|and/or|either)\b[\s,;/()]*)?$|^\s*/\s*$", re.I)
#: "Computer Science, Statistics or a related field": the list is of alternatives.
_OR_SIMILAR = re.compile(
    r"^[\s,]*(or|and/or)\s+(an?\s+)?(related|similar|equivalent|other|comparable)\b", re.I
)
_CONJUNCTION = re.compile(r"^[\s,;()]*(\band\b[\s,;()]*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class PostingRequirement:
    """A requirement read from a posting, with the sentence that states it."""

    any_of: tuple[str, ...]
    importance: str
    sentence: str
    line: int


def _line_importances(lines: Sequence[str]) -> list[str]:
    """The importance a heading gives each line: required until a 'preferred' heading."""
    current = "required"
    result = []
    for line in lines:
        heading = _HEADING_LINE.match(line)
        if heading and len(line.split()) <= 8 and not line.rstrip().endswith("."):
            title = heading.group(1)
            if _PREFERRED_HEADING.search(title):
                current = "preferred"
            elif _REQUIRED_HEADING.search(title):
                current = "required"
        result.append(current)
    return result


def _sentence_of(line: str, start: int) -> str:
    """The sentence of the line that holds the character at ``start`` (line-relative)."""
    begin = max(line.rfind(". ", 0, start), line.rfind("; ", 0, start))
    end_candidates = [i for i in (line.find(". ", start), line.find("; ", start)) if i >= 0]
    end = min(end_candidates) + 1 if end_candidates else len(line)
    return line[begin + 1 if begin >= 0 else 0 : end].strip()


def extract_requirements(
    document: Document, hits: Sequence[Hit], taxonomy: Taxonomy
) -> list[PostingRequirement]:
    """The requirements a posting states, in the order it states them, each once."""
    text = document.text
    lines = text.split("\n")
    importances = _line_importances(lines)
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line) + 1)
    usable = sorted(
        (h for h in hits if h.start >= 0 and h.method != "implied"),
        key=lambda h: (h.start, h.end),
    )
    requirements: list[PostingRequirement] = []
    by_sentence: dict[tuple[int, str], list[Hit]] = {}
    for hit in usable:
        line = lines[hit.line - 1]
        sentence = _sentence_of(line, hit.start - line_starts[hit.line - 1])
        by_sentence.setdefault((hit.line, sentence), []).append(hit)
    for (line_number, sentence), sentence_hits in by_sentence.items():
        importance = importances[line_number - 1]
        if _PREFERRED_PHRASE.search(sentence):
            importance = "preferred"
        elif _REQUIRED_PHRASE.search(sentence):
            importance = "required"
        for group in _alternative_groups(text, _without_implied(sentence_hits, taxonomy)):
            requirements.append(
                PostingRequirement(
                    any_of=group, importance=importance, sentence=sentence, line=line_number
                )
            )
    return _merge(requirements)


def _without_implied(hits: Sequence[Hit], taxonomy: Taxonomy) -> list[Hit]:
    """Drop a skill whose implied skill the sentence names too ("NeurIPS" beside
    "publications"): the requirement is the general one."""
    named = {hit.skill_id for hit in hits}
    return [h for h in hits if not set(taxonomy.skills[h.skill_id].implies) & named]


def _alternative_groups(text: str, hits: Sequence[Hit]) -> list[tuple[str, ...]]:
    """Split a sentence's skills into requirements: runs joined by 'or' or '/' are one.

    A list "A, B or C" is one requirement when its last joiner is "or"; "A, B and C" are
    three. Skills separated by other words are separate requirements.
    """
    runs: list[list[Hit]] = []
    for hit in hits:
        if (runs and _ALTERNATIVE.match(text[runs[-1][-1].end : hit.start])) or (
            runs and _CONJUNCTION.match(text[runs[-1][-1].end : hit.start])
        ):
            runs[-1].append(hit)
        else:
            runs.append([hit])
    groups: list[tuple[str, ...]] = []
    for run in runs:
        joiners = [text[a.end : b.start] for a, b in pairwise(run)]
        tail = text[run[-1].end : run[-1].end + 40]
        alternatives = bool(joiners) and (
            re.search(r"\bor\b|/", joiners[-1], re.IGNORECASE) is not None
            or all("/" in j for j in joiners)
            or _OR_SIMILAR.match(tail) is not None
        )
        ids = list(dict.fromkeys(h.skill_id for h in run))
        if alternatives:
            groups.append(tuple(ids))
        else:
            groups.extend((skill_id,) for skill_id in ids)
    return groups


def _merge(requirements: list[PostingRequirement]) -> list[PostingRequirement]:
    """One requirement per set of skills; stated as required anywhere means required."""
    merged: dict[frozenset[str], PostingRequirement] = {}
    for requirement in requirements:
        key = frozenset(requirement.any_of)
        # A skill already required on its own needs no weaker alternative group beside it.
        if key in merged:
            if merged[key].importance == "preferred" and requirement.importance == "required":
                merged[key] = requirement
            continue
        merged[key] = requirement
    return list(merged.values())


def read_posting(document: Document, taxonomy: Taxonomy) -> Role:
    """A posting read as a role with id ``job``; raises when it names no known skill."""
    hits = find_skills(document.text, taxonomy).hits
    requirements = extract_requirements(document, hits, taxonomy)
    if not requirements:
        raise InputError(
            f"{document.path}: the posting names no skill skillgap knows", code="no-requirements"
        )
    return posting_role(requirements, taxonomy)


def posting_role(requirements: Sequence[PostingRequirement], taxonomy: Taxonomy) -> Role:
    """The posting as a role, scored like the built-in ones."""
    built = []
    used: set[str] = set()
    for requirement in requirements:
        names = [taxonomy.skills[s].name for s in requirement.any_of]
        base = "-or-".join(requirement.any_of)[:60].strip("-")
        identifier = base
        counter = 2
        while identifier in used:
            identifier, counter = f"{base}-{counter}", counter + 1
        used.add(identifier)
        built.append(
            Requirement(
                id=identifier,
                name=" or ".join(names),
                category=taxonomy.skills[requirement.any_of[0]].category,
                importance=requirement.importance,  # type: ignore[arg-type]
                weight=WEIGHTS[requirement.importance],
                any_of=requirement.any_of,
                source=f"line {requirement.line}: {requirement.sentence}",
            )
        )
    return Role.model_validate(
        {
            "id": JOB_ROLE_ID,
            "name": "Job posting",
            "description": "The requirements of the posting given with --job",
            "requirement": [r.model_dump() for r in built],
        }
    )

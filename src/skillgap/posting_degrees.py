"""A posting's degrees: the fields a degree may be in, read as one requirement met by any of
them ("a Master's or PhD in Statistics, Economics, or a quantitative field"), which fields meet
an open list ("or a related field"), a degree asked without its level ("an advanced degree"),
and a degree named as another route to the years asked."""

from __future__ import annotations

import re
from collections.abc import Sequence

from skillgap.ids import DEGREE_LEVELS
from skillgap.matching import Hit
from skillgap.posting_groups import Alternatives
from skillgap.taxonomy import Taxonomy
from skillgap.taxonomy_model import FIELD_WORDS

#: After a degree, the clause that names its fields ("MS or PhD in Statistics, Economics, or a
#: quantitative field"), up to where the sentence goes on to something else.
_FIELD_CLAUSE = re.compile(
    r"[\s'\u2019s]*(degrees?\s*)?(\([^()]{0,40}\)\s*)?(in|of)\s", re.IGNORECASE
)
_FIELD_CLAUSE_END = re.compile(
    r"[;:]|\.\s|\bwith\b|\bplus\b|\band\s+\d|\bor equivalent\b|\bexperience\b|\(",
    re.IGNORECASE,
)
#: Categories of the skills that can be a degree's field (subjects, fields, domains).
_FIELD_CATEGORIES = frozenset({"foundations", "application-areas", "fields", "domains"})


def degree_fields(
    text: str, hits: Sequence[Hit], bounds: tuple[int, int], taxonomy: Taxonomy
) -> set[str]:
    """The skills a sentence names as the fields of the degree it asks for ("a Master's or
    PhD in Statistics, Economics, or a quantitative field", "Degree in a STEM, Economics, or
    related field"). ``bounds``: where the sentence begins and ends in ``text``."""
    degrees = [h.end for h in hits if h.skill_id in DEGREE_LEVELS]
    if not degrees and (unnamed := UNNAMED_DEGREE.search(text[bounds[0] : bounds[1]])):
        degrees = [bounds[0] + unnamed.end()]
    end = bounds[1]
    clause = _FIELD_CLAUSE.match(text, degrees[-1], end) if degrees else None
    if clause is None:
        return set()
    stop = _FIELD_CLAUSE_END.search(text, clause.end(), end)
    clause_end = stop.start() if stop else end
    return {
        h.skill_id
        for h in hits
        if clause.end() <= h.start < clause_end
        and taxonomy.skills[h.skill_id].category in _FIELD_CATEGORIES
    }


#: "or a related quantitative field", "or similar technical discipline", "or another STEM
#: field": the fields a posting names are examples, and a degree in a kindred field meets it.
_OPEN_FIELDS = re.compile(
    r"\b(?:related|relevant|similar|quantitative|technical|scientific|stem|equivalent|other|"
    r"another|analytical|computational)\s+(?:[a-z]+\s+)?(?:fields?|disciplines?|areas?|"
    r"subjects?|majors?|degrees?)\b",
    re.IGNORECASE,
)
_NAMES_A_DEGREE = re.compile(
    r"\b(?:degrees?|bachelor|master|ph\.?\s?d|doctorate|b\.?\s?sc?|m\.?\s?sc?|b\.?a|m\.?a)\b",
    re.IGNORECASE,
)
#: The kindred fields of an open list: quantitative and technical ones, as the built-in roles'
#: "computer science, mathematics or a related field" reads them (skills/roles/rs.toml).
KINDRED_FIELDS = (
    "comput*", "informatics", "bioinformatics", "software", "math*", "statistic*", "data",
    "analytics", "machine learning", "artificial intelligence", "physics", "electrical",
    "electronic*", "engineering", "operations research", "econom*", "quantitative", "cs",
    "cse", "ece", "ai", "ml",
)  # fmt: skip


def fields_accepted(sentence: str, any_of: Sequence[str], taxonomy: Taxonomy) -> tuple[str, ...]:
    """The fields of study that meet a degree's field requirement ("a degree in Computer
    Science or Electrical Engineering"): the named fields by their names and aliases, and,
    for an open list ("..., or a related quantitative field", :func:`open_field_list`), the
    kindred ones. Empty for a requirement that is no degree's fields."""
    named = [taxonomy.skills[s] for s in any_of]
    if not all(skill.category in _FIELD_CATEGORIES for skill in named):
        return ()
    if not _NAMES_A_DEGREE.search(sentence):
        return ()
    own = [
        words
        for skill in named
        for form in (skill.name, *skill.aliases)
        if FIELD_WORDS.match(words := " ".join(form.lower().split()))
    ]
    kindred = KINDRED_FIELDS if open_field_list(sentence) else ()
    return tuple(dict.fromkeys([*own, *kindred]))


def open_field_list(sentence: str) -> bool:
    """Whether a degree's list of fields is open: "or a related quantitative field"."""
    return _OPEN_FIELDS.search(sentence) is not None


#: A degree a posting asks for without naming its level ("Degree in a STEM field", "a
#: university degree", "an advanced degree"), not a degree of something ("a high degree of
#: autonomy", "360-degree feedback").
UNNAMED_DEGREE = re.compile(
    r"(?:^\W*|\b(?:an?|your|one)\s+)(?P<level>(?:(?:advanced|graduate|postgraduate|higher|"
    r"university|college|undergraduate|four-year|4-year|technical|relevant|STEM|quantitative|"
    r"academic|honou?rs|first|first-class|2[:.]1|upper second|good)"
    r"(?:\s+or\s+|\s*/\s*|\s+))+)?degree\b(?!\s+of\b|\s+(is\s+)?not\b)",
    re.IGNORECASE,
)
_ADVANCED = frozenset({"advanced", "graduate", "postgraduate", "higher"})


def unnamed_degree(words: str) -> int | None:
    """The level (0 a bachelor's, 1 a master's) of a degree asked for without its name."""
    match = UNNAMED_DEGREE.search(words)
    if match is None:
        return None
    named = (match.group("level") or "").casefold().replace("/", " ").split()
    levels = [word for word in named if word != "or"]
    return int(bool(levels) and all(level in _ADVANCED for level in levels))


#: Before a degree, words that make it another route to the experience asked ("5+ years of
#: industry experience or equivalent with a Master's", "5+ years, or 3+ years with a PhD").
_ROUTE = re.compile(
    r"\b\d{1,2}\+?\s*(years?|yrs)\b[^.;]*\bor\s+(equivalent|\d{1,2}\+?\s*(years?|yrs)\b[^.;]*?)"
    r"\s+(with|and|plus)\s+(an?\s+)?$",
    re.IGNORECASE,
)


def degree_as_route(sentence: str, at: int) -> bool:
    """Whether the degree at ``at`` in a sentence is named as another route to the years of
    experience it asks: then no degree is required, one is only a plus."""
    return _ROUTE.search(sentence, 0, at) is not None


def fields_as_one(groups: list[Alternatives], fields: set[str]) -> list[Alternatives]:
    """The fields a degree may be in are one requirement, met by any of them: a degree in
    economics meets "Statistics, Economics, or a quantitative field" (they were requirements
    apart, and an economist was told to bring economics into an ML project)."""
    apart = [g for g in groups if g.skills and set(g.skills) <= fields]
    if len(apart) < 2:
        return groups
    one = Alternatives(tuple(dict.fromkeys(s for g in apart for s in g.skills)))
    first = groups.index(apart[0])
    rest = [g for g in groups if g not in apart]
    return [*rest[:first], one, *rest[first:]]

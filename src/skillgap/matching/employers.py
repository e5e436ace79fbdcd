"""Employers: a sentence that says what an organisation is or does describes the employer, not
the person ("Nara Logics is a pioneer in neuroscience-based AI providing recommendations", "The
Advanced Technology Group is an R&D department of the video analytics division of Autonomy",
"Cinch Financial is building the world's first autonomous financial manager"). JSON Resumes
and experience entries often open with one; the skills in it are the company's.

A person's own bio in the third person keeps its skills ("Jane Doe is a PhD student working on
NLP"): only an organisation's noun ("company", "department", "agency"...) after "is a", a
verb only companies take ("is building", "is headquartered"), or what an organisation does
("builds", "develops", "provides"...) after a name that is an organisation's by its form
("HealthAI builds AI for healthcare", "Zeta Labs develops robots"), marks the sentence.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from skillgap.matching.view import TokenView

_VERBS = frozenset({"is", "was", "are", "were"})
#: Nouns of organisations: "X is a/an/the ... <noun>" states what an employer is.
ORGANISATION_NOUNS = frozenset(
    {"company", "companies", "startup", "start", "firm", "agency", "provider", "pioneer",
     "department", "division", "organization", "organisation", "nonprofit", "non", "charity",
     "consultancy", "subsidiary", "manufacturer", "retailer", "marketplace", "business",
     "enterprise", "corporation", "conglomerate", "vendor", "supplier", "studio", "bank",
     "insurer", "fintech", "unicorn", "spinoff", "spin", "brand", "publisher", "network"}
)  # fmt: skip
#: Verbs only an organisation takes right after "is" ("Acme is building", "is headquartered").
COMPANY_VERBS = frozenset(
    {"building", "headquartered", "founded", "backed", "owned", "funded", "trusted",
     "acquired", "listed", "valued", "hiring"}
)  # fmt: skip
#: What an organisation does, in the present tense right after its name ("HealthAI builds AI
#: for healthcare"): counted only after a name that is an organisation's by its form (below),
#: since a bio says "Jane develops methods for ..." of the person.
DOING_VERBS = frozenset(
    {"builds", "develops", "provides", "offers", "makes", "sells", "delivers", "powers",
     "creates", "designs", "helps", "serves", "operates", "specializes", "specialises",
     "enables", "produces", "manufactures", "supplies", "empowers", "leverages", "uses"}
)  # fmt: skip
#: Last words of organisations' names ("Acme Inc.", "Zeta Labs", "Scale AI").
_ORGANISATION_ENDINGS = frozenset(
    {"inc", "inc.", "llc", "ltd", "ltd.", "corp", "corp.", "corporation", "co", "co.", "gmbh",
     "ag", "sa", "plc", "labs", "lab", "technologies", "technology", "systems", "solutions",
     "group", "ai", "analytics", "software", "health", "robotics", "therapeutics", "bio",
     "networks", "partners", "ventures", "holdings", "industries", "international", "global"}
)  # fmt: skip
#: The starts of surnames with a capital inside ("McDonald", "DeAngelo", "O'Neil").
_PERSON_PREFIX = re.compile(r"^(Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O')(?=[A-Z])")
_ARTICLES = frozenset({"a", "an", "the"})
#: Words of a name that may stay lowercase ("Bank of America", "Procter & Gamble").
_NAME_JOINERS = frozenset({"of", "and", "&", "the", "for", "de", "-", ",", "'s", "\u2019s"})
#: Subjects that are people or things, not names: "It is a company" says nothing of whose.
_NOT_NAMES = frozenset(
    {"i", "he", "she", "they", "we", "it", "this", "that", "there", "my", "our", "his", "her",
     "their", "its", "which", "who", "what", "here"}
)  # fmt: skip
#: Tokens that end a sentence's subject when looking back from its verb.
_SUBJECT_STOPS = frozenset(
    {".", ";", ":", "!", "?", "•", "|", "(", ")", "*", "-", "\u2014", "\u2013"}
)
_MAX_SUBJECT = 7  # tokens of an organisation's name
_NOUN_WINDOW = 6  # tokens from the article to the organisation's noun


def employer_spans(view: TokenView) -> list[tuple[int, int]]:
    """The token ranges that describe an employer: from the verb after an organisation's name
    to the end of its sentence (on its line)."""
    lowers = view.lowers
    spans: list[tuple[int, int]] = []
    for index, word in enumerate(lowers):
        if word in _VERBS:
            if not _named_subject(index, view) or not _states_an_organisation(index, view):
                continue
        elif word not in DOING_VERBS or not _organisations_name(index, view):
            continue
        _, stop = view.stretch(view.stretch_of(index))
        end = index + 1
        while end < stop and view.lines[end] == view.lines[index]:
            end += 1
        spans.append((index + 1, end))
    return spans


def _organisations_name(verb: int, view: TokenView) -> bool:
    """Whether the name before a verb is an organisation's by its form: it ends with a word of
    organisations' names ("Acme Inc.", "Zeta Labs", "Scale AI"), or a word of it has a capital
    inside ("HealthAI", "DeepMind"), which people's names do not."""
    start = _subject_start(verb, view)
    if start is None:
        return False
    words = [view.text_of(i, i + 1) for i in range(start, verb) if view.alpha[i]]
    if not words:
        return False
    return any(map(_capital_inside, words)) or view.lowers[verb - 1] in _ORGANISATION_ENDINGS


def _capital_inside(word: str) -> bool:
    """A capital after a word's first letter, as in a company's name ("HealthAI"); not in
    capitals throughout, nor a surname's ("McDonald", "DeAngelo")."""
    rest = _PERSON_PREFIX.sub("", word)[1:]
    return not word.isupper() and rest != rest.lower()


def _named_subject(verb: int, view: TokenView) -> bool:
    """Whether the words before a verb, back to the start of their sentence on the line, are
    a name: capitalised words, maybe joined by "of", "&" or "the"."""
    return _subject_start(verb, view) is not None


def _subject_start(verb: int, view: TokenView) -> int | None:
    """Where the name before a verb starts (see :func:`_named_subject`), or None."""
    line = view.lines[verb]
    start = verb
    while (
        start > 0
        and view.lines[start - 1] == line
        and view.lowers[start - 1] not in _SUBJECT_STOPS
        and verb - start < _MAX_SUBJECT + 1
    ):
        start -= 1
    words = range(start, verb)
    if not words or verb - start > _MAX_SUBJECT or view.lowers[start] in _NOT_NAMES:
        return None
    first = view.text_of(start, start + 1)
    named = first[:1].isupper() and all(
        view.lowers[i] in _NAME_JOINERS or not view.alpha[i] or view.text_of(i, i + 1)[:1].isupper()
        for i in words
    )
    return start if named else None


def _states_an_organisation(verb: int, view: TokenView) -> bool:
    """Whether what follows the verb says what an organisation is or does: an article and an
    organisation's noun within a few words, or a verb only companies take."""
    lowers = view.lowers
    after = verb + 1
    if after >= len(lowers) or view.lines[after] != view.lines[verb]:
        return False
    if lowers[after] in COMPANY_VERBS:
        return True
    if lowers[after] not in _ARTICLES:
        return False
    window = range(after + 1, min(len(lowers), after + 1 + _NOUN_WINDOW))
    return any(
        lowers[i] in ORGANISATION_NOUNS and view.lines[i] == view.lines[verb] for i in window
    )

"""A name a posting passes a verdict on, or that a frame of know-how introduces, is a skill:
"Scala is a plus", "Go experience preferred", "Zorblib or similar tools", "Knowledge of
Spark".

Postings judge what they ask for in a few fixed phrasings, and both postings and resumes
introduce a skill by what one has of it ("knowledge of", "proficiency in", "familiarity
with"). A name in such a phrasing is a requirement or a claim, so an ambiguous form ("Scala",
"Spark") counts without a cue word, and a name the taxonomy does not know is listed as an
unrecognised term of a posting. Resumes hardly use the verdicts, which is why they are safe
as context; the frames need a noun of know-how before the preposition ("knowledge of", never
"of" alone), so "a spark of creativity" stays no Spark. An adjective of know-how that opens an
item of a list frames a name as well ("- Strong Go or Rust"), not one inside a sentence ("a
strong Go culture") nor before a hyphen ("Strong Go-to-market sense").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from skillgap.matching.view import TokenView

_ABOUT = r"(?:(?:experience|knowledge|skills?|expertise|proficiency|background|familiarity)\s+)?"
_VERDICT = re.compile(
    rf"\s*{_ABOUT}(?:(?:is|are|would\s+be|will\s+be)\s+)?(?:(?:a|an|also|highly|strongly|very"
    r"|considered|definitely)\s+)*(?:plus|bonus|preferred|required|desired|desirable"
    r"|advantage(?:ous)?|asset|nice[\s-]to[\s-]have|beneficial)\b",
    re.IGNORECASE,
)
_SIMILAR = re.compile(
    r",?\s*(?:\(\s*)?or\s+(?:a\s+)?(?:similar|equivalent|comparable|alternative|another|other)\b",
    re.IGNORECASE,
)

#: Nouns of know-how that, with "of", "in" or "with" after them, introduce a skill.
FRAME_NOUNS = frozenset(
    {"knowledge", "understanding", "proficiency", "familiarity", "fluency", "expertise",
     "experience", "competence", "competency", "skills", "skill", "background", "mastery"}
)  # fmt: skip
FRAME_WORDS = frozenset({"of", "in", "with"})
#: Adjectives of know-how that introduce a name in a posting as the nouns do ("proficient in").
FRAME_ADJECTIVES = frozenset(
    {"proficient", "experienced", "skilled", "versed", "fluent", "familiar", "hands-on"}
)
_FRAMED = re.compile(
    rf"\b(?:{'|'.join(sorted(FRAME_NOUNS | FRAME_ADJECTIVES))})\s+"
    rf"(?:{'|'.join(sorted(FRAME_WORDS))})\s+$",
    re.IGNORECASE,
)

#: Adjectives of know-how that, opening an item of a list, introduce a name ("Strong Go").
ITEM_ADJECTIVES = frozenset({"strong", "solid", "excellent", "advanced", "expert", "fluent"})
_ITEM_MARKS = re.compile(r"[\s*\-\u2022\u2013\u00b7>#\d.)]+")


def framed(before: str) -> bool:
    """Whether the text right before a name ends in a frame of know-how: "knowledge of",
    "proficient in"."""
    return _FRAMED.search(before) is not None


def judged(after: str) -> bool:
    """Whether the text right after a name passes a posting's verdict on it: "is a plus",
    "experience preferred", "or similar tools"."""
    return _VERDICT.match(after) is not None or _SIMILAR.match(after) is not None


def framing_of(start: int, end: int, view: TokenView) -> str | None:
    """How the tokens ``start`` to ``end`` are framed as a skill, for the evidence: after a
    frame of know-how ("after 'knowledge of'") or judged by a posting; None when neither.
    Only names count (a capital first): "an understanding of marketing" asks for no
    advertising."""
    if not view.text_of(start, start + 1)[:1].isupper():
        return None
    if (
        start >= 2
        and view.lowers[start - 1] in FRAME_WORDS
        and view.lowers[start - 2] in FRAME_NOUNS
    ):
        return f"after {view.text_of(start - 2, start)!r}"
    stop = view.char_span(start, end)[1]
    if (
        start >= 1
        and view.lowers[start - 1] in ITEM_ADJECTIVES
        and view.text[stop : stop + 1] != "-"
    ):
        # An item that opens with how well one knows a name: "- Strong Go or Rust".
        line, before = view.lines[start - 1], start - 2
        while (
            before >= 0
            and view.lines[before] == line
            and _ITEM_MARKS.fullmatch(view.lowers[before])
        ):
            before -= 1
        if before < 0 or view.lines[before] != line:
            return f"after {view.text_of(start - 1, start)!r} opening an item"
    if judged(view.text[stop : stop + 60].split("\n", 1)[0]):
        return "judged as a requirement"
    if (
        start >= 2
        and view.lowers[start - 1] == "of"
        and view.lowers[start - 2] in _YEARS
        and view.text[stop : stop + 1] != "-"
    ):
        return f"after {view.text_of(start - 2, start)!r}"  # "3+ years of Scala"
    return None


_YEARS = frozenset({"years", "yrs", "year"})

"""Years of experience a posting's sentence asks for ("5+ years of Python", "three to five
years with SQL"): kept on the requirement and shown, never scored."""

from __future__ import annotations

import re
from functools import lru_cache

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15,
}  # fmt: skip
_FIGURE = r"\d{1,2}|" + "|".join(_NUMBER_WORDS)
_YEARS = re.compile(
    rf"\b({_FIGURE})\s*\+?\s*(?:\(\d{{1,2}}\)\s*)?"
    rf"(?:(?:-|\u2013|to)\s*(?:{_FIGURE})\s*\+?\s*)?(?:plus\s+)?(?:years?|yrs)\b",
    re.IGNORECASE,
)


def years_asked(sentence: str, at: int | None = None) -> int | None:
    """The fewest years of experience a sentence asks for ("5+ years", "3-5 years": 3); with
    ``at`` (where a requirement's first skill stands in it) and several figures, the one said
    of that skill: the last before it, else the first after ("5+ years in software
    engineering, 3+ years in ML systems")."""
    figures = _year_figures(sentence)
    if at is None or len({value for _, value in figures}) < 2:
        return min((value for _, value in figures), default=None)
    before = [value for start, value in figures if start < at]
    return before[-1] if before else figures[0][1]


@lru_cache(maxsize=8)
def _year_figures(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where a sentence states years of experience, and how many (read once a sentence)."""
    figures = []
    for match in _YEARS.finditer(sentence):
        word = match.group(1).lower()
        figures.append((match.start(), _NUMBER_WORDS[word] if word in _NUMBER_WORDS else int(word)))
    return tuple(figures)

"""Capitals that name a place or a body, not a skill: a US state's code after a place and a
comma ("Amherst, MA", "Jackson, MS"), or an organisation's initials in brackets after its
name ("Strategy Consulting (MSC)")."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from skillgap.matching.view import TokenView

#: The two-letter codes of US states and territories ("Amherst, MA", "Jackson, MS").
_STATE_CODES = frozenset(
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL",
        "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
        "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "PR", "RI", "SC",
        "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
    }
)  # fmt: skip
#: Words after a state's code that make it a degree after all ("Stanford, MS in Statistics").
_DEGREE_FIELD_WORDS = frozenset({"in", "of", "degree"})
#: Words after a state's code and a comma that name its country ("Cambridge, MA, USA").
_COUNTRY_WORDS = frozenset({"USA", "US", "United", "America"})
#: Last words of the names of schools, after which a comma and "MS" is a degree ("Columbia
#: University, MS, Computer Science"), not a state's code.
_SCHOOL_WORDS = frozenset(
    {"university", "college", "institute", "school", "technology", "tech", "polytechnic",
     "academy", "universität", "università", "universidad", "université", "universiteit"}
)  # fmt: skip


def names_a_place_or_body(start: int, end: int, view: TokenView) -> bool:
    """An ambiguous form in capitals that is a US state's code after a place and a comma
    ("Amherst, MA", "Jackson, MS 39201"; not after a school's name), or the initials of the
    capitalised name before it in brackets ("Strategy Consulting (MSC)"): a place or an
    organisation, never the skill."""
    text = view.text_of(start, end)
    if not (text.isupper() and text.isalpha()) or start < 2:
        return False
    before, named = view.text_of(start - 1, start), view.text_of(start - 2, start - 1)
    same_line = view.lines[start - 2] == view.lines[start]
    if not (same_line and named[:1].isupper() and named.isalpha() and not named.isupper()):
        return False
    on_line = end < len(view.lowers) and view.lines[end] == view.lines[start]
    after = view.lowers[end] if on_line else ""
    if text in _STATE_CODES and before == ",":
        return (
            after not in _DEGREE_FIELD_WORDS
            and named.casefold() not in _SCHOOL_WORDS
            and not _field_follows(end, view)
        )
    return len(text) > 1 and before == "(" and after == ")"


def _field_follows(end: int, view: TokenView) -> bool:
    """A comma and a capitalised word other than a country follow on the line, as a degree's
    field does ("Stanford, MS, Computer Science"; not "Cambridge, MA, USA")."""
    if end + 1 >= len(view.lowers) or view.lowers[end] != ",":
        return False
    word = view.text_of(end + 1, end + 2)
    same_line = view.lines[end + 1] == view.lines[end - 1]
    return same_line and word.isalpha() and word[:1].isupper() and word not in _COUNTRY_WORDS

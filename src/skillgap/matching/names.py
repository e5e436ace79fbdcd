"""Names that hold a skill's form: a school ("Github University", the academicpages template's
sample employer) or a person ("Supervisor: Professor Git") is not the skill.

A form directly followed on its line by the capitalised word of a school ("University",
"College") is the first word of that school's name; one directly after a title of address
("Professor", "Dr.") is a person's name. "Institute" and "Academy" are left alone: "NVIDIA
Deep Learning Institute" courses do teach deep learning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from skillgap.matching.phrases import Candidate
    from skillgap.matching.view import TokenView

_SCHOOL_WORDS = frozenset({"University", "College", "Universität", "Università", "Université"})
_TITLES = frozenset(
    {"Professor", "Prof", "Prof.", "Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms."}
)


def drop_names(candidates: list[Candidate], view: TokenView) -> list[Candidate]:
    """The candidates that are not part of a school's or a person's name."""
    return [c for c in candidates if not (_begins_a_school(c, view) or _after_a_title(c, view))]


def _begins_a_school(candidate: Candidate, view: TokenView) -> bool:
    end = candidate.end
    if end >= len(view.lowers) or view.lines[end] != view.lines[candidate.start]:
        return False
    return view.text_of(end, end + 1) in _SCHOOL_WORDS


def _after_a_title(candidate: Candidate, view: TokenView) -> bool:
    start = candidate.start
    if start == 0 or view.lines[start - 1] != view.lines[start]:
        return False
    title = view.text_of(start - 1, start)
    if title == "." and start >= 2:  # "Prof. Git" may be tokenized "Prof" "."
        title = view.text_of(start - 2, start)
    return title in _TITLES

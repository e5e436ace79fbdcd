"""Names that hold a skill's form: a school ("Github University", the academicpages template's
sample employer) or a person ("Supervisor: Professor Git", an author "Lozano, C.") is not the
skill.

A form directly followed on its line by the capitalised word of a school ("University",
"College") is the first word of that school's name; one directly after a title of address
("Professor", "Dr.") is a person's name. "Institute" and "Academy" are left alone: "NVIDIA
Deep Learning Institute" courses do teach deep learning. A form in capitals inside the name
of a body named by its topic ("Research Center on ... Quantum Computing", "Society for Risk
Analysis") is that body's name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from skillgap.matching.phrases import Candidate
    from skillgap.matching.view import TokenView

_INITIAL = re.compile(r"[A-Z]\.")
_SCHOOL_WORDS = frozenset({"University", "College", "Universität", "Università", "Université"})
#: Bodies named by their topic ("Italian Research Center on High Performance Computing, Big
#: Data and Quantum Computing"): the topic is no skill of the person who works there. Academic
#: units and labs ("Department of Computer Science", "Vision Lab") are left alone: they name
#: the person's own field.
_BODIES = frozenset(
    {"Center", "Centre", "Foundation", "Agency", "Council", "Consortium", "Society",
     "Association", "Ministry", "Federation", "Commission"}
)  # fmt: skip
#: Words that join the words of a body's name.
_NAME_JOINERS = frozenset({"on", "of", "for", "and", "&", ",", "in"})
#: How many tokens before a form its body's noun may stand.
_NAME_REACH = 12
_TITLES = frozenset(
    {"Professor", "Prof", "Prof.", "Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms."}
)


def drop_names(candidates: list[Candidate], view: TokenView) -> list[Candidate]:
    """The candidates that are not part of a school's or a person's name."""
    named = {token for c in candidates for token in range(c.start, c.end)}
    return [
        c
        for c in candidates
        if not (
            _begins_a_school(c, view)
            or _after_a_title(c, view)
            or _an_initial(c, view, named)
            or _in_a_bodys_name(c, view)
        )
    ]


def _an_initial(candidate: Candidate, view: TokenView, named: set[int]) -> bool:
    """An author's initial in a list of authors ("Lozano-Argüelles, C., and Rodríguez, N."):
    one capital letter and a full stop after a surname (a capitalised word that names no
    skill) and a comma, with a comma or "and" after it ("Python, Java, C." is a language)."""
    start, end = candidate.start, candidate.end
    text = view.text_of(start, end)
    if not _INITIAL.fullmatch(text) or start < 2 or end >= len(view.lowers):
        return False
    surname = view.text_of(start - 2, start - 1)
    return (
        view.lowers[start - 1] == ","
        and surname[:1].isupper()
        and start - 2 not in named
        and view.lowers[end] in (",", "and", "&")
    )


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


def _in_a_bodys_name(candidate: Candidate, view: TokenView) -> bool:
    """A form written in capitals of a title that a body's name holds, after the body's noun
    and only capitalised words and joiners ("Research Center on ... and Quantum Computing")."""
    start, end = candidate.start, candidate.end
    words = view.text_of(start, end).split()
    if not all(word[:1].isupper() for word in words):
        return False
    line = view.lines[start]
    index = start - 1
    while index >= max(0, start - _NAME_REACH) and view.lines[index] == line:
        word = view.text_of(index, index + 1)
        if word in _BODIES:
            return True
        if not (word[:1].isupper() or view.lowers[index] in _NAME_JOINERS):
            return False
        index -= 1
    return False

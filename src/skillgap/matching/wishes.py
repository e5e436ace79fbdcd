"""Wishes: a skill only being learned, hoped for or explored is not one the person has
("learning Go", "keen to learn deep learning", "Currently exploring NLP")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from skillgap.matching.phrases import JOINERS, QUOTES
from skillgap.sections import DEMONSTRATING_SECTIONS

if TYPE_CHECKING:
    from skillgap.matching.phrases import Candidate
    from skillgap.matching.view import TokenView

#: Words that, right before a skill, make it something the person is only learning.
_WISH_WORDS = frozenset({"learning", "learn", "studying"})
#: Words of wishing and interest that make a skill a few words on ("to work on", "in
#: exploring") one the person hopes for, not one they have: "keen to learn deep learning",
#: "hoping to work on reinforcement learning", "interested in exploring computer vision".
_WISH_HEADS = frozenset(
    {"interested", "interest", "keen", "eager", "hoping", "hope", "aspiring", "aspire",
     "wish", "want", "wanting", "excited", "curious"}
)  # fmt: skip
#: Words that, after "currently" or "now", are only a start: "Currently exploring NLP".
_STARTING = frozenset({"exploring", "learning", "studying", "picking", "discovering"})
#: The words that may stand between a word of wishing and the skill wished for.
_WISH_FILLERS = frozenset(
    {"to", "in", "on", "into", "about", "of", "the", "field", "fields", "area", "areas", "more",
     "learn", "learning", "explore", "exploring", "work", "working", "get", "getting", "move",
     "moving", "transition", "transitioning", "pursue", "pursuing", "study", "studying",
     "dive", "diving", "deeper", "apply", "applying", "up", "pick", "a", "career", "role",
     "roles"}
)  # fmt: skip
_WISH_REACH = 6


def drop_wishes(
    candidates: list[Candidate], view: TokenView, *, interests: bool = True
) -> list[Candidate]:
    """A skill only being learned is not present: "Learning 'Machine Learning'", "learning Go",
    and each skill joined to such a one ("currently learning Rust and JAX"); with
    ``interests``, also one wished for or begun ("keen to learn deep learning", "Currently
    exploring NLP"), which a posting asks for instead ("Strong interest in recommender
    systems").

    "learning" that is itself part of a found phrase ("deep learning, Python") does not count.
    """
    inside = {i for c in candidates for i in range(c.start, c.end)}
    wished: set[int] = set()  # ids of the wished candidates
    wished_ends: set[int] = set()  # where a wished skill ends
    for candidate in sorted(candidates, key=lambda c: c.start):
        index = candidate.start - 1
        while index >= 0 and view.lowers[index] in QUOTES:
            index -= 1
        wish = (index >= 0 and view.lowers[index] in _WISH_WORDS and index not in inside) or (
            interests and _wished_for(index, view, inside)
        )
        joined = (
            index >= 0
            and view.lowers[index] in JOINERS
            and index in wished_ends
            and view.lines[index] == view.lines[candidate.start]
        )
        if wish or joined:
            wished.add(id(candidate))
            wished_ends.add(candidate.end)
    return [candidate for candidate in candidates if id(candidate) not in wished]


def _wished_for(index: int, view: TokenView, inside: set[int]) -> bool:
    """Whether the words ending at ``index`` wish for what follows, on its line: a word of
    wishing and only words of how before it ("keen to learn", "hoping to work on",
    "interested in exploring"), or "currently exploring" outside the sections that show
    skills used; never words of a found form."""
    line = view.lines[index] if index >= 0 else -1
    stop = max(-1, index - _WISH_REACH)
    while index > stop and view.lines[index] == line and index not in inside:
        word = view.lowers[index]
        if word in _WISH_HEADS:
            return True
        if word in _STARTING and index > 0 and view.lowers[index - 1] in {"currently", "now"}:
            # In a job's duties it is work: "Currently exploring NLP models for routing".
            return view.line_index.section(line) not in DEMONSTRATING_SECTIONS
        if word not in _WISH_FILLERS:
            return False
        index -= 1
    return False

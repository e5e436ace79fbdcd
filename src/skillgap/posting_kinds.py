"""The kind a list of examples belongs to, taken out of the skills named before it.

"ML frameworks such as PyTorch": the last skill before the examples is their kind. Two more
ways of naming a kind, seen on postings the reader had never met:

- names joined by a slash share the kind noun ("JavaScript/TypeScript frameworks such as
  React or Vue"): each is the kind, so all are one requirement with the examples;
- names joined by "and" share it too ("SQL and NoSQL databases (e.g. Postgres, Cassandra)"):
  "and" keeps them two requirements, so an example that is one of them again is no
  example of the other;
- a kind named before what it is for ("cloud platforms dedicated to training models such as
  SageMaker") is the kind of the examples after that.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from skillgap.matching import Hit

_AND = re.compile(r"\s*(and|&)\s*", re.IGNORECASE)


def take_kind(text: str, runs: list[list[Hit]], index: int) -> Hit:
    """Take the kind of ``runs[index]`` (its examples) out of the run before them: the last
    skill of that run. Names slashed to it go on as examples of the requirement, and the
    examples lose those that only name a skill "and" joins to the kind."""
    before, examples = runs[index - 1], runs[index]
    kind = before.pop()
    slashed: list[Hit] = []
    while before and text[before[-1].end : (slashed or [kind])[0].start].strip() == "/":
        slashed.insert(0, before.pop())
    if slashed:
        runs[index] = [*slashed, *examples]
    elif before and _AND.fullmatch(text[before[-1].end : kind.start]):
        other = before[-1].skill_id
        if other != kind.skill_id:
            runs[index] = [h for h in examples if h.skill_id != other]
    return kind


#: What a kind is for, between it and its examples ("cloud platforms dedicated to training
#: and deploying AI/ML projects such as SageMaker"): skills named there are no kind of theirs.
_WHAT_FOR = re.compile(
    r"^\s+(dedicated|used|designed|built|suited|meant|made)\s+(to|for|in)\b[^,;:()]{0,80}?,?\s*"
    r"\b(such as|like|e\.g\.?|including|for (example|instance))[\s,:]*$",
    re.IGNORECASE,
)


def kind_said_what_for(
    text: str, runs: list[list[Hit]], first: Hit, general: Callable[[str, Hit, Hit], bool]
) -> Hit | None:
    """The kind of the examples from ``first`` on, named before what it is for, taken out of
    its run; None when the words before the examples name no such kind."""
    for run in reversed(runs[-3:]):
        for at, hit in reversed(list(enumerate(run))):
            if _WHAT_FOR.match(text[hit.end : first.start]) and general(text, hit, first):
                return run.pop(at)
    return None

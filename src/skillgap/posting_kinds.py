"""The kind a list of examples belongs to, taken out of the skills named before it.

"ML frameworks such as PyTorch": the last skill before the examples is their kind. Two more
ways of naming a kind, seen on postings the reader had never met:

- names joined by a slash share the kind noun ("JavaScript/TypeScript frameworks such as
  React or Vue"): each is the kind, so all are one requirement with the examples;
- names joined by "and" share it too ("SQL and NoSQL databases (e.g. Postgres, Cassandra)"):
  "and" keeps them two requirements, so an example that is one of them again is no
  example of the other.
"""

from __future__ import annotations

import re

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

"""Alternatives in a posting's sentence: which named skills are one requirement.

A recruiter reads "Python, Java or C++" as one requirement met by any of them, and
"Python and SQL" as two. Lists of examples are one requirement too, however they are joined:

- introduced by "such as", "e.g.", "i.e.", "including", "like", "for example", or in
  parentheses after a kind ("a cloud platform (AWS, GCP)": the kind and its examples);
- closed by "etc.", "or similar", "or equivalent", "or another/other/related X";
- joined by "or", "and/or" or slashes.

A kind named before its examples ("cloud platforms such as AWS and Azure", "ML frameworks
(PyTorch, JAX)") is said by them and is no requirement of its own; a skill that is no kind
("Python (pandas, NumPy)") stays one, and its examples are another.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from skillgap.matching import Hit
from skillgap.taxonomy import Taxonomy

#: What may stand between two skills of one list: commas, "or", "and", slashes, parentheses.
_JOINER = re.compile(
    r"^[\s,;/&()\[\]]*((\b(or|and/or|and|either|as well as|plus)\b|&)[\s,;/()\[\]]*)?$",
    re.IGNORECASE,
)
#: Words before a list that make it a list of examples ("such as", "e.g.", "(").
_INTRODUCER = re.compile(
    r"(\bsuch as|\be\.?g\.?|\bi\.?e\.?|\bincluding|\blike|\bfor (example|instance)|"
    r"\bespecially|\bparticularly|\bnamely|\bsome of|\bone or more of|\bany of|\bat least one of"
    r"|\bof the following|\bsimilar to|\bfrom)\b[\s,:]*(\S+[\s,]+){0,2}$|\(\s*(\S+[\s,]+){0,2}$",
    re.IGNORECASE,
)
#: Words after a list that make it a list of examples ("etc.", "or similar", "or another language").
_CLOSER = re.compile(
    r"^[\s,)]*(\betc\b|\band so on\b|\bor (an?|any|some|the)?\s*(other|another|similar|"
    r"equivalent|related|comparable|alike|like|others)\b|\bor (an?|any|some) \w+ (equivalent|"
    r"alternative)|\bor (its|their) equivalents?\b|\band/or (other|similar)\b|\bor equivalents?\b"
    r"|\bor any\b)",
    re.IGNORECASE,
)
_OR = re.compile(r"\bor\b|/|\bnor\b", re.IGNORECASE)
#: Nouns that make a skill's name a kind of things ("cloud platforms", "ML frameworks").
_KIND_NOUN = re.compile(
    r"\b(platforms?|frameworks?|tools?|tooling|librar(y|ies)|languages?|databases?|stores?|"
    r"technolog(y|ies)|services?|providers?|stacks?|systems?|solutions?|engines?|"
    r"environments?|ecosystems?|packages?|toolkits?)\b",
    re.IGNORECASE,
)


def alternative_groups(
    text: str, hits: Sequence[Hit], taxonomy: Taxonomy, *, all_one: bool = False
) -> list[tuple[str, ...]]:
    """Split one sentence's skills (in order) into requirements, each a tuple of skill ids
    any of which meets it. ``all_one``: the sentence is an item of an "any of the following"
    list, so its skills are one set of alternatives."""
    runs: list[list[Hit]] = []
    for hit in hits:
        if runs and _JOINER.match(text[runs[-1][-1].end : hit.start]):
            runs[-1].append(hit)
        else:
            runs.append([hit])
    # "frameworks such as TensorFlow and Keras": a kind named just before a list of examples.
    for index in range(1, len(runs)):
        kind, first = runs[index - 1][-1], runs[index][0]
        if _INTRODUCER.search(text[kind.end : first.start]) and _general(text, kind, first):
            runs[index - 1].pop()
    groups: list[tuple[str, ...]] = []
    for run in runs:
        if run:
            groups.extend(_run_groups(text, run))
    if all_one and groups:
        return [tuple(dict.fromkeys(s for g in groups for s in g))]
    return groups


def _general(text: str, kind: Hit, first_example: Hit) -> bool:
    """Whether a skill named before examples is the general kind they are examples of
    ("cloud platforms (AWS, GCP)", "ML frameworks such as"): a noun of kinds follows it."""
    gap = text[kind.start : first_example.start]
    return len(gap) <= 60 and _KIND_NOUN.search(gap) is not None


def _run_groups(text: str, run: list[Hit], *, kinds: bool = True) -> list[tuple[str, ...]]:
    """The requirements of one run of skills joined only by commas, 'and', 'or'..."""
    ids = list(dict.fromkeys(h.skill_id for h in run))
    if len(ids) < 2:
        return [tuple(ids)]
    if kinds and "(" in text[run[0].end : run[1].start]:
        # A skill then examples in parentheses: the kind is said by them, or stands apart.
        examples = _run_groups(text, run[1:], kinds=False)
        kind = [] if _general(text, run[0], run[1]) else [(run[0].skill_id,)]
        return [*kind, tuple(dict.fromkeys(s for g in examples for s in g))]
    joiners = [text[a.end : b.start] for a, b in pairwise(run)]
    before = text[max(0, run[0].start - 60) : run[0].start]
    after = text[run[-1].end : run[-1].end + 60]
    listed = _INTRODUCER.search(before) is not None or _CLOSER.match(after) is not None
    either = _OR.search(joiners[-1]) is not None or all("/" in j for j in joiners)
    if listed or either:
        return [tuple(ids)]
    return [(skill_id,) for skill_id in ids]

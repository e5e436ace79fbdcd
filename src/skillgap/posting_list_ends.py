"""Where a list of alternatives in a posting's sentence ends: examples in parentheses run to
the parenthesis that closes them ("packages (Hugging Face (Transformers, PEFT), NumPy)"), and
a list a lead introduces ("one or more of the following:", "any of:") runs to the sentence's
end or to an ", and" after the "or" that closed it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from skillgap.matching import Hit
from skillgap.posting_sentences import ANY_OF_LEAD, NO_STOP_AFTER

#: "or" as a word (a slash joins two names, not a list).
OR_WORD = re.compile(r"\bor\b|\bnor\b", re.IGNORECASE)
#: A joiner that is only "and" ("Python and SQL" is two requirements).
AND = re.compile(r"[\s,]*\b(and|as well as)\b[\s,]*", re.IGNORECASE)
#: A sentence's end between a list's lead and its first item: the lead is another sentence's.
_STOP = re.compile(rf"{NO_STOP_AFTER}[.;!?]\s")


def any_of_lead(text: str, hits: Sequence[Hit]) -> int | None:
    """Where the list of alternatives that a sentence's lead ("one or more of the following
    X:", "any of:") introduces begins, when skills stand in it; else None."""
    if not hits:
        return None
    line_start = text.rfind("\n", 0, hits[0].start) + 1
    leads = list(ANY_OF_LEAD.finditer(text, line_start, hits[-1].start))
    if not leads:
        return None
    at = leads[-1].end()
    listed = [h for h in hits if h.start >= at]
    if not listed or _STOP.search(text, at, listed[0].start):
        return None  # the lead is another sentence's
    return at


def list_end(text: str, listed: Sequence[Hit]) -> int:
    """How many of the skills after a list's lead are its items: up to an ", and" after the
    "or" that closed it ("one of: Python, Go, or Scala, and Docker")."""
    joiners = [text[a.end : b.start] for a, b in pairwise(listed)]
    ors = [i for i, joiner in enumerate(joiners) if OR_WORD.search(joiner)]
    for i, joiner in enumerate(joiners):
        if ors and i > ors[0] and "," in joiner and AND.fullmatch(joiner):
            return i + 1
    return len(listed)


def closing_joiner(joiners: list[str], start: int, depth: int) -> int | None:
    """The first joiner from ``start`` that closes the parentheses ``depth`` levels out from
    where the run stands there (0: those it stands in)."""
    for index in range(start, len(joiners)):
        depth += joiners[index].count("(") - joiners[index].count(")")
        if depth < 0:
            return index
    return None


def to_closing_parenthesis(text: str, runs: list[list[Hit]], kinds: list[Hit | None]) -> set[int]:
    """Examples in parentheses are all that is named up to the parenthesis that closes them,
    whatever stands between ("packages (Hugging Face (Transformers, PEFT), NumPy)",
    "libraries (pandas (incl. Polars), NumPy)"), and no more ("(e.g. spaCy, Hugging Face
    (Transformers)), and Kubernetes"): the runs and kinds up to there join the first run of
    examples, and what it names after there is a run of its own. Gives the runs, of no kind,
    that hold parentheses of their own inside the ones they stand in ("tools (NumPy (incl.
    SciPy), pandas)"): each is one list of examples."""
    whole: set[int] = set()
    index = 0
    while index < len(runs):
        kind = kinds[index]
        named = [h for later in range(index, len(runs)) for h in _kind_and_run(runs, kinds, later)]
        lead = 0 if kind is None else 1
        if len(named) <= lead:
            index += 1
            continue
        first = named[lead]
        prior = [h.end for run in runs[:index] for h in run if h.end <= first.start]
        line_start = text.rfind("\n", 0, first.start) + 1
        begin = kind.end if kind is not None else max([line_start, *prior])
        open_at = text.rfind("(", begin, first.start)
        between = text[begin : first.start]
        if open_at < 0 or between.count("(") <= between.count(")"):
            index += 1
            continue
        depth, close = 0, open_at
        line_end = text.find("\n", open_at)
        for close in range(open_at, len(text) if line_end < 0 else line_end):
            depth += {"(": 1, ")": -1}.get(text[close], 0)
            if depth == 0:
                break
        inside = [h for h in named[lead:] if h.start < close]
        later = index + 1
        while later < len(runs) and all(h.start < close for h in runs[later]):
            later += 1  # the runs wholly inside go; the one the parenthesis closes in is cut
        tail = [h for h in (runs[later] if later < len(runs) else []) if h.start > close]
        tail_own = [h for h in runs[index] if h.start > close]
        if later < len(runs):
            after = kinds[later]
            after = after if after is not None and after.start > close else None
            runs[index + 1 : later + 1], kinds[index + 1 : later + 1] = [tail], [after]
        else:
            del runs[index + 1 :], kinds[index + 1 :]
        runs[index] = inside
        if kind is None and "(" in text[inside[0].end : inside[-1].start]:
            whole.add(index)
        if tail_own:
            runs.insert(index + 1, tail_own)
            kinds.insert(index + 1, None)
        index += 1
    return whole


def _kind_and_run(runs: list[list[Hit]], kinds: list[Hit | None], index: int) -> list[Hit]:
    kind = kinds[index]
    return runs[index] if kind is None else [kind, *runs[index]]

"""Where a posting's sentences end: not after "e.g.", "Ph.D." or "etc.", nor inside an aside
in parentheses; whether a line is one sentence (a list item) or a paragraph of prose."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice

#: Abbreviations whose full stop ends no sentence ("e.g. Airflow", "etc. and", "Ph.D. in").
NO_STOP_AFTER = r"(?<!\betc)(?<!\be\.g|\bi\.e)(?<!\beg|\bie|\bvs)(?<!\bincl)(?<!\.[A-Z])(?<!\.Sc)"
SENTENCE_END = re.compile(rf"{NO_STOP_AFTER}[.!?;]\s+\S")
WORDS_AFTER_END = re.compile(rf"{NO_STOP_AFTER}[.!?;]\s+[^\n]*?[^\W\d_]")  # a second sentence
#: The end of a sentence of prose: after a word, before a capital (". NET Core" is none).
PROSE_SENTENCE_END = re.compile(rf"(?<=[\w)\"'\u201d]){NO_STOP_AFTER}[.!?]\s+[A-Z]")


def outside_parentheses(line: str, ends: Iterable[re.Match[str]]) -> Iterator[re.Match[str]]:
    """The sentence ends of a line that stand outside parentheses, in order: an aside ends no
    sentence ("pipelines (eg. Airflow, Prefect, or similar)", "(Ph.D. preferred. Or ...)")."""
    depth, seen = 0, 0
    for end in ends:  # in order: the parentheses are counted once along the line
        depth += line.count("(", seen, end.start()) - line.count(")", seen, end.start())
        seen = end.start()
        if depth <= 0:
            yield end


def first_ends(line: str, pattern: re.Pattern[str], count: int) -> list[re.Match[str]]:
    """The first ``count`` sentence ends of a line outside parentheses (a line of a thousand
    sentences is not read to its end for each of them)."""
    return list(islice(outside_parentheses(line, pattern.finditer(line)), count))


def one_sentence(line: str) -> bool:
    """Whether a line holds one sentence, as a list item does ("... for clients. 20%" too)."""
    return not first_ends(line.strip(), WORDS_AFTER_END, 1)


def paragraph(line: str) -> bool:
    """Whether a line is a paragraph of prose (three sentences or more), not a list item."""
    return len(first_ends(line, PROSE_SENTENCE_END, 2)) >= 2


#: Words that open a list of alternatives inside a sentence, up to its colon ("Experience in
#: one or more of the following ML applications: ...", "Familiarity with any of: ...").
ANY_OF_LEAD = re.compile(
    r"\b(?:one or more|at least one|any one|any|some|either|one)\s+of\s+(?:the\s+)?"
    r"(?:following|these|below)\b[^:\n]{0,100}?:"
    r"|\b(?:one or more|at least one|any one|any|either)\s*(?:of\s*)?:"
    r"|\bone\s+of\s*:",
    re.IGNORECASE,
)
#: Where a sentence ends, not after "e.g." and the like.
_FULL_STOP = re.compile(rf"{NO_STOP_AFTER}[.!?]\s")
#: An item of a list set off by semicolons: a name or a few words, no clause of its own
#: ("Kubernetes is a plus", "we use Go").
_SEMICOLON_ITEM = re.compile(
    r"(?!.*\b(?:is|are|be|will|must|should|would|we|you|plus|preferred|required|desired|"
    r"bonus|nice|ideally|helpful)\b)\W*(?:[^\s;]+\s+){0,7}[^\s;]+\W*",
    re.IGNORECASE,
)


def list_semicolons(line: str) -> set[int]:
    """Where in a line semicolons set off the items of a list of alternatives, so end no
    sentence ("Experience in one or more of: PyTorch; JAX; TensorFlow"); not after the
    list's last item ("any of: Go, Rust; Kubernetes is a plus")."""
    found: set[int] = set()
    for lead in ANY_OF_LEAD.finditer(line):
        end = _FULL_STOP.search(line, lead.end())
        stretch = line[lead.end() : end.start() if end else len(line)]
        parts = stretch.split(";")
        items = 0
        while items < len(parts) and _SEMICOLON_ITEM.fullmatch(parts[items].strip()):
            items += 1
        at = lead.end()
        for part in parts[: max(items - 1, 0)]:
            at += len(part)
            found.add(at)
            at += 1
    return found

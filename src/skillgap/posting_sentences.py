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

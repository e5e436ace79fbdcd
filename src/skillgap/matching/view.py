"""One token view of a text, shared by every stage of the matcher.

spaCy attribute access is slow in Python loops, so the attributes every stage reads are taken
once per text as one array, and the flags derived from them (where a list item opens and
closes, where no rule may cross) are computed on that array as a whole.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from skillgap.matching.hit import Hit

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from skillgap.matching.tokens import EnglishTokenizer

#: Tokens that separate items of a skills list.
LIST_SEPARATORS = frozenset(
    {
        ",", ";", "/", "|", "•", "·", "●", "○", "▪", "■", "◦", "*", "(", ")", "[", "]", ":",
        "and", "or", "&", "+",
        "\u2013",  # en dash
        "\u2014",  # em dash
        "-", "'", '"', "“", "”",
    }
)  # fmt: skip
_DASHES = frozenset({"-", "\u2013", "\u2014"})
#: Tokens that no rule match crosses (nor white space tokens: blank lines).
RULE_STOPS = frozenset({".", ";", "!", "?", "•", "|", "●", "▪"})
_FULL_STOP = frozenset({"."})
#: Longest hit text kept in full.
_MAX_HIT_TEXT = 120


class LineIndex:
    """Maps character offsets to 1-based line numbers and sections."""

    def __init__(self, text: str, line_sections: Sequence[str | None]) -> None:
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]
        self._sections = line_sections

    def section(self, line: int) -> str | None:
        return self._sections[line - 1] if 0 < line <= len(self._sections) else None


class TokenView:
    """A text's tokens and the attributes of each that the stages read."""

    def __init__(self, doc: Doc, text: str, lines: LineIndex) -> None:
        import numpy
        from spacy.attrs import IDX, IS_ALPHA, IS_SPACE, LOWER, SPACY

        self.doc = doc
        self.text = text  # what was tokenized: the text of every span, without building it
        self.line_index = lines
        array = doc.to_array([LOWER, IS_ALPHA, SPACY, IDX, IS_SPACE])
        keys = array[:, 0]
        size = len(keys)
        strings = doc.vocab.strings
        self.lowers: list[str] = [strings[key] for key in keys.tolist()]
        self.alpha: list[bool] = (array[:, 1] == 1).tolist()
        spaced = array[:, 2] == 1
        self.spaced: list[bool] = spaced.tolist()
        offsets = array[:, 3].astype(numpy.int64)
        self.offsets: list[int] = offsets.tolist()
        space = array[:, 4] == 1
        starts = numpy.asarray(lines.starts, dtype=numpy.int64)
        lines_of = numpy.searchsorted(starts, offsets, side="right")
        #: The 1-based line of each token.
        self.lines: list[int] = lines_of.tolist()
        #: The tokens that no rule match crosses.
        self.stops: list[int] = numpy.flatnonzero(space | among(keys, RULE_STOPS)).tolist()
        self._stretch_ends = [*self.stops, size]
        separator = space | among(keys, LIST_SEPARATORS)
        # A dash separates list items only with spaces around it: "end-to-end" does not.
        dashes = among(keys, _DASHES)
        spaced_before = numpy.roll(spaced, 1)
        spaced_before[:1] = True
        separator[dashes] = spaced_before[dashes] & spaced[dashes]
        new_line = numpy.ones(size + 1, dtype=bool)  # at each token (and the end): a new line
        new_line[0] = False
        new_line[1:size] = lines_of[1:] != lines_of[:-1]
        #: Nothing but a separator or a line break before a token: a list item starts there.
        self.opens: list[bool] = [True, *(separator[:-1] | new_line[1:size]).tolist()]
        #: A list item ends before each token (or the end): a separator, a line break, or a
        #: full stop that closes the list (white space or a line break after it).
        after_stop = numpy.append(space[1:], True) | new_line[1:]
        closed = separator | new_line[:size] | (among(keys, _FULL_STOP) & after_stop)
        self.closed: list[bool] = [*closed.tolist(), True]

    @classmethod
    def of(
        cls, text: str, line_sections: Sequence[str | None], tokenizer: EnglishTokenizer
    ) -> TokenView:
        """The view of a text whose lines are separated by newlines.

        Lines are joined for matching so that a phrase wrapped across two lines of a PDF still
        matches; offsets are unchanged, so each token still knows its line.
        """
        one_line = break_long_runs(text.replace("\n", " "))
        return cls(tokenizer(one_line), one_line, LineIndex(text, line_sections))

    def stretch_of(self, token: int) -> int:
        """The number of the stretch a token is in: stretches are the runs of tokens between
        stops, numbered in text order, and stretch k ends at the k-th stop (a stop itself
        counts as in the stretch that it ends, though that stretch's tokens exclude it)."""
        return bisect_left(self._stretch_ends, token)

    def stretch(self, number: int) -> tuple[int, int]:
        """The first token of a stretch and the stop (or the end of the text) after it."""
        end = self._stretch_ends[number]
        return (self._stretch_ends[number - 1] + 1 if number else 0), end

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        """The character offsets of tokens ``start`` to ``end``: tokens and the single spaces
        after some of them cover the text, so a token ends where the next one starts, less
        its space."""
        stop = self.offsets[end] if end < len(self.offsets) else len(self.text)
        return self.offsets[start], stop - self.spaced[end - 1]

    def text_of(self, start: int, end: int) -> str:
        first, stop = self.char_span(start, end)
        return self.text[first:stop]

    def section_of(self, token: int) -> str | None:
        return self.line_index.section(self.lines[token])

    def hit(
        self,
        skill_id: str,
        start: int,
        end: int,
        method: str,
        confidence: float,
        context: str | None = None,
    ) -> Hit:
        """The hit of a skill on tokens ``start`` to ``end``."""
        first, stop = self.char_span(start, end)
        text = self.text[first:stop]
        line = self.lines[start]
        return Hit(
            skill_id=skill_id,
            start=first,
            end=stop,
            text=text if len(text) <= _MAX_HIT_TEXT else text[: _MAX_HIT_TEXT - 3] + "...",
            line=line,
            section=self.line_index.section(line),
            method=method,
            confidence=confidence,
            context=context,
        )

    def bounded(self, start: int, end: int) -> bool:
        """The tokens stand alone as a list item: separators or line ends around them."""
        return self.opens[start] and self.closed[end]


def among(keys: Any, words: frozenset[str]) -> Any:
    """Which of these spaCy string ids (an array) are those of the words, as a boolean array.

    The same as ``numpy.isin(keys, ids of words)`` (a property test checks it against the
    words themselves), done by a binary search over the sorted ids because ``numpy.isin``
    imports ``numpy.ma``, which a cold start would pay for.
    """
    import numpy

    ids = _sorted_ids(words)
    return ids[numpy.searchsorted(ids, keys).clip(max=len(ids) - 1)] == keys


@cache
def _sorted_ids(words: frozenset[str]) -> Any:
    import numpy
    from spacy.strings import get_string_id

    return numpy.array(sorted(get_string_id(word) for word in words), dtype=numpy.uint64)


_LONG_RUN = re.compile(r"(?<!\S)\S{1000,}")  # tried only where a run starts


def break_long_runs(text: str) -> str:
    """Cut runs of 1,000+ characters without a space every 100 characters.

    No word is that long; such runs come from binary junk or deeply nested brackets, and the
    tokenizer's prefix and suffix search is slow on them. Lengths and offsets do not change.
    """

    def cut(match: re.Match[str]) -> str:
        characters = list(match.group(0))
        characters[99::100] = " " * len(characters[99::100])
        return "".join(characters)

    return _LONG_RUN.sub(cut, text)

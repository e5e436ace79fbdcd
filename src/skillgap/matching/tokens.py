"""The tokenizer of ``spacy.blank("en")``, built for a cold start and for batches.

Building ``spacy.blank("en")`` adds well over a thousand English tokenizer exceptions ("e.g.",
"don't", ":)") one by one, a large share of what a cold ``skillgap analyze`` adds to starting
Python and spaCy. A special case can only change the tokens of a text that contains its string,
so a special case is added when a text first contains it. Scanning every new word for them costs
more than adding them all once, so the matcher adds them all from its second text, and a
parallel batch before forking (:meth:`EnglishTokenizer.add_all_special_cases`). The tokens are
those of ``spacy.blank("en")`` either way (``tests/test_matching.py``).

spaCy's tokenizer caches the tokens of each chunk (a run of non-space characters), but within
one call it caches no chunk after one that hit a special case, and nearly every resume has one
early. Its cache so stayed nearly empty, and every resume paid for affix splitting again in a
batch. New chunks are therefore tokenized apart first (see ``_fill_cache``), which caches
exactly the tokens the whole text gives them. ``benchmarks/speed.py`` measures both effects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

#: Chunks whose tokens spaCy keeps (its default, 10,000, is filled by a few dozen resumes).
_CACHE_SIZE = 100_000


@cache
def affixes() -> tuple[list[str], list[str]]:
    """spaCy's English prefixes and suffixes, with one addition: a slash at the edge of a word
    is a token of its own, as one between two words already is. PDFs and hand-typed lists
    write "Kafka/ Flink" and "Go /Rust", where spaCy's "Kafka/" and "/Rust" were no skill.
    An address keeps its body ("https://x.com/a/" loses only its last slash)."""
    from spacy.lang.en import English

    defaults = English.Defaults
    # And "in" or "of" glued to a degree's last full stop ("Ph.D.in Physics", "M.S.in
    # Statistics": PDFs drop the space) is a word of its own.
    glued = r"(?<=[A-Za-z]\.)(?:in|of)"
    return [*defaults.prefixes, "/"], [*defaults.suffixes, "/", glued]  # type: ignore[misc]


@cache
def infixes() -> list[str]:
    """spaCy's English infixes, with a slash after "+" or "#" split off as after a letter:
    "C++/CUDA" and "C#/Java" are two names, where spaCy kept one token that named no skill."""
    from spacy.lang.en import English

    return [*English.Defaults.infixes, r"(?<=[+#])/(?=[A-Za-z])"]


class EnglishTokenizer:
    """``spacy.blank("en").tokenizer`` on a given vocabulary (with a slash at a word's edge
    split off: affixes), special cases added on demand, every chunk cached."""

    def __init__(self, vocab: Vocab | None = None) -> None:
        from spacy.lang.en import English
        from spacy.tokenizer import Tokenizer
        from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
        from spacy.vocab import create_vocab

        defaults = English.Defaults
        self.vocab = vocab if vocab is not None else create_vocab("en", defaults)
        self._tokenizer: Any = Tokenizer(
            self.vocab,
            prefix_search=compile_prefix_regex(affixes()[0]).search,
            suffix_search=compile_suffix_regex(affixes()[1]).search,
            infix_finditer=compile_infix_regex(infixes()).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
            max_cache_size=_CACHE_SIZE,
        )
        exceptions: dict[str, Any] = dict(defaults.tokenizer_exceptions)
        # Special cases with white space in them ("\n", "\xa0") are not inside any chunk.
        for string in [s for s in exceptions if any(c.isspace() for c in s)]:
            self._tokenizer.add_special_case(string, exceptions.pop(string))
        self._pending = exceptions
        self._longest = max(map(len, exceptions))
        self._specials = frozenset(defaults.tokenizer_exceptions)
        self._cached: set[str] = set()  # chunks tokenized since spaCy's cache was last emptied

    def __call__(self, text: str) -> Doc:
        chunks = set(text.split())
        if self._pending:
            self._add_special_cases({s for c in chunks for s in _candidates(c, self._longest)})
        self._fill_cache(chunks - self._cached)
        doc: Doc = self._tokenizer(text)
        return doc

    def pipe(self, texts: Iterable[str]) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def add_all_special_cases(self) -> None:
        """Add every special case not added yet: once, for many texts."""
        self._add_special_cases(list(self._pending))

    def _add_special_cases(self, strings: Iterable[str]) -> None:
        """Add the special cases among these strings."""
        added = False
        for string in strings:
            substrings = self._pending.pop(string, None)
            if substrings is not None:
                self._tokenizer.add_special_case(string, substrings)
                added = True
        if added:
            self._cached.clear()  # adding a special case empties spaCy's cache

    def _fill_cache(self, chunks: set[str]) -> None:
        """Tokenize the chunks not cached yet so that spaCy caches them (past the size of its
        cache nothing more is cached: stop trying). Words of letters only hit no special case
        unless they are one ("cannot"), so they go in one call; the others one by one, since
        a special case stops the caching of every chunk after it in the same call."""
        if len(self._cached) >= self._tokenizer.max_cache_size:
            return
        words = [c for c in chunks if c.isalpha() and c not in self._specials]
        self._tokenizer(" ".join(words))
        for chunk in chunks.difference(words):
            self._tokenizer(chunk)
        self._cached |= chunks


def _candidates(chunk: str, longest: int) -> Iterator[str]:
    """The pieces of a chunk that a special case may be: a chunk of letters only is never split
    by affixes, so only the whole of it; any other, each substring up to ``longest``."""
    if chunk.isalpha():
        yield chunk
        return
    for start in range(len(chunk)):
        for end in range(start + 1, min(len(chunk), start + longest) + 1):
            yield chunk[start:end]

"""The tokenizer of ``spacy.blank("en")``, with its special cases loaded as texts need them.

Building ``spacy.blank("en")`` spends about 45 ms adding the 1,347 English tokenizer
exceptions ("e.g.", "don't", ":)") one by one: a third of what a cold ``skillgap analyze`` adds
to starting Python and spaCy. A special case can only change the tokens of a text that contains
its string, so a special case is added when a text first contains it, and the tokens are the
same as those of ``spacy.blank("en")`` (``tests/test_matching.py`` compares them on the corpus).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

#: Chunks already checked for special cases; forgotten past this many to bound memory.
_MAX_SEEN = 200_000


class EnglishTokenizer:
    """``spacy.blank("en").tokenizer`` on a given vocabulary, special cases added on demand."""

    def __init__(self, vocab: Vocab | None = None) -> None:
        from spacy.lang.en import English
        from spacy.tokenizer import Tokenizer
        from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
        from spacy.vocab import create_vocab

        defaults = English.Defaults
        self.vocab = vocab if vocab is not None else create_vocab("en", defaults)
        self._tokenizer: Any = Tokenizer(
            self.vocab,
            prefix_search=compile_prefix_regex(defaults.prefixes).search,  # type: ignore[arg-type]
            suffix_search=compile_suffix_regex(defaults.suffixes).search,  # type: ignore[arg-type]
            infix_finditer=compile_infix_regex(defaults.infixes).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )
        exceptions: dict[str, Any] = dict(defaults.tokenizer_exceptions)
        # Special cases with white space in them ("\n", "\xa0") are not inside any chunk.
        for string in [s for s in exceptions if any(c.isspace() for c in s)]:
            self._tokenizer.add_special_case(string, exceptions.pop(string))
        self._pending = exceptions
        self._longest = max(map(len, exceptions))
        self._seen: set[str] = set()

    def __call__(self, text: str) -> Doc:
        self._add_special_cases(text)
        doc: Doc = self._tokenizer(text)
        return doc

    def pipe(self, texts: Iterable[str]) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def _add_special_cases(self, text: str) -> None:
        """Add the special cases that occur in ``text``: each lies inside one of its chunks."""
        if not self._pending:
            return
        chunks = set(text.split()) - self._seen
        if len(self._seen) > _MAX_SEEN:
            self._seen.clear()
        self._seen |= chunks
        for chunk in chunks:
            for string in _candidates(chunk, self._longest):
                substrings = self._pending.pop(string, None)
                if substrings is not None:
                    self._tokenizer.add_special_case(string, substrings)


def _candidates(chunk: str, longest: int) -> Iterator[str]:
    """The pieces of a chunk that a special case may be: a chunk of letters only is never split
    by affixes, so only the whole of it; any other, each substring up to ``longest``."""
    if chunk.isalpha():
        yield chunk
        return
    for start in range(len(chunk)):
        for end in range(start + 1, min(len(chunk), start + longest) + 1):
            yield chunk[start:end]

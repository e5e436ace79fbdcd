"""Words joined by a slash that share the rest of a name: "data/backend engineer" is a data
engineer or a backend engineer, "frontend/backend developer" a frontend or a backend developer.

The phrase matchers find the name after the slash; the word before the slash, read with the
rest of that name, is a form of its own when the taxonomy has it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from skillgap.matching.compiled import Form, PhraseSet


class SharedNames:
    """The lowercase forms of several words of every skill, to read a word before a slash
    with the rest of the name after it."""

    def __init__(self, sets: Sequence[PhraseSet]) -> None:
        self._forms: dict[Form, str] = {}
        for phrase_set in sets:
            kind, skill_id = phrase_set.label.split(":", 1)
            if kind == "alias":
                for form in phrase_set.forms:
                    if len(form) > 1:
                        self._forms.setdefault(form, skill_id)

    def find(
        self, doc: Doc, names: Sequence[tuple[str, int, int]]
    ) -> Iterator[tuple[str, int, int, str]]:
        """For each name found (skill id, first token, end token) of several words right
        after "word/", the skill the word names with the rest of it: (skill id, the word's
        token, the token after it, the words as written)."""
        for skill_id, start, end in names:
            if end - start < 2 or start < 2 or doc[start - 1].text != "/":
                continue
            word = doc[start - 2]
            if not word.is_alpha:
                continue
            form = (word.lower_, *(token.lower_ for token in doc[start + 1 : end]))
            shared = self._forms.get(form)
            if shared is not None and shared != skill_id:
                yield shared, start - 2, start - 1, doc[start - 2 : end].text

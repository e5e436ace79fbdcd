"""pylatexenc's LaTeX-to-text conversion, set up once and walked a word at a time.

pylatexenc (2.x) builds its tables of macros, environments and specials anew for every
:class:`LatexNodes2Text` and every :class:`LatexWalker`, and its walker reads text one
character per token (each checked against every special). Here the tables are built once per
process, and :class:`WordWalker` hands the walker a whole run of words as one token where only
the walker's own text collection reads it: the text and the nodes are those of pylatexenc's
walker, a test checks so (``tests/test_readers.py``). Nothing in the source is ever executed.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pylatexenc import latexwalker
from pylatexenc.latex2text import LatexNodes2Text
from pylatexenc.version import version_str

#: Words and the white space between them. A word is letters, digits, other characters than
#: ASCII (but white space) and the punctuation ``" + , . / : ; = @ |``: no special, brace,
#: bracket, macro, comment, star or math delimiter starts with one, so pylatexenc reads them
#: as plain characters, one token each. Leading white space is the token's, as it is for
#: pylatexenc's own tokens.
_WORD = r"[^\s\x00-\x21\x23-\x2a\x2d\x3c\x3e\x3f\x5b-\x60\x7b\x7d-\x7f]+"
_WORDS = re.compile(rf"(\s*)({_WORD}(?:\s+{_WORD})*)")
#: What follows ``\begin`` or ``\end``: pylatexenc matches this on a copy of the rest of the
#: source, once per environment (quadratic in long sources); here in place.
_ENVIRONMENT_NAME = re.compile(r"\s*\{([\w* ._-]+)\}")
_SPACE = re.compile(r"\s*")
#: The walker's internals that :class:`WordWalker` relies on are those of pylatexenc 2.
_WORDS_AT_ONCE = version_str.startswith("2.")


class WordWalker(latexwalker.LatexWalker):  # type: ignore[misc]
    """A :class:`LatexWalker` that reads a run of words as one character token.

    Only the walker's node reading (``get_latex_nodes``) asks for a token with environments
    on and takes a character token's text as it is; macro arguments, which take a single
    character, ask with environments off and get pylatexenc's own tokens.
    """

    def get_token(
        self,
        pos: int,
        include_brace_chars: Any = None,
        environments: bool = True,
        keep_inline_math: Any = None,
        parsing_state: Any = None,
        **kwargs: Any,
    ) -> Any:
        if environments and keep_inline_math is None and not kwargs:
            source: str = self.s
            words = _WORDS.match(source, pos)
            if words is not None:
                space, text = words.group(1, 2)
                return latexwalker.LatexToken(
                    tok="char", arg=text, pos=words.start(2), len=len(text), pre_space=space
                )
            token = self._environment_token(source, pos)
            if token is not None:
                return token
        return super().get_token(
            pos,
            include_brace_chars=include_brace_chars,
            environments=environments,
            keep_inline_math=keep_inline_math,
            parsing_state=parsing_state,
            **kwargs,
        )

    @staticmethod
    def _environment_token(source: str, pos: int) -> Any:
        """``\\begin{name}`` or ``\\end{name}`` at ``pos`` (after white space) as pylatexenc
        reads it, or None for anything else: another token, another macro, a malformed
        environment, or a blank line first (a paragraph token), all left to pylatexenc."""
        space = _SPACE.match(source, pos).group()  # type: ignore[union-attr]
        start = pos + len(space)
        if "\n\n" in space or not source.startswith(("\\begin", "\\end"), start):
            return None
        macro = "begin" if source.startswith("\\begin", start) else "end"
        after = start + 1 + len(macro)
        if after < len(source) and source[after].isalpha():
            return None  # \beginning, \endgroup: other macros
        name = _ENVIRONMENT_NAME.match(source, after)
        if name is None:
            return None
        return latexwalker.LatexToken(
            tok="begin_environment" if macro == "begin" else "end_environment",
            arg=name.group(1),
            pos=start,
            len=name.end() - start,
            pre_space=space,
        )


@cache
def _walker_context() -> Any:
    return latexwalker.get_default_latex_context_db()


@cache
def _converter() -> LatexNodes2Text:
    return LatexNodes2Text(math_mode="text", strict_latex_spaces=False)


def latex_to_text(source: str, *, words_at_once: bool = _WORDS_AT_ONCE) -> str:
    """The text pylatexenc makes of ``source`` (its errors are raised)."""
    walker_class = WordWalker if words_at_once else latexwalker.LatexWalker
    walker = walker_class(source, latex_context=_walker_context())
    nodes = walker.get_latex_nodes()[0]
    return str(_converter().nodelist_to_text(nodes))

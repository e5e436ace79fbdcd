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
#: ASCII (but white space), the punctuation ``" # + , . / : ; = @ ^ _ |``, and the characters
#: that start one of pylatexenc's specials (a dash, quotes, ``!`` and ``?``) where they do not
#: start it: no special, brace, bracket, macro, comment, star or math delimiter starts with
#: one, so pylatexenc reads them as plain characters, one token each. Leading white space is
#: the token's, as it is for pylatexenc's own tokens.
_WORD_CHAR = (
    r"(?:[^\s\x00-\x21\x24-\x2a\x2d\x3c\x3e\x3f\x5b-\x5d\x60\x7b\x7d-\x7f]"
    r"|-(?!-)|'(?!')|`(?!`)|[!?](?!`))"
)
_WORD = rf"{_WORD_CHAR}+"
_WORDS = re.compile(rf"(\s*)({_WORD}(?:\s+{_WORD})*)")
#: A group that holds nothing but words and white space: ``{}``, ``{Spanish Linguistics}``.
_PLAIN_GROUP = re.compile(rf"\{{((?:\s|{_WORD_CHAR})*)\}}")
#: What follows ``\begin`` or ``\end``: pylatexenc matches this on a copy of the rest of the
#: source, once per environment (quadratic in long sources); here in place.
_ENVIRONMENT_NAME = re.compile(r"\s*\{([\w* ._-]+)\}")
_SPACE = re.compile(r"\s*")
#: A macro named by letters, and the white space after it.
_MACRO = re.compile(r"\\([A-Za-z]+)(\s*)")
#: The walker's internals that :class:`WordWalker` relies on are those of pylatexenc 2.
_WORDS_AT_ONCE = version_str.startswith("2.")


class WordWalker(latexwalker.LatexWalker):  # type: ignore[misc]
    """A :class:`LatexWalker` that reads a run of words as one character token, and reads
    braces, macros and groups of plain words without pylatexenc's general machinery.

    Only the walker's node reading (``get_latex_nodes``) asks for a token with environments
    on and takes a character token's text as it is; macro arguments, which take a single
    character, ask with environments off and get pylatexenc's own tokens. Braces and macros
    are the same tokens whoever asks.
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
        if not kwargs:
            source: str = self.s
            if environments and keep_inline_math is None:
                words = _WORDS.match(source, pos)
                if words is not None:
                    space, text = words.group(1, 2)
                    return latexwalker.LatexToken(
                        tok="char", arg=text, pos=words.start(2), len=len(text), pre_space=space
                    )
            token = self._plain_token(source, pos, environments)
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

    def get_latex_braced_group(
        self, pos: int, brace_type: str = "{", parsing_state: Any = None
    ) -> Any:
        """A braced group as pylatexenc reads it; one of plain words directly (its text is
        one characters node, as pylatexenc's node reading makes it)."""
        group = _PLAIN_GROUP.match(self.s, pos) if brace_type == "{" else None
        if group is None or parsing_state is None:
            return super().get_latex_braced_group(pos, brace_type, parsing_state)
        text = group.group(1)
        nodes = []
        if text:
            nodes.append(
                self.make_node(
                    latexwalker.LatexCharsNode,
                    parsing_state=parsing_state,
                    chars=text,
                    pos=pos + 1,
                    len=len(text),
                )
            )
        return self._mknodeposlen(
            latexwalker.LatexGroupNode,
            nodelist=nodes,
            parsing_state=parsing_state,
            delimiters=("{", "}"),
            pos=pos,
            len=len(text) + 2,
        )

    @staticmethod
    def _plain_token(source: str, pos: int, environments: bool) -> Any:
        """A brace, a macro named by letters, or (with environments on) ``\\begin{name}`` or
        ``\\end{name}`` at ``pos`` (after white space) as pylatexenc reads it; None for
        anything else, or a blank line first (a paragraph token), all left to pylatexenc."""
        space = _SPACE.match(source, pos).group()  # type: ignore[union-attr]
        start = pos + len(space)
        if "\n\n" in space or start >= len(source):
            return None
        char = source[start]
        if char == "{" or char == "}":
            return latexwalker.LatexToken(
                tok="brace_open" if char == "{" else "brace_close",
                arg=char,
                pos=start,
                len=1,
                pre_space=space,
            )
        macro = _MACRO.match(source, start) if char == "\\" else None
        if macro is None:
            return None
        name, post_space = macro.group(1, 2)
        if environments and name in ("begin", "end"):
            return _environment_token(source, start, name, space)
        after = macro.end(1)
        if after < len(source) and source[after].isalpha():
            return None  # a name that goes on in letters other than ASCII
        if "\n\n" in post_space:  # a blank line after the macro is a paragraph, not its space
            post_space = post_space[: post_space.index("\n\n")]
        return latexwalker.LatexToken(
            tok="macro",
            arg=name,
            pos=start,
            len=1 + len(name) + len(post_space),
            pre_space=space,
            post_space=post_space,
        )


def _environment_token(source: str, start: int, macro: str, space: str) -> Any:
    """``\\begin{name}`` or ``\\end{name}`` at ``start`` as pylatexenc reads it, or None
    for another macro (``\\beginning``, ``\\endgroup``) or a malformed environment."""
    after = start + 1 + len(macro)
    if after < len(source) and source[after].isalpha():
        return None
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

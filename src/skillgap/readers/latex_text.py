"""pylatexenc's LaTeX-to-text conversion, set up once and walked a word at a time.

pylatexenc (2.x) builds its tables of macros, environments and specials anew for every
:class:`LatexNodes2Text` and every :class:`LatexWalker`, and its walker reads text one
character per token (each checked against every special). Here the tables are built once per
process, and :class:`WordWalker` hands the walker a whole run of words as one token where only
the walker's own text collection reads it, reads braces and macros itself, and makes the nodes
of a group of plain words directly: the text and the nodes are those of pylatexenc's walker,
tests check so (``tests/test_reader_speedups.py``). Nothing in the source is ever executed.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pylatexenc import latexwalker, macrospec
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
from pylatexenc.version import version_str

from skillgap.readers.links import github_text, link_text

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
#: After white space (the token's), a run of words, a brace, or a macro named by letters with
#: the white space after it: the tokens :class:`WordWalker` reads itself.
_TOKEN = re.compile(rf"(\s*+)(?:({_WORD}(?:\s+{_WORD})*)|([{{}}])|\\([A-Za-z]+)(\s*+))")
#: A group that holds nothing but words and white space: ``{}``, ``{Spanish Linguistics}``.
_PLAIN_GROUP = re.compile(rf"\{{((?:\s|{_WORD_CHAR})*)\}}")
#: What follows ``\begin`` or ``\end``: pylatexenc matches this on a copy of the rest of the
#: source, once per environment (quadratic in long sources); here in place.
_ENVIRONMENT_NAME = re.compile(r"\s*\{([\w* ._-]+)\}")
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
            words = environments and keep_inline_math is None
            token = self._own_token(pos, words=words, environments=environments)
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
                latexwalker.LatexCharsNode(
                    chars=text, pos=pos + 1, len=len(text), parsing_state=parsing_state
                )
            )
        node = latexwalker.LatexGroupNode(
            nodelist=nodes,
            delimiters=("{", "}"),
            pos=pos,
            len=len(text) + 2,
            parsing_state=parsing_state,
        )
        return node, pos, len(text) + 2

    def _own_token(self, pos: int, *, words: bool, environments: bool) -> Any:
        """At ``pos`` (after white space), a run of words (if ``words``), a brace, a macro
        named by letters, or ``\\begin{name}`` or ``\\end{name}`` (with environments on) as
        pylatexenc reads them; None for anything else, or a blank line before a brace or a
        macro (a paragraph token), all left to pylatexenc."""
        source: str = self.s
        token = _TOKEN.match(source, pos)
        if token is None:
            return None
        space, text, brace, name, post_space = token.groups()
        start = pos + len(space)
        if text is not None:
            # pylatexenc reads a blank line among words as a paragraph token, and its node
            # reading joins it to the words around it as it does here.
            if not words:
                return None
            return latexwalker.LatexToken(
                tok="char", arg=text, pos=start, len=len(text), pre_space=space
            )
        if "\n\n" in space:
            return None
        if brace is not None:
            return latexwalker.LatexToken(
                tok="brace_open" if brace == "{" else "brace_close",
                arg=brace,
                pos=start,
                len=1,
                pre_space=space,
            )
        if environments and name in ("begin", "end"):
            return _environment_token(source, start, name, space)
        after = start + 1 + len(name)
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


#: CV classes' macros for a code-hosting profile (Awesome-CV, AltaCV and many custom classes:
#: ``\\github{user}``): the profile's address, as a link to it would give (evidence of the
#: ``github`` skill), where the bare user name says nothing.
PROFILE_MACROS = {"github": "github.com", "gitlab": "gitlab.com"}
_PLACEHOLDER_USER = re.compile(r"your[\w.-]*|user(name)?|username|x+", re.IGNORECASE)


@cache
def _walker_context() -> Any:
    """pylatexenc's macros, and hyperref's ``\\href{url}{text}``: its walker does not know it
    while its text conversion expects two arguments, and fails on every document with one.
    CV classes' profile macros (``\\github{user}``) take their one argument."""
    context = latexwalker.get_default_latex_context_db().filter_context()
    context.add_context_category(
        "skillgap-links",
        prepend=True,
        macros=[
            macrospec.MacroSpec("href", "{{"),
            *(macrospec.MacroSpec(name, "{") for name in PROFILE_MACROS),
        ],
    )
    return context


def _argument_text(node: Any, index: int, converter: LatexNodes2Text) -> str:
    arguments = node.nodeargd.argnlist if node.nodeargd is not None else []
    if index >= len(arguments) or arguments[index] is None:
        return ""
    return str(converter.nodelist_to_text([arguments[index]]))


def _link_text(node: Any, l2tobj: LatexNodes2Text) -> str:
    """A link as the Markdown reader reads one: its text, and its target only when it is a
    GitHub address (evidence of the ``github`` skill), not every URL's words."""
    return link_text(_argument_text(node, 1, l2tobj), _argument_text(node, 0, l2tobj))


def profile_text(macro: str, user: str) -> str:
    """The text of a profile macro: the profile's address, or nothing without a user or with a
    template's placeholder for one (``\\github{your_id}``)."""
    user = user.strip()
    if not user or _PLACEHOLDER_USER.fullmatch(user):
        return ""
    return f" {PROFILE_MACROS[macro]}/{user} "


def _profile_text(node: Any, l2tobj: LatexNodes2Text) -> str:
    return profile_text(node.macroname, _argument_text(node, 0, l2tobj))


def _title_text(node: Any, l2tobj: LatexNodes2Text) -> str:
    """``\\maketitle``: the title, author and date the document gave, one a line. Not
    pylatexenc's placeholders for those it did not give ("[NO \\title GIVEN]"), nor today's
    date, which is no part of a resume (CV classes redefine ``\\maketitle`` as their header)."""
    given = (getattr(l2tobj, part, "") for part in _DOCUMENT_FIELDS)
    lines = [text.strip() for text in given if text.strip()]
    return "\n".join(lines) + "\n\n" if lines else ""


def _url_text(node: Any, l2tobj: LatexNodes2Text) -> str:
    return github_text(_argument_text(node, 0, l2tobj))


#: Where pylatexenc's converter keeps what ``\title``, ``\author`` and ``\date`` gave.
_DOCUMENT_FIELDS = ("_doc_title", "_doc_author", "_doc_date")


@cache
def _converter() -> LatexNodes2Text:
    context = get_default_latex_context_db().filter_context()
    context.add_context_category(
        "skillgap-links",
        prepend=True,
        macros=[
            MacroTextSpec("href", simplify_repl=_link_text),
            MacroTextSpec("url", simplify_repl=_url_text),
            *(MacroTextSpec(name, simplify_repl=_profile_text) for name in PROFILE_MACROS),
            MacroTextSpec("maketitle", simplify_repl=_title_text),
            MacroTextSpec("today", discard=True),
        ],
    )
    return LatexNodes2Text(latex_context=context, math_mode="text", strict_latex_spaces=False)


def latex_to_text(source: str, *, words_at_once: bool = _WORDS_AT_ONCE) -> str:
    """The text pylatexenc makes of ``source`` (its errors are raised)."""
    walker_class = WordWalker if words_at_once else latexwalker.LatexWalker
    walker = walker_class(source, latex_context=_walker_context())
    nodes = walker.get_latex_nodes()[0]
    converter = _converter()
    # pylatexenc keeps \title, \author and \date on the converter, which is built once: a
    # document's \maketitle must not print the title of the document read before it.
    for part in _DOCUMENT_FIELDS:
        converter.__dict__.pop(part, None)
    return str(converter.nodelist_to_text(nodes))

"""The text pylatexenc makes of LaTeX, read in one pass without building its nodes.

pylatexenc's walker builds an object per token, group and argument, and a class and closures
per group it reads: a moderncv body of a few thousand ``\\cventry{..}{..}`` groups takes it
most of a resume's reading time. :func:`fast_latex_to_text` reads the LaTeX of resumes (text,
groups, macros and their arguments as pylatexenc's tables declare them, environments, the
specials, simple inline math) with pylatexenc's own rules for white space and for each
macro's text, and gives None for anything else (comments, verbatim, display math, a macro
whose text is made by code of pylatexenc's this module does not mirror, unbalanced braces,
letters other than ASCII in a macro's name, ...): the caller then asks pylatexenc.
``tests/test_reader_speedups.py`` checks that both give the same text. Nothing in the source
is executed or expanded: a macro's text is its table entry applied to its arguments' text.
"""

from __future__ import annotations

import re
from functools import cache

from pylatexenc.version import version_str

from skillgap.readers import latex_rules as rules

#: Whether the LaTeX reader tries this reading before pylatexenc's (its tables and rules are
#: those of pylatexenc 2).
ONE_PASS = version_str.startswith("2.")
#: How deep groups, arguments and environments may nest before pylatexenc is asked instead.
MAX_NESTING = 200


#: Plain characters: never the start of a token other than a character (no backslash,
#: brace, dollar, comment, or character a special may start with).
_PLAIN = re.compile(r"[^\\{}$%&~`'!?\-]+")
_PLAIN_IN_BRACKETS = re.compile(r"[^\\{}$%&~`'!?\-\[\]]+")
_PLAIN_GROUP = re.compile(r"\{([^\\{}$%&~`'!?\-]*)\}")
_SPACE = re.compile(r"\s*")
_MATH_CHARS = re.compile(r"[\w\s|]*")
_LETTERS = re.compile(r"[A-Za-z]+")
_ENVIRONMENT_NAME = re.compile(r"\s*\{([\w* ._-]+)\}")


def fast_latex_to_text(source: str) -> str | None:
    """The text pylatexenc makes of ``source``, or None where this reader cannot tell."""
    try:
        return _Reader(source).document()
    except (rules.Unsupported, RecursionError):
        return None


class _Reader:
    def __init__(self, source: str) -> None:
        self.s = source
        self.n = len(source)

    def document(self) -> str:
        text, _ = self.nodes(0, stop=None, math=False, depth=0)
        return text

    def nodes(self, pos: int, *, stop: str | None, math: bool, depth: int) -> tuple[str, int]:
        """The text of the nodes from ``pos`` to ``stop`` (``}``, ``]``, ``$``, an
        environment's name, or None for the end of the source), and the position after it.

        White space as pylatexenc's converter treats it: in text, a run of characters
        (white space alone included) is kept as it is and a macro's trailing space dropped;
        in math, white space alone between constructs is dropped and a macro without
        arguments keeps its trailing space before characters."""
        if depth > MAX_NESTING:
            raise rules.Unsupported
        s, n = self.s, self.n
        plain = _PLAIN_IN_BRACKETS if stop == "]" else _PLAIN
        out: list[str] = []
        chars_start = pos
        bare_space: str | None = None  # the trailing space of a macro without arguments
        specials = _special_pattern()
        while True:
            match = plain.match(s, pos)
            if match:
                pos = match.end()
            if pos >= n:
                if stop is not None:
                    raise rules.Unsupported  # unclosed: pylatexenc recovers in its own way
                _characters(out, s[chars_start:n], math=math, bare_space=bare_space)
                return "".join(out), n
            char = s[pos]
            special = specials.match(s, pos) if char in "&~`'!?-" else None
            if char in "&~`'!?-" and special is None:
                pos += 1  # a plain character after all
                continue
            if pos > chars_start:
                _characters(out, s[chars_start:pos], math=math, bare_space=bare_space)
                bare_space = None
            after_space: str | None = None
            if special is not None:
                if math:
                    raise rules.Unsupported  # specials read otherwise in math mode
                replacement = rules.specials()[special.group(0)]
                if replacement is None:
                    raise rules.Unsupported
                text, pos = replacement, special.end()
            elif char == "{":
                group = None if math else _PLAIN_GROUP.match(s, pos)
                if group is not None:  # most groups: their text is their characters
                    text, pos = group.group(1), group.end()
                else:
                    text, pos = self.nodes(pos + 1, stop="}", math=math, depth=depth + 1)
            elif char == "[" or char == "]":  # only in an optional argument: brackets
                if char == "]":
                    return "".join(out), pos + 1
                text, pos = self.nodes(pos + 1, stop="]", math=math, depth=depth + 1)
            elif char == "}":
                if stop != "}":
                    raise rules.Unsupported
                return "".join(out), pos + 1
            elif char == "$":
                if s.startswith("$$", pos):
                    raise rules.Unsupported
                if math:
                    if stop != "$":
                        raise rules.Unsupported
                    return "".join(out), pos + 1
                text, pos = self.nodes(pos + 1, stop="$", math=True, depth=depth + 1)
                text = text.strip()
            elif char == "\\":
                text, pos, after_space, closed = self.macro(pos, stop=stop, math=math, depth=depth)
                if closed:
                    return "".join(out), pos
            else:  # a comment
                raise rules.Unsupported
            out.append(text)
            bare_space = after_space
            chars_start = pos

    def macro(
        self, pos: int, *, stop: str | None, math: bool, depth: int
    ) -> tuple[str, int, str | None, bool]:
        """A macro (or an environment) at ``pos``: its text, the position after it, its
        trailing space if it took no argument, and whether it is the ``\\end`` that
        closes ``stop``."""
        s, n = self.s, self.n
        if pos + 1 >= n:
            raise rules.Unsupported
        letters = _LETTERS.match(s, pos + 1)
        if letters is None:
            name = s[pos + 1]
            if name in "[]()" or name.isalpha():
                raise rules.Unsupported  # math delimiters; names in other letters than ASCII
            end, space = pos + 2, ""
        else:
            name, end = letters.group(0), letters.end()
            if end < n and s[end].isalpha():
                raise rules.Unsupported
            if name in ("begin", "end"):
                environment = _ENVIRONMENT_NAME.match(s, end)
                if environment is None or math:
                    raise rules.Unsupported
                if name == "end":
                    if stop != f"\\end{{{environment.group(1)}}}":
                        raise rules.Unsupported
                    return "", environment.end(), None, True
                text, end = self.environment(environment, depth=depth)
                return text, end, None, False
            space = _space(s, end)
            space = space[: space.index("\n\n")] if "\n\n" in space else space
            end += len(space)
        arguments = rules.macro_arguments(name)
        if math and arguments.argspec:
            raise rules.Unsupported
        texts, end = self.arguments(arguments, end, depth=depth)
        text, bare = rules.macro_text(name, arguments.argspec, texts)
        return text, end, space if bare else None, False

    def macro_argument(self, pos: int) -> tuple[str, int]:
        """A macro given as another's argument (``\\renewcommand\\refname{..}``): read
        without its own arguments, as TeX reads one token; its text from its table entry."""
        s, n = self.s, self.n
        letters = _LETTERS.match(s, pos + 1)
        if letters is None:
            if pos + 1 >= n or s[pos + 1] in "[]()" or s[pos + 1].isalpha():
                raise rules.Unsupported
            name, end = s[pos + 1], pos + 2
        else:
            name, end = letters.group(0), letters.end()
            if name == "end" or (end < n and s[end].isalpha()):
                raise rules.Unsupported
            space = _space(s, end)
            end += space.index("\n\n") if "\n\n" in space else len(space)
        kind, replacement = rules.macro_rule(name)
        if kind not in ("discard", "join", "replace"):
            raise rules.Unsupported
        return (rules.replaced(replacement, []) if kind == "replace" else ""), end

    def environment(self, begin: re.Match[str], *, depth: int) -> tuple[str, int]:
        name = begin.group(1)
        arguments = rules.environment_arguments(name)
        texts, end = self.arguments(arguments, begin.end(), depth=depth)
        body, end = self.nodes(end, stop=f"\\end{{{name}}}", math=False, depth=depth + 1)
        return rules.environment_text(name, texts, body), end

    def arguments(
        self, arguments: rules.Arguments, pos: int, *, depth: int
    ) -> tuple[list[str | None], int]:
        """The text of each argument (None for an optional one not given), and the position
        after the last, read as pylatexenc's standard argument parser reads them."""
        s, n = self.s, self.n
        texts: list[str | None] = []
        for kind in arguments.argspec:
            space = _space(s, pos)
            at = pos + len(space)
            paragraph = "\n\n" in space
            if kind == "{":
                if paragraph or at >= n:
                    raise rules.Unsupported
                if s[at] == "{":
                    text, pos = self.nodes(at + 1, stop="}", math=False, depth=depth + 1)
                elif _PLAIN.match(s, at) and not s[at].isspace():
                    text, pos = s[at], at + 1  # one character, as TeX reads an argument
                elif s[at] == "\\":
                    text, pos = self.macro_argument(at)
                else:
                    raise rules.Unsupported
                texts.append(text)
            elif kind == "[":
                no_space = arguments.optional_no_space and pos < n and s[pos].isspace()
                if no_space or paragraph or at >= n or s[at] != "[":
                    texts.append(None)
                    continue
                text, pos = self.nodes(at + 1, stop="]", math=False, depth=depth + 1)
                texts.append(text)
            else:  # "*"
                if at >= n:
                    raise rules.Unsupported
                if not paragraph and s[at] == "*":
                    texts.append("*")
                    pos = at + 1
                else:
                    texts.append(None)
        return texts, pos


def _space(source: str, pos: int) -> str:
    space = _SPACE.match(source, pos)
    return space.group(0) if space else ""


def _characters(out: list[str], chars: str, *, math: bool, bare_space: str | None) -> None:
    """A run of characters as pylatexenc's converter writes it (see :meth:`_Reader.nodes`)."""
    if not math:
        out.append(chars)
        return
    if not _MATH_CHARS.fullmatch(chars):
        raise rules.Unsupported  # characters that may be specials in math mode
    if bare_space is not None:
        out.append(bare_space)
    if chars.strip():
        out.append(chars)


@cache
def _special_pattern() -> re.Pattern[str]:
    """The specials, longest first (``---`` before ``--``)."""
    return re.compile("|".join(map(re.escape, rules.specials())))

"""pylatexenc's tables as :mod:`skillgap.readers.latex_fast` reads them: how a macro or an
environment reads its arguments, and what text a macro, an environment or a special makes of
its arguments' text, by pylatexenc's converter's own rules. Where that text is made by code of
pylatexenc's not mirrored here, :class:`Unsupported` is raised and pylatexenc reads the source.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from skillgap.readers import latex_text
from skillgap.readers.links import github_text, link_text


class Unsupported(Exception):
    """Something the one-pass reader does not read as pylatexenc does: pylatexenc reads it."""


#: pylatexenc's test for a ``%s`` placeholder in a macro's replacement text.
_PERCENT_S = re.compile("(^|[^%])(%%)*%s")
_SECTIONS = {
    "part": ("\n\nPART: {}\n", True),
    "chapter": ("\n\nCHAPTER: {}\n", True),
    "section": ("\n\n\N{SECTION SIGN} {}\n", True),
    "subsection": ("\n\n \N{SECTION SIGN}.\N{SECTION SIGN} {}\n", False),
    "subsubsection": ("\n\n  \N{SECTION SIGN}.\N{SECTION SIGN}.\N{SECTION SIGN} {}\n", False),
    "paragraph": ("\n\n  {}\n", False),
    "subparagraph": ("\n\n    {}\n", False),
}


@dataclass(frozen=True)
class Arguments:
    """How a macro or environment reads its arguments (pylatexenc's standard parser)."""

    argspec: str
    optional_no_space: bool


@cache
def specials() -> dict[str, str | None]:
    """The specials' characters, longest first (``---`` before ``--``), and their text (None
    for one this reader does not read: pylatexenc does)."""
    texts: dict[str, str | None] = {}
    every = latex_text._walker_context().iter_specials_specs()
    for spec in sorted(every, key=lambda spec: -len(spec.specials_chars)):
        text_spec = latex_text._converter().latex_context.get_specials_spec(spec.specials_chars)
        text = spec.specials_chars if text_spec is None else text_spec.simplify_repl
        plain = isinstance(text, str) and text and "%" not in text and spec.args_parser is None
        texts[spec.specials_chars] = text if plain else None
    return texts


def _standard(parser: Any) -> Arguments:
    from pylatexenc.macrospec import MacroStandardArgsParser

    if type(parser) is not MacroStandardArgsParser or parser._like_pylatexenc1x_ignore_leading_star:
        raise Unsupported
    return Arguments(parser.argspec, bool(parser.optional_arg_no_space))


@cache
def macro_arguments(name: str) -> Arguments:
    spec = latex_text._walker_context().get_macro_spec(name)
    return Arguments("", False) if spec is None else _standard(spec.args_parser)


@cache
def environment_arguments(name: str) -> Arguments:
    spec = latex_text._walker_context().get_environment_spec(name)
    if spec is None:
        return Arguments("", False)
    if spec.is_math_mode:
        raise Unsupported
    return _standard(spec.args_parser)


def _bare(argspec: str, texts: list[str | None]) -> bool:
    """pylatexenc's test of a macro without arguments: its legacy optional argument is None
    and its legacy list of other arguments is empty."""
    skip = len(argspec) - len(argspec.lstrip("*"))
    rest = argspec[skip:]
    if rest[:1] == "[" and all(kind == "{" for kind in rest[1:]):
        return texts[skip] is None and not texts[skip + 1 :]
    return not texts


def macro_text(name: str, argspec: str, texts: list[str | None]) -> tuple[str, bool]:
    """A macro's text from its arguments' text, as pylatexenc's converter makes it, and
    whether it took no arguments."""
    kind, replacement = macro_rule(name)
    arguments = [text or "" for text in texts]
    match kind:
        case "discard":
            text = ""
        case "join":
            text = "".join(arguments)
        case "replace":
            text = replaced(replacement, arguments)
        case "item":
            text = "\n  " + (arguments[0] if texts and texts[0] is not None else "* ")
        case "section":
            form, upper = _SECTIONS[name]
            if len(arguments) < 3:
                raise Unsupported
            text = form.format(arguments[2].upper() if upper else arguments[2])
        case "href":
            text = link_text("".join(arguments[1:2]), "".join(arguments[:1]))
        case "url":
            text = github_text("".join(arguments[:1]))
        case "profile":
            text = latex_text.profile_text(name, "".join(arguments[:1]))
        case "accent":
            letters = arguments[0].strip() if argspec[:1] == "{" and arguments else " "
            text = "".join(_accented(letter, replacement) for letter in letters)
        case _:
            raise Unsupported
    return text, _bare(argspec, texts)


def _accented(letter: str, combining: str) -> str:
    letter = {"\N{LATIN SMALL LETTER DOTLESS I}": "i", "\N{LATIN SMALL LETTER DOTLESS J}": "j"}.get(
        letter, letter
    )
    return unicodedata.normalize("NFC", letter + combining)


def replaced(replacement: str, arguments: list[str]) -> str:
    """A replacement text with its ``%s`` or ``%(1)s`` placeholders filled, or as it is
    where they do not fit (pylatexenc's rule)."""
    if "%" not in replacement or len(replacement) == 1:
        return replacement
    values: tuple[str, ...] | dict[str, str]
    if _PERCENT_S.search(replacement):
        values = tuple(arguments)
    else:
        values = {str(index + 1): value for index, value in enumerate(arguments)}
    try:
        return replacement % values
    except (TypeError, ValueError):
        return replacement
    except KeyError:  # pylatexenc fails: the caller reads it otherwise
        raise Unsupported from None


@cache
def macro_rule(name: str) -> tuple[str, str]:
    """How the converter makes a macro's text: ``discard``, ``join`` (its arguments' text),
    ``replace`` (a replacement text), or one of the functions mirrored here (``item``, the
    sections, ``href``, ``url``, the profile macros, the accents, ``\\%``,
    ``\\includegraphics``); ``unsupported`` for any other function."""
    from pylatexenc.latex2text import get_default_latex_context_db

    spec = latex_text._converter().latex_context.get_macro_spec(name)
    if spec is None:
        return "discard", ""
    replacement = spec.simplify_repl
    if not replacement:
        return ("discard" if spec.discard else "join"), ""
    if isinstance(replacement, str):
        return "replace", replacement
    if replacement is latex_text._link_text:
        return "href", ""
    if replacement is latex_text._url_text:
        return "url", ""
    if replacement is latex_text._profile_text:
        return "profile", ""
    default = get_default_latex_context_db().get_macro_spec(name)
    if default is None or default.simplify_repl is not replacement:
        return "unsupported", ""
    if name == "item":
        return "item", ""
    if name == "%":  # a function, as its replacement text would be a placeholder
        return "replace", "%"
    if name == "includegraphics":  # pylatexenc's placeholder, in an indented block
        return "replace", "\n    < g r a p h i c s >\n"
    if name in _SECTIONS:
        return "section", ""
    combining = _accents().get(name)
    return ("accent", combining) if combining else ("unsupported", "")


@cache
def _accents() -> dict[str, str]:
    from pylatexenc.latex2text._defaultspecs import unicode_accents_list

    return dict(unicode_accents_list)


def environment_text(name: str, texts: list[str | None], body: str) -> str:
    spec = latex_text._converter().latex_context.get_environment_spec(name)
    if spec is None:
        return body
    replacement = spec.simplify_repl
    if replacement:
        if not isinstance(replacement, str):
            raise Unsupported
        if "%" not in replacement or len(replacement) == 1:
            return replacement
        if _PERCENT_S.search(replacement):
            values: tuple[str, ...] | dict[str, str] = (body,)
        else:
            values = {str(index + 1): text or "" for index, text in enumerate(texts)}
            values["body"] = body
        try:
            return replacement % values
        except (TypeError, ValueError):
            return replacement
        except KeyError:
            raise Unsupported from None
    return "" if spec.discard else body

"""Markup is not content: read Markdown and LaTeX sources as the text a reader sees."""

from __future__ import annotations

import re

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_TAG = re.compile(r"<[^>\n]{1,500}>")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_GITHUB_URL = re.compile(r"github\.com/[\w.\-/]*", re.IGNORECASE)


def markdown_to_text(source: str) -> str:
    """The visible text of a Markdown document, one block per line group.

    Headings stay on their own line (section detection needs them); link targets are dropped
    except GitHub links, which are evidence for the ``github`` skill.
    """
    from markdown_it import MarkdownIt

    source = _FRONT_MATTER.sub("", source)
    source = _HTML_COMMENT.sub("", source)
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    out: list[str] = []
    for token in tokens:
        if token.type == "inline":
            out.append(_inline_text(token.children or []))
        elif token.type in {"fence", "code_block"}:
            out.append(token.content)
        elif token.type == "html_block":
            out.append(_HTML_TAG.sub(" ", token.content))
        elif token.type in {"paragraph_close", "heading_close", "tr_close", "list_item_close"}:
            out.append("\n")
        elif token.type in {"th_close", "td_close"}:
            out.append(" | ")
    return "".join(out)


def _inline_text(children: list) -> str:  # type: ignore[type-arg]
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind in {"text", "code_inline"}:
            parts.append(child.content)
        elif kind in {"softbreak", "hardbreak"}:
            parts.append("\n")
        elif kind == "html_inline":
            parts.append(" ")
        elif kind == "image":
            parts.append(child.content)
        elif kind == "link_open":
            href = str(child.attrs.get("href", ""))
            match = _GITHUB_URL.search(href)
            if match:
                parts.append(f" {match.group(0)} ")
    return "".join(parts)


_LATEX_COMMENT = re.compile(r"(?<!\\)%.*")
_ADJACENT_GROUPS = re.compile(r"\}\s*\{")


def latex_to_text(source: str) -> str:
    """The text of a LaTeX document: commands dropped, their text arguments kept."""
    from pylatexenc.latex2text import LatexNodes2Text

    source = _LATEX_COMMENT.sub("", source)
    body_start = source.find("\\begin{document}")
    if body_start >= 0:
        # The preamble holds macro definitions and package options, not resume content, but
        # some templates (AltaCV, Awesome-CV) set name and title there: keep those macros.
        source = _preamble_fields(source[:body_start]) + source[body_start:]
    # Resume macros take their fields as consecutive groups (\cventry{Title}{Company}{Date});
    # pylatexenc would glue them ("TitleCompanyDate"), so keep a space between groups.
    source = _ADJACENT_GROUPS.sub("} {", source)
    converter = LatexNodes2Text(math_mode="text", strict_latex_spaces=False)
    try:
        return str(converter.latex_to_text(source))
    except Exception:  # pylatexenc raises assorted errors on malformed input
        return _crude_latex_text(source)


_PREAMBLE_FIELD = re.compile(r"\\(name|position|tagline|title|address|email|github)\{[^{}\n]*\}")


def _preamble_fields(preamble: str) -> str:
    return "\n".join(match.group(0) for match in _PREAMBLE_FIELD.finditer(preamble)) + "\n"


_COMMAND = re.compile(r"\\[a-zA-Z@]+\*?(\[[^\]]*\])?")


def _crude_latex_text(source: str) -> str:
    return _COMMAND.sub(" ", source).replace("{", " ").replace("}", " ")

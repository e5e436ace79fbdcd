"""Markup is not content: read Markdown and LaTeX sources as the text a reader sees."""

from __future__ import annotations

import html
import re

from skillgap.readers.links import github_text, link_text

_HTML_TAG = re.compile(r"<[^>\n]{1,500}>")
#: An image's text: GitHub profile READMEs list skills as logos (``<img alt="python" ...>``).
_IMG_ALT = re.compile(r"""^<img\b[^>]*?\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def _tag_text(tag: re.Match[str]) -> str:
    """What a person sees of an HTML tag: an image's alternative text, else a space."""
    alt = _IMG_ALT.match(tag.group())
    return f" {alt.group(1) or alt.group(2) or ''} " if alt else " "


def without_comments(source: str) -> str:
    """The source without its HTML comments (an unclosed one is left as it is).

    A search from each opener to its closer, never again from an opener with no closer after
    it: ``<!--.*?-->`` as a regex rescans the rest of the text from every such opener, which
    takes minutes on megabytes of openers."""
    if "<!--" not in source:
        return source
    return _spans_replaced(source, _COMMENT_OPEN, _COMMENT_CLOSE)


_COMMENT_OPEN = re.compile(re.escape("<!--"))
_COMMENT_CLOSE = re.compile(re.escape("-->"))


def markdown_to_text(source: str, headings: list[str] | None = None) -> str:
    """The visible text of a Markdown document, one block per line group.

    Headings stay on their own line (section detection needs them), and their text, with that
    of a paragraph all in bold outside any list, is added to ``headings`` when given: the
    marks that made them headings are gone from the text. Link targets are dropped
    except GitHub links, which are evidence for the ``github`` skill. Template tags of Jekyll
    and other Liquid sites (``{% for post in site.talks %}``, ``{{ site.author }}``) are
    markup, not content: a "Talks" section of only a loop lists no talk.
    """
    from markdown_it import MarkdownIt

    source = without_liquid(without_comments(source))
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    out: list[str] = []
    depth = 0  # how deep the lists around a token are nested
    heading = False  # whether the next inline token is a heading's
    for token in tokens:
        if token.type == "heading_open":
            heading = True
        elif token.type in {"bullet_list_open", "ordered_list_open"}:
            depth += 1
        elif token.type in {"bullet_list_close", "ordered_list_close"}:
            depth -= 1
        elif token.type == "inline":
            # An item of a nested list keeps its indent: it says whose sub-item it is ("any
            # of the following cloud providers:" and its providers, in a posting).
            nested = depth > 1 and (not out or out[-1].endswith("\n"))
            out.append("  " * (depth - 1) * nested + _inline_text(token.children or []))
            if headings is not None and (heading or (not depth and _all_bold(token.children))):
                headings.append(out[-1].strip())
            heading = False
        elif token.type in {"fence", "code_block"}:
            out.append(token.content)
        elif token.type == "html_block":
            out.append(_HTML_TAG.sub(_tag_text, token.content))
        elif token.type in {"paragraph_close", "heading_close", "tr_close", "list_item_close"}:
            out.append("\n")
        elif token.type in {"th_close", "td_close"}:
            out.append(" | ")
    return "".join(out)


def _all_bold(children: list | None) -> bool:  # type: ignore[type-arg]
    """Whether a paragraph of one line is all in bold (its emoji and marks aside): a
    heading written as ``**What you'll need**``."""
    bold = 0
    inside = outside = False
    for child in children or []:
        if child.type in {"softbreak", "hardbreak"}:
            return False
        if child.type == "strong_open":
            bold += 1
        elif child.type == "strong_close":
            bold -= 1
        elif child.type in {"text", "code_inline"} and re.search(r"\w", child.content):
            inside, outside = inside or bold > 0, outside or bold == 0
    return inside and not outside


def _inline_text(children: list) -> str:  # type: ignore[type-arg]
    parts: list[str] = []
    link = 0  # where the open link's text begins in parts
    for child in children:
        kind = child.type
        if kind in {"text", "code_inline"}:
            parts.append(child.content)
        elif kind in {"softbreak", "hardbreak"}:
            parts.append("\n")
        elif kind == "html_inline":
            tag = _HTML_TAG.fullmatch(child.content)
            parts.append(_tag_text(tag) if tag else " ")
        elif kind == "image":
            parts.append(child.content)
        elif kind == "link_open":
            parts.append(str(child.attrs.get("href", "")))  # the target, until the text is read
            link = len(parts)
        elif kind == "link_close" and link:
            label = "".join(parts[link:])
            parts[link - 1 :] = [link_text(label, parts[link - 1])]
            link = 0
    return "".join(parts)


_LATEX_COMMENT = re.compile(r"(?<!\\)%.*")
_ADJACENT_GROUPS = re.compile(r"\}\s*\{")
#: A line that starts with a hyphen glued to a word (``-\textbf{FPGA Programming}``): a bullet.
_GLUED_BULLET = re.compile(r"^([ \t]*)-(?=[^\W\d_])", re.MULTILINE)
#: A group closed right before a macro (``\cvtag{Python}\cvtag{SQL}``): items, kept apart.
_GROUP_THEN_MACRO = re.compile(r"\}(?=\\[A-Za-z])")


def latex_to_text(source: str) -> str:
    """The text of a LaTeX document: commands dropped, their text arguments kept."""
    from skillgap.readers import latex_fast, latex_text

    source = prepared_latex(source)
    # Most resumes' LaTeX is read in one pass, with pylatexenc's text; the rest by pylatexenc.
    text = latex_fast.fast_latex_to_text(source) if latex_fast.ONE_PASS else None
    if text is None:
        try:
            text = latex_text.latex_to_text(source)
        except Exception:  # pylatexenc raises assorted errors on malformed input
            text = _crude_latex_text(source)
    return _GLUED_BULLET.sub(r"\1- ", _leftover_escapes(text))


def prepared_latex(source: str) -> str:
    """The LaTeX that :func:`latex_to_text` converts: without comments and preamble (but the
    fields some templates set there), text macros read where used, groups kept apart."""
    from skillgap.readers import latex

    source = _LATEX_COMMENT.sub("", source)
    found = latex.definitions(source)
    content = latex.content_of_definitions(source, found)
    body_start = source.find("\\begin{document}")
    if content is not None:
        source = content
    elif body_start >= 0:
        # The preamble holds macro definitions and package options, not resume content, but
        # some templates (AltaCV, Awesome-CV) set name and title there: keep those macros.
        # Macros defined to hold text (a content file's \cvskills) are read where used.
        body = latex.expand_text_macros(source[body_start:], found)
        source = _preamble_fields(source[:body_start]) + body
    else:
        source = latex.expand_text_macros(source, found)
    # Resume macros take their fields as consecutive groups (\cventry{Title}{Company}{Date});
    # pylatexenc would glue them ("TitleCompanyDate"), so keep a space between groups.
    source = _ADJACENT_GROUPS.sub("} {", _LONG_SPACE.sub(_one_space, source))
    return _GROUP_THEN_MACRO.sub("} ", source)


#: A run of white space this long or longer: pylatexenc reads white space a character at a
#: time into a growing string, which takes minutes on a long run.
_LONG_SPACE = re.compile(r"\s{80,}")


def _one_space(run: re.Match[str]) -> str:
    """A long run of white space as TeX reads it: a paragraph break if it holds a blank line,
    else one space (or the line end it holds)."""
    lines = run.group(0).count("\n")
    return "\n\n" if lines > 1 else "\n" if lines else " "


#: (A match takes the spaces before a break only from where their run starts, or none: from
#: each space of a long run the regex would rescan the rest of it.)
#: What pylatexenc leaves inside the arguments of a template's own macros: line breaks
#: (``\\`` or ``\\[2pt]``), escaped characters (``A\&M``, ``debarghya\_das``) and accents
#: (``Mar\'ia``, ``C\'{a}diz``).
_LINE_BREAK = re.compile(r"(?:(?<![ \t])[ \t]*|(?<=[ \t]))\\\\(\[[^\]\n]*\])?[ \t]*\n?")
_ESCAPED = re.compile(r"\\([&%_#$])")


_ACCENT = re.compile(r"""\\(['`^"~])\{?([A-Za-z])\}?""")
_COMBINING = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303"}


def _leftover_escapes(text: str) -> str:
    text = _ESCAPED.sub(r"\1", _LINE_BREAK.sub("\n", text))
    if "\\" in text:
        text = _ACCENT.sub(lambda m: _accented(m.group(2), m.group(1)), text)
    return text


def _accented(letter: str, accent: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", letter + _COMBINING[accent])


_PREAMBLE_FIELD = re.compile(r"\\(name|position|tagline|title|address|email|github)\{[^{}\n]*\}")


def _preamble_fields(preamble: str) -> str:
    return "\n".join(match.group(0) for match in _PREAMBLE_FIELD.finditer(preamble)) + "\n"


_COMMAND = re.compile(r"\\[a-zA-Z@]+\*?(\[[^\]]*\])?")


def _crude_latex_text(source: str) -> str:
    return _COMMAND.sub(" ", source).replace("{", " ").replace("}", " ")


_LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
_LATEX_COMMAND = re.compile(r"\\[a-zA-Z]+\s*[\[{]")
_CHUNK_OPENER = re.compile(r"^```\s*\{", re.MULTILINE)
_CHUNK_CLOSER = re.compile(r"^```\s*$", re.MULTILINE)


def without_liquid(source: str) -> str:
    """The source without its Liquid template tags and comments (``{% comment %}`` blocks);
    a tag's newlines are kept, so the lines around it stay apart. Linear, like
    :func:`without_comments`: an opener with no closer after it ends the search."""
    if "{" not in source:
        return source
    source = _spans_replaced(source, _LIQUID_COMMENT_OPEN, _LIQUID_COMMENT_CLOSE, keep_lines=True)
    for opener, closer in _LIQUID_TAGS:
        source = _spans_replaced(source, opener, closer, keep_lines=True)
    return source


_LIQUID_COMMENT_OPEN = re.compile(r"\{%-?\s*comment\s*-?%\}")
_LIQUID_COMMENT_CLOSE = re.compile(r"\{%-?\s*endcomment\s*-?%\}")
#: Liquid's tags and outputs: ``{% ... %}`` and ``{{ ... }}``.
_LIQUID_TAGS = (
    (re.compile(re.escape("{%")), re.compile(re.escape("%}"))),
    (re.compile(re.escape("{{")), re.compile(re.escape("}}"))),
)


def _spans_replaced(
    source: str, opener: re.Pattern[str], closer: re.Pattern[str], *, keep_lines: bool = False
) -> str:
    """The source without each span from an opener to the next closer (a space and the span's
    newlines in its place with ``keep_lines``). Linear: an opener with no closer after it ends
    the search, where a regex like ``<!--.*?-->`` would rescan the rest of the text from every
    such opener, which takes minutes on megabytes of openers."""
    kept, position = [], 0
    while (start := opener.search(source, position)) is not None:
        end = closer.search(source, start.end())
        if end is None:  # no closer after this opener, nor after any later one
            break
        kept.append(source[position : start.start()])
        if keep_lines:
            kept.append(" " + "\n" * source.count("\n", start.start(), end.end()))
        position = end.end()
    kept.append(source[position:])
    return "".join(kept)


def clean_fragment(text: str) -> str:
    """A string value from structured data, as text: HTML, Liquid and LaTeX removed."""
    text = _LIQUID.sub(" ", text)
    if "<" in text and ">" in text:
        text = html_to_text(text)
    elif "&" in text:
        text = html.unescape(text)
    if _LATEX_COMMAND.search(text):
        text = latex_to_text(text)
    return text.strip()


def rmarkdown_to_text(source: str) -> str:
    """R Markdown (and Quarto) without its front matter: code chunks dropped; the rest is
    Markdown, or LaTeX where the document writes LaTeX (moderncv-style CVs do)."""
    latex = rmarkdown_latex(source)
    if latex is not None:
        return latex_to_text(latex)
    return markdown_to_text(_without_code_chunks(without_comments(source)))


def rmarkdown_latex(source: str) -> str | None:
    """The LaTeX of an R Markdown page that writes LaTeX (code chunks and comments dropped),
    or None for one written in Markdown."""
    source = _without_code_chunks(without_comments(source))
    return source if _LATEX_COMMAND.search(source) else None


def _without_code_chunks(source: str) -> str:
    """The source without its code chunks (from a line "```{r ...}" to a line "```"); an
    unclosed one is left (see :func:`_spans_replaced`)."""
    return _spans_replaced(source, _CHUNK_OPENER, _CHUNK_CLOSER)


_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header",
     "footer", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "pre", "hr"}
)  # fmt: skip


_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BOLD_TAGS = frozenset({"b", "strong"})
_LIST_TAGS = frozenset({"ul", "ol", "table"})


def html_to_text(source: str, headings: list[str] | None = None) -> str:
    """The visible text of HTML: scripts, styles and comments dropped, blocks on new lines;
    the text of its ``<h1>``-``<h6>`` elements, and of blocks all in bold, is added to
    ``headings`` when given."""
    from html.parser import HTMLParser

    class _Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.hidden = 0
            self.heading: int | None = None  # where the open heading's text begins in parts
            self.block = 0  # where the open block's text begins in parts
            self.bold = 0  # how many bold elements are open
            self.words = [False, False]  # whether the block has words outside, inside bold
            self.listed = 0  # how many lists and tables are open: their items are no headings

        def _end_block(self) -> None:
            if headings is not None and self.words == [False, True] and not self.listed:
                headings.append("".join(self.parts[self.block :]).strip())
            self.block, self.words = len(self.parts), [False, False]

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in {"script", "style", "head", "noscript"}:
                self.hidden += 1
            elif tag in _BLOCK_TAGS:
                self._end_block()
                self.parts.append("\n")
            if tag in _HEADING_TAGS:
                self.heading = len(self.parts)
            elif tag in _BOLD_TAGS:
                self.bold += 1
            elif tag in _LIST_TAGS:
                self.listed += 1
            if tag == "a":
                self.parts.append(github_text(dict(attrs).get("href") or ""))

        def handle_endtag(self, tag: str) -> None:
            if tag in _HEADING_TAGS and self.heading is not None and headings is not None:
                headings.append("".join(self.parts[self.heading :]).strip())
                self.heading = None
            elif tag in _BOLD_TAGS:
                self.bold = max(0, self.bold - 1)
            elif tag in _LIST_TAGS:
                self.listed = max(0, self.listed - 1)
            if tag in {"script", "style", "head", "noscript"}:
                self.hidden = max(0, self.hidden - 1)
            elif tag in _BLOCK_TAGS:
                self._end_block()
                self.parts.append("\n")
            elif tag in {"td", "th"}:
                self.parts.append(" | ")

        def handle_data(self, data: str) -> None:
            if not self.hidden:
                self.parts.append(data)
                if re.search(r"\w", data):
                    self.words[self.bold > 0] = True

    parser = _Text()
    parser.feed(source)
    parser.close()
    return "".join(parser.parts)

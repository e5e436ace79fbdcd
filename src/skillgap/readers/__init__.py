"""Turn an input file (or bytes) into plain text that the matcher reads.

Each format has one reader that returns a :class:`Document`; :func:`read_document` picks the
reader from the file's content first and its extension second, so a PDF named ``.txt`` is
still read as a PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal, assert_never

from skillgap.errors import InputError
from skillgap.limits import DEFAULT_LIMITS, Limits, TextBudget, too_much_text
from skillgap.readers import sniff
from skillgap.readers.sniff import TextFormat

#: Every format a reader exists for.
Format = Literal[TextFormat, "pdf", "docx"]


#: Format by file extension; content overrides it where content is unambiguous.
EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".rmd": "rmarkdown",
    ".qmd": "rmarkdown",
    ".tex": "latex",
    ".xtx": "latex",
    ".ltx": "latex",
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}


@dataclass(frozen=True)
class Document:
    """What was read from one input."""

    path: str
    format: Format
    text: str
    pages: int | None = None
    warnings: tuple[str, ...] = ()
    """Why less may have been read than the file holds (e.g. LaTeX includes not followed)."""
    headings: tuple[str, ...] = ()
    """The lines the source marks as headings (Markdown ``#`` or a paragraph all in bold,
    HTML ``<h1>``-``<h6>``), as they read in ``text``: the marks are gone from it."""


def detect_format(data: bytes, name: str) -> Format:
    """The format of ``data``: content decides where it is clear, the extension otherwise;
    without a known extension (standard input) content alone, see :mod:`.sniff`."""
    head = data[:2048].lstrip(b" \t\r\n\xef\xbb\xbf")
    if head.startswith(b"%PDF"):
        return "pdf"
    suffix = Path(name).suffix.lower()
    if data.startswith(b"PK\x03\x04") or suffix == ".docx":
        # A zip archive: a Word document, or something the DOCX reader will name as not one.
        return "docx"
    by_extension = EXTENSIONS.get(suffix, "text")
    if by_extension in {"text", "pdf"}:
        # Unknown extensions, and a ".pdf" that is not a PDF, are sniffed as text.
        return sniff.text_format(data, named=suffix in EXTENSIONS)
    return by_extension


def read_bytes(
    data: bytes,
    name: str,
    *,
    password: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    folder: Path | None = None,
) -> Document:
    """Read an input already in memory (``name`` is used for messages and the extension).

    ``folder`` is where the file lies, for the files a LaTeX source includes; without it
    (standard input, bytes) they are not read, and the document's warnings say so.
    """
    _check_size(len(data), name, limits)
    if image := sniff.image_kind(data):
        raise InputError(
            f"{name}: a {image} image, not a document: no text to read; run OCR first",
            code="no-text",
        )
    if sniff.is_rtf(data):  # its control words would be read as words
        raise InputError(
            f"{name}: an RTF document, which skillgap does not read: save it as DOCX or PDF",
            code="unsupported",
        )
    fmt = detect_format(data, name)
    budget = TextBudget(name, limits.max_chars)
    pages: int | None = None
    warnings: tuple[str, ...] = ()
    headings: list[str] = []  # the lines the markup marks as headings
    # One branch per format, each importing only its reader's module.
    match fmt:
        case "pdf":
            from skillgap.readers import pdf

            body, pages = pdf.extract_text(
                data, name, password=password, max_pages=limits.max_pages, budget=budget
            )
        case "docx":
            from skillgap.readers import docx

            body = docx.extract_text(data, name, budget, headings)
        case "latex":
            body, warnings = _read_latex(_markup(data, name, limits), folder, limits)
        case "json":
            from skillgap.readers import structured

            body = _decoded(data, name)
            as_text = structured.json_to_text(body)
            # Text that only starts with a brace, or JSON too deep to be a resume: plain text.
            fmt, body = ("text", body) if as_text is None else (fmt, as_text)
        case "yaml":
            from skillgap.readers import structured

            body = structured.yaml_to_text(_decoded(data, name), budget)
        case "markdown" | "rmarkdown":
            from skillgap.readers import markup

            front, page = _split_front_matter(_markup(data, name, limits), fmt, budget)
            latex_body = markup.rmarkdown_latex(page) if fmt == "rmarkdown" else None
            if latex_body is not None:  # a moderncv CV written in R Markdown: LaTeX, \input too
                body, warnings = _read_latex(latex_body, folder, limits)
                body = front + body
            else:
                if fmt == "markdown":
                    body = front + markup.markdown_to_text(page, headings)
                else:
                    body = front + markup.rmarkdown_to_text(page)
        case "html":
            from skillgap.readers import markup

            body = markup.html_to_text(_markup(data, name, limits), headings)
        case "text":
            body = _decoded(data, name, budget)
        case _:
            assert_never(fmt)
    document = _document(name, fmt, body, limits, pages=pages, warnings=warnings)
    if not headings:
        return document
    from skillgap.readers.normalise import normalise

    marked = tuple(dict.fromkeys(tidy(normalise(h)).strip() for h in headings if h.strip()))
    return replace(document, headings=marked)


def _split_front_matter(source: str, fmt: str, budget: TextBudget) -> tuple[str, str]:
    """The text of a page's front matter when it holds resume content (else nothing), and the
    page without it; see :mod:`skillgap.readers.front_matter`."""
    if fmt == "rmarkdown":  # an R Markdown file may open with a comment and blank lines
        from skillgap.readers.markup import without_comments

        source = without_comments(source).lstrip()
    if not source.startswith(("---", "+++")):
        return "", source
    from skillgap.readers import front_matter

    return front_matter.split(source, budget)


def _read_latex(source: str, folder: Path | None, limits: Limits) -> tuple[str, tuple[str, ...]]:
    from skillgap.readers import bibliography, latex, markup

    assembled, includes = latex.assemble(source, folder=folder, max_bytes=limits.max_bytes)
    assembled = bibliography.with_bibliographies(assembled, includes)
    text = markup.latex_to_text(assembled)
    warnings = [warning] if (warning := includes.warning()) else []
    if len(source) >= _BIG_SOURCE and len(text.strip()) < _LITTLE_TEXT:
        warnings.append(
            f"a LaTeX file of {len(source):,} characters gave {len(text.strip())} of text: it "
            "looks like a layout or class file (how the CV looks, not what it says); give "
            "the file that holds the content, or the main file that \\inputs it"
        )
    return text, tuple(warnings)


#: A LaTeX source this long that gives less text than this is named in a warning.
_BIG_SOURCE = 2000
_LITTLE_TEXT = 300


#: Characters of markup source (Markdown, LaTeX, HTML) read per character of text allowed:
#: their converters take a few seconds per million characters, and markup seldom doubles a
#: resume's text.
MARKUP_PER_CHAR = 2


def _markup(data: bytes, name: str, limits: Limits) -> str:
    """The source of a markup format, refused when it is too long to give text within
    ``--max-chars``, before it is converted."""
    source = _decoded(data, name)
    if len(source) > MARKUP_PER_CHAR * limits.max_chars:
        raise InputError(
            f"{name}: {len(source):,} characters of markup, more than {MARKUP_PER_CHAR} times "
            f"the limit of {limits.max_chars:,} characters of text (raise it with --max-chars)",
            code="too-large",
        )
    return source


def _decoded(data: bytes, name: str, budget: TextBudget | None = None) -> str:
    """The text of ``data``; with a ``budget`` (plain text, whose text this is) refused
    over it before its mojibake is repaired, the slow part."""
    from skillgap.readers import text

    return text.decode(data, name, budget)


def _document(
    name: str,
    fmt: Format,
    text: str,
    limits: Limits,
    pages: int | None = None,
    warnings: tuple[str, ...] = (),
) -> Document:
    if len(text) > limits.max_chars:
        raise too_much_text(name, limits.max_chars)
    from skillgap.readers.normalise import normalise

    text = tidy(normalise(text))
    return Document(path=name, format=fmt, text=text, pages=pages, warnings=warnings)


def _check_size(size: int, name: str, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise InputError(
            f"{name}: file is {size:,} bytes, over the limit of {limits.max_bytes:,} "
            "(raise it with --max-bytes)",
            code="too-large",
        )


def read_document(
    path: str | Path,
    *,
    password: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    name: str | None = None,
) -> Document:
    """Read one file from disk; ``name`` labels it in the document and in messages (default:
    the path as given)."""
    file = Path(path)
    label = str(path) if name is None else name
    try:
        if not file.is_file():
            if file.is_symlink() and not file.exists():
                raise InputError(f"{label}: dangling symbolic link", code="not-found")
            missing = not file.exists()
            reason = "no such file" if missing else "not a regular file"
            if missing and set("*?[") & set(label):
                reason = "no such file, and no file matches it as a pattern"
            raise InputError(f"{label}: {reason}", code="not-found" if missing else "unreadable")
        _check_size(file.stat().st_size, label, limits)
        with file.open("rb") as stream:  # a size of 0 (files under /proc) proves nothing
            data = stream.read(limits.max_bytes + 1)
    except OSError as error:
        raise InputError(f"{label}: cannot read: {error.strerror}") from None
    return read_bytes(data, label, password=password, limits=limits, folder=file.parent)


_BLANK_RUN = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    """Normalise line ends, trailing space and blank runs, so line numbers stay stable."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUN.sub("\n\n", text).strip("\n") + "\n"

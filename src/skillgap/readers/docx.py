"""Word documents (.docx): paragraphs, text boxes and tables in reading order, then headers and
footers."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from skillgap.errors import InputError
from skillgap.limits import TextBudget

#: Decompressed size above which an archive is refused (a zip bomb, not a resume).
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


def extract_text(
    data: bytes, name: str, budget: TextBudget | None = None, headings: list[str] | None = None
) -> str:
    """The text of a .docx file; raises :class:`InputError` for anything else in a zip, and
    when its text passes ``budget``. The body's headings (a heading style, or a paragraph
    all in bold outside a list) are added to ``headings`` when given."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError(
            f"{name}: not a readable Word document (damaged or truncated)", code="unreadable"
        ) from None
    if "word/document.xml" not in names:
        raise InputError(f"{name}: a zip archive, not a Word document", code="unsupported")
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError(f"{name}: unpacks to {unpacked:,} bytes: refused", code="too-large")
    try:
        from docx import Document as open_docx

        document = open_docx(io.BytesIO(data))
        lines = []
        for line in _document_lines(document, headings):
            if budget is not None:
                budget.spend(len(line) + 1)
            lines.append(line)
    except InputError:
        raise
    except Exception:  # python-docx raises assorted errors (KeyError, XML errors) on bad parts
        raise InputError(
            f"{name}: not a readable Word document (damaged or truncated)", code="unreadable"
        ) from None
    if not any(line.strip() for line in lines) and any(n.startswith("word/media/") for n in names):
        raise InputError(
            f"{name}: no text in this Word document, only images (scanned?): run OCR first",
            code="no-text",
        )
    return "\n".join(lines)


def _document_lines(document: Any, headings: list[str] | None = None) -> Iterator[str]:
    """The body's lines, then those of each header and footer, each read once however many
    sections share it."""
    yield from _body_lines(document, headings)
    read = set()
    for section in document.sections:
        for part in (section.header, section.footer):
            if part.part.partname in read:
                continue
            read.add(part.part.partname)
            for paragraph in part.paragraphs:
                yield paragraph.text
                yield from _text_box_lines(paragraph._p)


def _body_lines(document: Any, headings: list[str] | None = None) -> Iterator[str]:
    """Paragraphs and table rows in the order they appear in the body."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            if headings is not None and block.text.strip() and _heading(block):
                headings.append(block.text.strip())
            yield block.text
            yield from _text_box_lines(block._p)
        elif isinstance(block, Table):
            yield from _table_lines(block, depth=0)


def _heading(paragraph: Any) -> bool:
    """Whether a paragraph is a heading: in a heading or title style, or all in bold and
    no item of a list."""
    style = paragraph.style.name if paragraph.style is not None else ""
    if style.startswith(("Heading", "Title")):
        return True
    properties = paragraph._p.pPr
    if style.startswith("List") or (properties is not None and properties.numPr is not None):
        return False
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.bold for run in runs)


#: Tables nested deeper than this are not read (Word itself nests a few levels at most).
MAX_TABLE_DEPTH = 8


def _table_lines(table: Any, *, depth: int) -> Iterator[str]:
    """A line per row, its cells joined by ``|`` (a column of a layout table, a cell of
    several paragraphs, read as a block of its own), then the rows of any table
    nested in its cells, each once: a merged cell is the same cell in every column it spans."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for row in table.rows:
        cells = list({id(cell._tc): cell for cell in row.cells}.values())
        texts, nested = [], []
        for cell in cells:
            paragraphs = []
            for block in cell.iter_inner_content():
                if isinstance(block, Paragraph):
                    paragraphs.append(block.text)
                elif isinstance(block, Table) and depth < MAX_TABLE_DEPTH:
                    nested.append(block)
            texts.append("\n".join(paragraphs).strip())
        texts = list(dict.fromkeys(text for text in texts if text))
        if any("\n" in text for text in texts):
            # A cell of several paragraphs is a column of a layout table (a two-column
            # resume), not a field of a data row: each is read whole, after the one before,
            # so a heading that opens a column stays a line of its own.
            yield "\n\n".join(texts)
        else:
            yield " | ".join(texts)
        for inner in nested:
            yield from _table_lines(inner, depth=depth + 1)


#: Text boxes (sidebars of many Word templates) sit in drawings inside a paragraph's runs, which
#: ``Paragraph.text`` does not read. Word writes each twice, as a drawing and as a VML fallback
#: (``mc:Fallback``) for old readers: the fallback is skipped.
_TEXT_BOX_PARAGRAPHS = "./w:r//w:txbxContent//w:p[not(ancestor::*[local-name()='Fallback'])]"


def _text_box_lines(paragraph: Any) -> Iterator[str]:
    for inner in paragraph.xpath(_TEXT_BOX_PARAGRAPHS):
        yield "".join(inner.xpath(".//w:t/text()"))

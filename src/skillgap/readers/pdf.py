"""PDF text extraction.

PDFium (``pypdfium2``) is the primary extractor: on LaTeX PDFs such as Awesome-CV it keeps the
spaces between words that pypdf 7 glues together ("Responsibleforimplementing..."), and it is
several times faster. pypdf is the fallback for files PDFium cannot open.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from skillgap.errors import InputError
from skillgap.limits import DEFAULT_LIMITS, TextBudget
from skillgap.readers.links import github_address

#: Fewer non-space characters per page than this means there is no usable text layer.
MIN_CHARS_PER_PAGE = 20


def extract_text(
    data: bytes,
    name: str,
    *,
    password: str | None = None,
    max_pages: int = 200,
    budget: TextBudget | None = None,
) -> tuple[str, int]:
    """Text and page count of a PDF; raises :class:`InputError` when there is no text, or
    when the text passes ``budget`` (checked page by page, before each page's text is
    copied out)."""
    budget = budget or TextBudget(name, DEFAULT_LIMITS.max_chars)
    try:
        text, pages = _with_pdfium(data, password, name, max_pages, budget)
    except _Encrypted:
        raise InputError(
            f"{name}: the PDF is encrypted; supply its password with --password"
            if password is None
            else f"{name}: the PDF password is wrong",
            code="encrypted",
        ) from None
    except _Unreadable:
        text, pages = _with_pypdf(data, name, password, max_pages, budget)
    if len("".join(text.split())) < MIN_CHARS_PER_PAGE * max(1, min(pages, 3)) // 2:
        raise InputError(
            f"{name}: no text layer in this PDF (scanned or image-only): run OCR first",
            code="no-text",
        )
    return text, pages


class _Encrypted(Exception):
    pass


class _Unreadable(Exception):
    pass


def _too_many_pages(name: str, pages: int, max_pages: int) -> InputError:
    return InputError(
        f"{name}: {pages:,} pages, over the limit of {max_pages:,} (raise it with --max-pages)",
        code="too-large",
    )


def _with_pdfium(
    data: bytes, password: str | None, name: str, max_pages: int, budget: TextBudget
) -> tuple[str, int]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise _Encrypted from None
        raise _Unreadable from None
    try:
        if len(document) > max_pages:
            raise _too_many_pages(name, len(document), max_pages)
        pages = []
        fallback = _PypdfPages(data, password)
        for index in range(len(document)):
            try:
                page = document[index]
                textpage = page.get_textpage()
            except pdfium.PdfiumError:
                raise InputError(
                    f"{name}: not a readable PDF: page {index + 1} cannot be loaded (its page "
                    "tree is damaged, cyclic or nested too deep)"
                ) from None
            budget.spend(textpage.count_chars())
            text = textpage.get_text_range()
            textpage.close()
            links = _github_links(document, page)
            page.close()
            if _LOST_LIGATURE.search(text):
                text = fallback.page_text(index, instead_of=text)
            pages.append(
                _drawn_accents(_drawn_hyphens(text)) + "".join(f"\n{link}" for link in links)
            )
        return "\n\n".join(pages), len(pages)
    finally:
        document.close()


#: A control character where a word goes on: a glyph PDFium could not map to text, in the
#: fonts seen a ligature ("Scienti\x1bc" for "Scientific", "\x1eexible" for "flexible").
_LOST_LIGATURE = re.compile(r"(?<=[A-Za-z \n])[\x00\x01\x03-\x08\x0b\x0c\x0e-\x1f](?=[a-z])")
#: pypdf writes a glyph it cannot map by its name: ligatures ("Scienti/f_ic") and icons
#: ("/github", "/map_marker").
_LIGATURE_NAME = re.compile(r"/(f_f_i|f_f_l|f_f|f_i|f_l|f_t|ffi|ffl|ff|fi|fl)(?=[a-z])")
_GLYPH_NAME = re.compile(r"(?<!\S)/[A-Za-z_][\w.-]*")


class _PypdfPages:
    """pypdf's text of single pages, for those PDFium loses ligatures on: pypdf names the
    glyphs it cannot map, and a ligature's name says its letters. Opened on first need."""

    def __init__(self, data: bytes, password: str | None) -> None:
        self.data, self.password = data, password
        self.reader: Any = None

    def page_text(self, index: int, *, instead_of: str) -> str:
        try:
            if self.reader is None:
                self.reader = _pypdf_reader(self.data, self.password)
            text = str(self.reader.pages[index].extract_text() or "")
        except Exception:  # pypdf raises many kinds of errors on damaged files
            return instead_of
        text = _GLYPH_NAME.sub("", _LIGATURE_NAME.sub(lambda m: m.group(1).replace("_", ""), text))
        # pypdf glues words on some layouts: its text is used only where it kept the letters
        # and the spaces between words.
        if _letters(text) < 0.95 * _letters(instead_of) or _glued(text) > _glued(instead_of):
            return instead_of
        return text


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


_LONG_WORD = re.compile(r"[^\W\d_]{18,}")


def _glued(text: str) -> int:
    return len(_LONG_WORD.findall(text))


def _pypdf_reader(data: bytes, password: str | None) -> Any:
    import io
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt(password or "")
    return reader


def _with_pypdf(
    data: bytes, name: str, password: str | None, max_pages: int, budget: TextBudget
) -> tuple[str, int]:
    import io
    import logging

    from pypdf import PdfReader

    # pypdf logs every repair it attempts; the one-line error below is what the user needs.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(password or ""):
            raise InputError(f"{name}: the PDF is encrypted; supply --password", code="encrypted")
        if len(reader.pages) > max_pages:
            raise _too_many_pages(name, len(reader.pages), max_pages)
        texts = []
        for page in reader.pages:
            texts.append(_drawn_accents(page.extract_text() or ""))
            budget.spend(len(texts[-1]))
        return "\n\n".join(texts), len(reader.pages)
    except InputError:
        raise
    except Exception:  # pypdf raises many kinds of errors on damaged files
        raise InputError(f"{name}: not a readable PDF (damaged or truncated)") from None


#: Longest link target read, in bytes.
_MAX_URI = 4096


def _github_links(document: Any, page: Any) -> list[str]:
    """GitHub links behind the page's hyperlinks: a GitHub icon is evidence, like its URL.

    Other link targets are not read: a URL is not evidence of a skill.
    """
    import ctypes

    import pypdfium2.raw as pdfium_c

    found: list[str] = []
    position = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    buffer = ctypes.create_string_buffer(_MAX_URI)
    while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(position), ctypes.byref(link)):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action:
            continue
        # The URI's length with its final NUL; a longer one than the buffer is left unread.
        size = pdfium_c.FPDFAction_GetURIPath(document.raw, action, buffer, _MAX_URI)
        if not 0 < size <= _MAX_URI:
            continue
        address = github_address(buffer.value.decode("utf-8", "replace"))
        if address and address not in found:
            found.append(address)
    return found


_LINE_END_HYPHEN = re.compile(r"[\u00ad\x02][ \t]*\r?\n[ \t]*")


def _drawn_hyphens(text: str) -> str:
    """PDFium's text with a hyphen that ends a line marked as a break (U+FFFE, which
    :mod:`skillgap.readers.normalise` resolves), and a soft hyphen inside a line as the hyphen
    it is: a PDF only holds what is drawn, and fonts such as Awesome-CV's map their hyphen
    glyph to U+00AD, in "cloud-native" and in "2023 - 2024")."""
    if "\u00ad" not in text and "\x02" not in text:
        return text  # most pages have none, and the search costs more than this test
    return _LINE_END_HYPHEN.sub("\ufffe", text).replace("\u00ad", "-").replace("\x02", "-")


#: Accents TeX draws as glyphs of their own (its \\accent primitive sets the accent, then the
#: letter: "T\u00b4el\u00b4ecom"), with the combining mark each stands for.
_ACCENTS = {
    "\u00b4": "\u0301", "`": "\u0300", "\u00a8": "\u0308", "\u02c6": "\u0302",
    "\u02dc": "\u0303", "\u02c7": "\u030c", "\u02da": "\u030a", "\u02d8": "\u0306",
    "\u00b8": "\u0327", "\u02db": "\u0328",
}  # fmt: skip
_SPACING = "\u00b4\u00a8\u02c6\u02dc\u02c7\u02da\u02d8\u00b8\u02db"
#: A drawn accent before its letter; a backtick only between a letter and a vowel ("Universit`a").
_ACCENTED = re.compile(f"([{_SPACING}])([^\\W\\d_])|(?<=[^\\W\\d_])`([aeiouAEIOU])")
#: An accent alone between spaces: its letter was drawn elsewhere ("Ecole ... France \u00b4").
_LONE_ACCENT = re.compile(f"[ \\t][{_SPACING}](?=\\s|$)")


def _drawn_accents(text: str) -> str:
    """The text with TeX's drawn accents put on their letters ("T\u00e9l\u00e9com Paris",
    "sup\u00e9rieure"), and accents whose letter stands elsewhere dropped."""
    if not any(mark in text for mark in _ACCENTS):
        return text

    def joined(match: re.Match[str]) -> str:
        accent = _ACCENTS[match.group(1) or "`"]
        return unicodedata.normalize("NFC", (match.group(2) or match.group(3)) + accent)

    return _LONE_ACCENT.sub("", _ACCENTED.sub(joined, text))

"""Decode bytes of text and repair mojibake."""

from __future__ import annotations

import codecs
import re

from skillgap.errors import InputError
from skillgap.limits import TextBudget

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, name: str, budget: TextBudget | None = None) -> str:
    """Decode text in a common encoding and repair mojibake such as ``â€¢`` for ``•``; the
    decoded text is spent from ``budget`` when given."""
    text = _decode_raw(data, name)
    if not text.strip():
        raise InputError(f"{name}: no text found (the file is empty)", code="no-text")
    if budget is not None:
        budget.spend(len(text))
    return fix_text(text)


#: What ftfy may change in a line: anything but printable ASCII, tabs and line ends, or an
#: "&" (HTML entities). A line without any of these ftfy returns as it is.
_FTFY_MAY_CHANGE = re.compile(r"[^\t\n\x20-\x25\x27-\x7e]")


def fix_text(text: str) -> str:
    """``ftfy.fix_text`` with curly quotes left (they are not mojibake, and JSON needs its own
    quotes untouched) and NFC, handed only the lines it may change.

    ftfy fixes a text line by line, each on its own except that from the first line with a
    "<" on, HTML entities are left alone (the text is taken to be HTML); this keeps both.
    """
    import ftfy

    pieces: list[str] = []
    position, html = 0, False
    while match := _FTFY_MAY_CHANGE.search(text, position):
        start = max(position, text.rfind("\n", position, match.start()) + 1)
        end = text.find("\n", match.start()) + 1 or len(text)
        pieces.append(text[position:start])
        html = html or "<" in pieces[-1]
        lines = text[start:end]
        unescape = False if html else "auto"
        pieces.append(
            ftfy.fix_text(lines, uncurl_quotes=False, normalization="NFC", unescape_html=unescape)
        )
        html = html or "<" in lines
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _decode_raw(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None and (utf16 := _bom_less_utf16(data)):
        return data.decode(utf16, errors="replace")
    if _binary_share(data) > 0.05:
        raise InputError(f"{name}: not a text file or a supported document", code="unsupported")
    if text is not None:
        return text
    return data.decode(_guess_encoding(data), errors="replace")


#: Encodings resumes are written in besides UTF-8, most likely first: a tie goes to the first.
LIKELY_ENCODINGS = (
    "cp1252", "iso8859_15", "cp1250", "cp1251", "koi8_r", "cp1253", "cp1254", "cp1257",
    "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr",
)  # fmt: skip


def _guess_encoding(data: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:262144], cp_isolation=list(LIKELY_ENCODINGS)))
    if not matches:
        return "cp1252"
    least_chaos = min(match.chaos for match in matches)
    tied = [m for m in matches if m.chaos <= least_chaos + 0.01]
    # Among equally clean decodings, the one whose letters fit a language best, then the
    # more common encoding.
    best = min(
        tied,
        key=lambda m: (
            -round(m.coherence, 1),
            LIKELY_ENCODINGS.index(m.encoding) if m.encoding in LIKELY_ENCODINGS else 99,
        ),
    )
    return str(best.encoding)


def _bom_less_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: text in Latin script has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


#: Control bytes that text does not hold (tabs, line ends and form feeds aside).
_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])


def _binary_share(data: bytes) -> float:
    sample = data[:65536]
    if not sample:
        return 0.0
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return control / len(sample)

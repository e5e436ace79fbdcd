"""Decode bytes of text and repair mojibake."""

from __future__ import annotations

import codecs

from skillgap.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, name: str) -> str:
    """Decode text in a common encoding and repair mojibake such as ``â€¢`` for ``•``."""
    text = _decode_raw(data, name)
    if not text.strip():
        raise InputError(f"{name}: no text found (the file is empty)", code="no-text")
    import ftfy

    # Curly quotes stay: they are not mojibake, and JSON needs its own quotes untouched.
    return str(ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC"))


def _decode_raw(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _binary_share(data) > 0.05:
        raise InputError(f"{name}: not a text file or a supported document", code="unsupported")
    return data.decode("cp1252", errors="replace")


def _binary_share(data: bytes) -> float:
    sample = data[:65536]
    if not sample:
        return 0.0
    control = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return control / len(sample)

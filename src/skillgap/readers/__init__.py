"""Turn an input file (or bytes) into plain text that the matcher reads.

Each format has one reader that returns a :class:`Document`; :func:`read_document` picks the
reader from the file's content first and its extension second, so a PDF named ``.txt`` is
still read as a PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from skillgap.errors import InputError

#: Largest input read by default; a resume is rarely over 2 MB, a scanned one maybe 20.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

TEXT_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".tex": "latex",
    ".xtx": "latex",
    ".ltx": "latex",
    ".pdf": "pdf",
}


@dataclass(frozen=True)
class Document:
    """What was read from one input."""

    path: str
    format: str
    text: str
    pages: int | None = None


def detect_format(data: bytes, name: str) -> str:
    """The format of ``data``: content decides where it is clear, the extension otherwise."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    suffix = Path(name).suffix.lower()
    by_extension = TEXT_EXTENSIONS.get(suffix, "text")
    if by_extension == "pdf":
        # Named .pdf but not a PDF: read it as the text it is, if it is text.
        return "text"
    if by_extension == "text" and _looks_like_latex(data):
        return "latex"
    return by_extension


def _looks_like_latex(data: bytes) -> bool:
    sample = data[:20000]
    return b"\\documentclass" in sample or b"\\begin{document}" in sample


def read_bytes(data: bytes, name: str, *, password: str | None = None) -> Document:
    """Read an input already in memory (``name`` is used for messages and the extension)."""
    from skillgap.readers import markup, pdf, text

    fmt = detect_format(data, name)
    if fmt == "pdf":
        body, pages = pdf.extract_text(data, name, password=password)
        return Document(path=name, format="pdf", text=tidy(body), pages=pages)
    decoded = text.decode(data, name)
    if fmt == "markdown":
        decoded = markup.markdown_to_text(decoded)
    elif fmt == "latex":
        decoded = markup.latex_to_text(decoded)
    return Document(path=name, format=fmt, text=tidy(decoded))


def read_document(
    path: str | Path,
    *,
    password: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read one file from disk."""
    file = Path(path)
    try:
        if not file.is_file():
            missing = not file.exists()
            reason = "no such file" if missing else "not a regular file"
            raise InputError(f"{path}: {reason}", code="not-found" if missing else "unreadable")
        size = file.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{path}: file is {size:,} bytes, over the limit of {max_bytes:,} "
                "(raise it with --max-bytes)",
                code="too-large",
            )
        data = file.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from None
    return read_bytes(data, str(path), password=password)


_BLANK_RUN = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    """Normalise line ends, trailing space and blank runs, so line numbers stay stable."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUN.sub("\n\n", text).strip("\n") + "\n"

"""The format of an input from its content: what a name cannot tell.

Standard input and files without a known extension are read as the same file with its proper
extension would be: a YAML CV as YAML, a Markdown page (with its front matter) as Markdown.
Sniffing is conservative: where the content does not say clearly, the input stays plain text.
A file whose extension says plain text (``.txt``) is only sniffed for formats no plain text
starts like (LaTeX, an HTML page, JSON).
"""

from __future__ import annotations

import re
from typing import Literal

#: The formats told from text content (PDF and Word are told from their magic bytes).
TextFormat = Literal["text", "markdown", "rmarkdown", "latex", "json", "yaml", "html"]

#: How many bytes of the input are looked at.
SAMPLE_BYTES = 20000

#: Image formats by their magic bytes: a photo or scan of a resume has no text to read.
_IMAGES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)


def image_kind(data: bytes) -> str | None:
    """The kind of image ``data`` holds (``"PNG"``...), or None when it is no image."""
    for magic, kind in _IMAGES:
        if data.startswith(magic):
            return kind
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "WebP"
    return None


def is_rtf(data: bytes) -> bool:
    """Whether ``data`` is a Rich Text Format document (``{\\rtf1``)."""
    return data[:64].lstrip(b" \t\r\n\xef\xbb\xbf").startswith(b"{\\rtf")


def text_format(data: bytes, *, named: bool) -> TextFormat:
    """The format of text ``data``; ``named`` when its extension already says plain text."""
    sample = data[:SAMPLE_BYTES]
    head = sample[:2048].lstrip(b" \t\r\n\xef\xbb\xbf")
    text = sample.decode("utf-8", errors="replace").replace("\r\n", "\n").lstrip("\ufeff \t\n")
    if len(data) > SAMPLE_BYTES:  # its last line may be cut short
        text = text[: text.rfind("\n") + 1]
    if not named and (page := _page_format(text)):
        return page
    if b"\\documentclass" in sample or b"\\begin{document}" in sample:
        return "latex"
    if head.lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith((b"{", b"[")):
        return "json"
    if not named and _is_markdown(text):
        return "markdown"
    return "text"


#: A code chunk of R Markdown or Quarto: ```{r}, ```{python echo=FALSE}.
_CHUNK = re.compile(r"^```\s*\{[A-Za-z]", re.MULTILINE)
#: The line that closes front matter opened by "---" (YAML) or "+++" (TOML).
_CLOSING = {"---": re.compile(r"^---[ \t]*$", re.MULTILINE),
            "+++": re.compile(r"^\+\+\+[ \t]*$", re.MULTILINE)}  # fmt: skip


def _page_format(text: str) -> TextFormat | None:
    """R Markdown (code chunks), a Markdown page under front matter, or a YAML mapping."""
    if _CHUNK.search(text):
        return "rmarkdown"
    opening = text[:3]
    first_line, _, rest = text.partition("\n")
    if opening in _CLOSING and first_line.rstrip() == opening:
        closing = _CLOSING[opening].search(rest)
        if closing is None:  # "---" atop a YAML document, and no page after it
            return "yaml" if _is_yaml_mapping(rest) else None
        body = rest[closing.end() :]
        if _is_yaml_mapping(body):  # the next document of a YAML file, not a page
            return "yaml"
        if opening == "+++" or _mapping_shape(rest[: closing.start()]) is not None:
            return "markdown"  # a page's front matter, even when the page under it is empty
        return None
    return "yaml" if _is_yaml_mapping(text) else None


#: A top-level key of a YAML mapping as CVs and site configs write them (``resume_name:``,
#: ``education:``): one word, no spaces, so that "Experience with AWS: 3 years" is no key.
_TOP_KEY = re.compile(r"[A-Za-z_][\w.-]*:(?:[ \t]|$)")
_LIST_ITEM = re.compile(r"-(?:[ \t]|$)")


def _is_yaml_mapping(text: str) -> bool:
    """Whether ``text`` is a YAML mapping of two keys or more with something nested."""
    shape = _mapping_shape(text)
    return shape is not None and shape[0] >= 2 and shape[1] > 0


def _mapping_shape(text: str) -> tuple[int, int] | None:
    """How many keys and nested lines ``text`` holds when every line at its margin is a
    one-word key (or a list item, or a document marker) and the first is a key; else None."""
    lines = [line for line in text.split("\n") if line.strip() and line.lstrip()[:1] != "#"]
    if lines and not _TOP_KEY.match(lines[0]):
        return None
    keys = nested = 0
    for line in lines:
        if line[0] in " \t" or _LIST_ITEM.match(line):
            nested += 1
        elif _TOP_KEY.match(line):
            keys += 1
        elif line.rstrip() not in {"---", "..."}:
            return None
    return keys, nested


_ATX_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
_SETEXT_HEADING = re.compile(r"^\S[^\n]*\n={3,}[ \t]*$", re.MULTILINE)
_LINK = re.compile(r"\[[^\]\n]+\]\([^)\s]+\)")
_STRONG = re.compile(r"(\*\*|__)[^\s*_][^\n]*?\1")


def _is_markdown(text: str) -> bool:
    """Markdown: headings written with "#" (two or more), or a heading with Markdown's
    links or bold; list items alone are how plain text is written too."""
    atx = len(_ATX_HEADING.findall(text))
    headings = atx + len(_SETEXT_HEADING.findall(text))
    return atx >= 2 or (headings >= 1 and bool(_LINK.search(text) or _STRONG.search(text)))

"""A posting's text wrapped inside its sentences, read as the lines its author wrote.

Text pasted from an e-mail, converted by a tool that wraps at a width, or read from a PDF
breaks its paragraphs and list items across lines ("Ph.D. degree in Computer Science and
Engineering, Electrical" / "Engineering, Statistics/Mathematics."). The posting reader takes a
line for an item and a sentence for a requirement, so a degree's fields, or a kind and its
examples, broken across two lines were read as two requirements. A break is a wrap when the
document is wrapped at a width and the break continues a sentence:

- the line does not end a sentence (a full stop, a colon), or ends with an abbreviation
  ("(e.g.") or inside parentheses;
- and the next line begins in lower case, the line ends with a word that joins ("and",
  "of", a comma), or the line runs to near the width (a shorter line was ended on purpose);
- neither line is a heading, and the next is no list item of its own.

A document is wrapped at a width when most of its lines are short, but not a list of names,
and at least a few breaks are wraps by the first two signs alone (a list of items, one a
line, ends its lines on purpose however long they are).

The wraps become spaces, so every character keeps its place; :func:`first_lines` gives the
line of the original text each line of the unwrapped one begins on, for the evidence.
"""

from __future__ import annotations

import re

from skillgap.posting_hyphens import rejoined
from skillgap.posting_lists import BULLET
from skillgap.posting_sections import heading_kind

#: A document whose lines run longer than this (nine in ten of them) is not wrapped at a width,
#: nor one whose longest line is shorter than the narrowest width text is wrapped at.
_MOST_WIDTH = 100
_MIN_WIDTH = 40
#: A line that ends within this many characters of the width ran to it, and was wrapped.
_FILLED = 20
#: Breaks that look like wraps before a document counts as wrapped.
_MIN_WRAPS = 5
_ENDS_SENTENCE = re.compile(r"[.!?:;][\s)\"'\u201d*_]*$")
_ABBREVIATION = re.compile(r"\b(e\.g|i\.e|eg|ie|incl|vs|viz)\.$", re.IGNORECASE)
_JOINING_END = re.compile(
    r"(,|[(/&-]|\b(and|or|of|the|a|an|in|with|to|for|as|at|on|by|from|such as|including|"
    r"like|using|via|into|than|both|either|our|your|their|its))$",
    re.IGNORECASE,
)


def unwrapped(text: str) -> str:
    """The text with the breaks that wrap a sentence made spaces, and words hyphenated across
    a break on one line (the same length)."""
    text = rejoined(text)
    lines = text.split("\n")
    wraps = _item_continuations(lines) | _width_wraps(lines)
    if not wraps:
        return text
    chars = list(text)
    offset = 0
    ends = set(wraps)
    for index, line in enumerate(lines[:-1]):
        offset += len(line)
        if index in ends:
            chars[offset] = " "
        offset += 1
    return "".join(chars)


def _width_wraps(lines: list[str]) -> set[int]:
    """The breaks (after line i) that wrap a sentence in a document wrapped at a width."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if not lengths:
        return set()
    width = lengths[-1]
    if lengths[(len(lengths) * 9) // 10] > _MOST_WIDTH or width < _MIN_WIDTH:
        return set()
    breaks = range(len(lines) - 1)
    if sum(_wraps(lines[i], lines[i + 1], None) for i in breaks) < _MIN_WRAPS:
        return set()
    return {i for i in breaks if _wraps(lines[i], lines[i + 1], width)}


def _item_continuations(lines: list[str]) -> set[int]:
    """The breaks inside a list item that goes on, on the next line, where the item's
    sentence goes on: however wide the document, the item is one line as its author wrote it.

    Indented under its bullet ("- Workflow managers such as Airflow," / "  Luigi or Kubeflow."),
    the item goes on wherever its line ends no sentence; flush with the margin (text pasted
    from a PDF or an e-mail: "- Experience in one of the languages: Java, C++," / "Python or
    Go"), only where the words say so (see :func:`_wraps`). A line of prose outside a list
    goes on where the words say so too, but a comma alone does not say it before a capital
    (a list of items, one a line, ends each with a comma)."""
    found: set[int] = set()
    item_indent: int | None = None
    for index, line in enumerate(lines[:-1]):
        if BULLET.match(line.strip()):
            item_indent = len(line) - len(line.lstrip())
        elif not line.strip() or (
            index - 1 not in found and len(line) - len(line.lstrip()) <= (item_indent or 0)
        ):
            item_indent = None
        if _continues(line, lines[index + 1], item_indent):
            found.add(index)
    return found


def _continues(line: str, following: str, item_indent: int | None) -> bool:
    """Whether ``following`` continues ``line`` (in a list item indented so deep, if any)."""
    indent = len(following) - len(following.lstrip())
    if item_indent is not None and indent > item_indent:
        return _goes_on(line, following)
    if not _wraps(line, following, None):
        return False
    return item_indent is not None or not _comma_before_capital(line, following)


def _comma_before_capital(line: str, following: str) -> bool:
    """Whether only a comma says the line goes on, before a capital."""
    current, after = line.rstrip(), following.strip()
    return (
        current.endswith(",")
        and not after[:1].islower()
        and current.count("(") <= current.count(")")
    )


def _goes_on(line: str, following: str) -> bool:
    """Whether a sentence in ``line`` goes on in ``following`` (neither a heading nor a new
    item, and ``line`` ends no sentence)."""
    current, after = line.rstrip(), following.strip()
    if not current.strip() or not after or BULLET.match(after) or after.startswith(("#", "|")):
        return False
    if heading_kind(current) is not None or heading_kind(after) is not None:
        return False
    open_aside = current.count("(") > current.count(")")
    return not _ENDS_SENTENCE.search(current) or bool(_ABBREVIATION.search(current) or open_aside)


def _wraps(line: str, following: str, width: int | None) -> bool:
    """Whether the break after ``line`` wraps a sentence that goes on in ``following``;
    without a ``width``, only where the words say so."""
    if not _goes_on(line, following):
        return False
    current, after = line.rstrip(), following.strip()
    open_aside = current.count("(") > current.count(")")
    if after[0].islower() or _JOINING_END.search(current) or _ABBREVIATION.search(current):
        return True
    if open_aside:
        return True
    return width is not None and len(current) >= width - _FILLED


def first_lines(original: str, text: str) -> list[int]:
    """The line of ``original`` (from 1) that each line of its unwrapped ``text`` begins on."""
    result, start, line_number = [], 0, 1
    for line in text.split("\n"):
        result.append(line_number)
        line_number += original.count("\n", start, start + len(line) + 1)
        start += len(line) + 1
    return result

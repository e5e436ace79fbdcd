"""Where an "any of the following" list of a posting ends.

A list of alternatives is opened by a heading ("Any of the following:") or by an item that
leads into it ("- Experience with any of the following cloud providers:"), and it ends where
its items end, as people write them:

- items indented under the item that opens the list are its items, up to the first line that
  is not indented under it;
- items not indented (the Markdown reader indents a nested list's items; a posting pasted
  as text often has none) are its items while they are short, a bare name or two ("AWS",
  "Google Cloud"); a full requirement ("Experience with NLP techniques", "Master's degree in
  a STEM field") is the next item of the posting, not one of the alternatives;
- after a line whose first item is a full sentence, every item up to the next heading is
  one of the alternatives ("Looking for experience in any of the following:"), unless that
  line is itself an item with a bullet: then the sentence is the posting's next item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A list item's bullet: Markdown's, plain text's, or a number.
BULLET = re.compile(r"^([-*+\u2022\u25aa\u25e6\u2023\u00b7\u2013]|\d{1,2}[.)])\s+")
#: Words that make a line's list a set of alternatives ("experience in any of the following").
ANY_OF = re.compile(
    r"\b(any|one or more|at least one|one|either) of (the following|these)\b|"
    r"\b(any|one or more|at least one|either) of\W*$",
    re.IGNORECASE,
)
#: The most words of an item that is only a name or two ("Google Cloud Platform", "Python or R").
_SHORT_ITEM_WORDS = 4
_ASIDE = re.compile(r"\([^()]*\)")
#: Words that make a line a requirement of its own, not a name ("Strong SQL skills",
#: "Experience with Spark", "PhD preferred").
_REQUIREMENT_WORDS = re.compile(
    r"\b(experience[ds]?|knowledge|skills?|skilled|proficien\w*|familiar\w*|understanding|"
    r"degree|years?|abilit(y|ies)|able|expertise|background|exposure|strong|excellent|solid|"
    r"proven|must|required|preferred|plus|bonus|nice|ideally|fluen\w*|certifi\w*|"
    r"with|in|of|to|for|using)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?;:]\s+\S|[;:]$")
#: Words of an opening line before its "any of" that only introduce the list ("At least one
#: of the following must be true", "Bonus: any of these"): such a line heads the list.
_INTRODUCING_WORDS = frozenset(
    {"and", "or", "plus", "bonus", "also", "have", "has", "with", "you", "must", "should",
     "candidates", "candidate", "the", "a"}
)  # fmt: skip


def short_item(line: str) -> bool:
    """Whether a line is an item that only names something ("AWS", "Microsoft Azure (or
    similar)"), not a requirement of its own."""
    words = _ASIDE.sub(" ", BULLET.sub("", line.strip())).strip()
    return (
        bool(words)
        and len(words.split()) <= _SHORT_ITEM_WORDS
        and not _REQUIREMENT_WORDS.search(words)
        and not _SENTENCE_END.search(words)
    )


def opens_as_item(line: str) -> bool:
    """Whether a line that opens an "any of" list is an item of its section (it has a
    bullet, or asks for something before its "any of": "Experience in one of the
    following areas:") rather than a heading of its own ("Any of the following:")."""
    text = line.strip()
    found = ANY_OF.search(text)
    if BULLET.match(text) or found is None:
        return BULLET.match(text) is not None
    before = re.findall(r"[\w']+", text[: found.start()].casefold())
    return any(word not in _INTRODUCING_WORDS for word in before)


@dataclass
class AnyOfList:
    """An open "any of the following" list, fed its lines in order by :meth:`holds`."""

    #: The indent of the item that opens the list, or None when a heading opens it.
    item_indent: int | None
    #: Whether the line that opens it has a bullet ("- Experience with one of:").
    bulleted: bool = False
    #: Whether its items are indented under the opening item, full sentences, or short
    #: names: known from its first item.
    shape: str | None = None
    #: How many lines it has held (an item opening a list of full sentences holds none).
    held: int = 0

    @classmethod
    def opened_by(cls, line: str) -> AnyOfList | None:
        """The list a heading or an item opens, when its words make it one of alternatives."""
        if ANY_OF.search(line) is None:
            return None
        indent = len(line) - len(line.lstrip())
        bulleted = BULLET.match(line.strip()) is not None
        return cls(indent if opens_as_item(line) else None, bulleted)

    def holds(self, line: str) -> bool:
        """Whether a line (the next of the posting) is still an item of the list."""
        if not line.strip():
            return True  # the blank lines between items
        if self._holds(line):
            self.held += 1
            return True
        return False

    def _holds(self, line: str) -> bool:
        indent = len(line) - len(line.lstrip())
        if self.shape is None:
            if self.item_indent is not None and indent > self.item_indent:
                self.shape = "indented"
            elif short_item(line):
                self.shape = "short"
            else:
                self.shape = "sentences"
        match self.shape:
            case "indented":
                return indent > (self.item_indent or 0)
            case "short":
                return short_item(line)
            case _:
                # A full sentence first: after an item with a bullet, that sentence is no
                # alternative of its; else the list runs to the next heading.
                return not self.bulleted

"""What every renderer shares: the formats, the options, and the streaming interface.

Kept free of heavy imports: the command line reads :class:`OutputFormat` to build its help.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from skillgap.report import Profile, RequirementResult, RoleResult

T = TypeVar("T")


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    github = "github"
    html = "html"


@dataclass(frozen=True)
class RenderOptions:
    """What a renderer may need to know about where its text goes, and how much to show."""

    width: int = 80
    color: bool = False
    #: The complete skills table with evidence (``--details``), not only the skills' names.
    details: bool = False


#: Terminal escape sequences (CSI, OSC, and two-character ones), control characters, and the
#: Unicode controls that reorder text (bidirectional overrides and isolates).
_UNPRINTABLE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)


def printable(text: str) -> str:
    """Text from a resume or a file name as it may be shown: without escape sequences or
    control characters (which a terminal would obey), tabs and line ends as spaces."""
    return _UNPRINTABLE.sub("", text).replace("\t", " ").replace("\n", " ")


def partial_note(requirement: RequirementResult, names: Mapping[str, str]) -> str:
    """Why a gap already earns half its weight, or nothing."""
    if requirement.credit == 0:
        return ""
    if requirement.note:
        return f"Half credit: {requirement.note}. "
    if requirement.adjacent:
        have = ", ".join(names.get(i, i) for i in requirement.adjacent)
        return f"Half credit: you show {have}, which is close. "
    return "Half credit: only seen in coursework, awards or interests. "


def gain_text(requirement: RequirementResult, role: RoleResult) -> str:
    """What closing a gap adds: "+8 if closed"; for a gap outside the core of a role none of
    whose core is met, that it adds nothing yet (a bare "+0" reads as a bug); for one in the
    core while the role's field (its gate) is missing, that it waits for the field."""
    if requirement.gain == 0 and role.core_share == 0 and not requirement.gate:
        return "+0 until the field is met" if requirement.core else "+0 until the core is met"
    return f"+{requirement.gain:.0f} if closed"


def counted(number: int, one: str, many: str) -> str:
    """``1 talk``, ``2 talks``, ``0 talks``."""
    return f"{number} {one if number == 1 else many}"


def research_summary(profile: Profile) -> list[str]:
    """The research line of a report: publication entries, their venues, talks."""
    publications = profile.publications
    research = [counted(publications.count, "publication entry", "publication entries")]
    if publications.venues:
        research.append("venues " + ", ".join(publications.venues[:6]))
    research.append(counted(profile.talks.count, "talk", "talks"))
    return research


def color_wanted(to_terminal: bool, environ: Mapping[str, str]) -> bool:
    """Colour on a terminal, or anywhere when ``FORCE_COLOR`` is set; never when ``NO_COLOR``
    is set, which wins over both (https://no-color.org). Any non-empty value sets either."""
    if environ.get("NO_COLOR"):
        return False
    return to_terminal or bool(environ.get("FORCE_COLOR"))


class Renderer(ABC, Generic[T]):
    """One output format for a stream of items: ``begin()``, then ``record(item)`` for each
    item, then ``end()``; the output is these texts in that order, written as they come.

    ``record(item)`` is ``place(text(item))``: ``text`` renders the item on its own and is pure,
    so that a batch calls it in its worker processes; ``place`` puts that text into the stream
    (a separator before every item but the first, say) and may keep state, so it is called in
    order, in one process. A renderer serves one stream. One that needs more than an item's
    text to place it (a table aligned on its longest cell, a heading named by the first row)
    overrides ``record`` instead, and is not used for batches.
    """

    def begin(self) -> str:
        """What comes before the first item."""
        return ""

    @abstractmethod
    def text(self, item: T) -> str:
        """The item rendered on its own."""

    def place(self, text: str) -> str:
        """An item's :meth:`text` as the next part of the stream."""
        return text

    def record(self, item: T) -> str:
        return self.place(self.text(item))

    def end(self) -> str:
        """What comes after the last item."""
        return ""


def stream(renderer: Renderer[T], items: Iterable[T]) -> Iterator[str]:
    """The texts of a whole stream, in order."""
    yield renderer.begin()
    for item in items:
        yield renderer.record(item)
    yield renderer.end()


def render_all(renderer: Renderer[T], items: Iterable[T]) -> str:
    """A whole stream as one text."""
    return "".join(stream(renderer, items))


def met_word(requirement: RequirementResult) -> str:
    """Whether a requirement is met, in a word: "yes", "half" (some credit) or "no"."""
    return "yes" if requirement.credit >= 1 else "half" if requirement.credit > 0 else "no"

"""Recognise the usual resume sections from their headings.

A heading is a short line whose words are a known section title ("Technical Skills",
"WORK EXPERIENCE", "Education Details"), or a known title followed by a colon or bullet and
content on the same line ("Skills: Python, SQL"). Icons, bullets, numbering and rules around
the title are not part of it ("\uf0b1 EXPERIENCE", "2. Education", "— SKILLS —"), and a line
that ends a sentence is never one. The titles of each kind of section are data,
``skills/sections.toml``, read and checked once, on import (:data:`SECTIONS`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError

from skillgap.data_files import read_toml, validation_message
from skillgap.errors import TaxonomyError
from skillgap.ids import REQUIRED_SECTION_IDS, SKILLS_SECTION

SECTIONS_FILE = "sections.toml"
_SECTION_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_WORD = re.compile(r"[a-z0-9&+\-]+")
_INLINE_HEADING = re.compile(
    r"^\s*([A-Za-z][A-Za-z &/\-]{1,60}?)\s*(?::|\*|•|\||\u2013|\u2014)\s*\S"
)
#: What may stand before a heading's first letter: icons (emoji, Font Awesome's private-use
#: glyphs), bullets, rules ("== Skills ==", "— SKILLS —"), Markdown marks.
_LEADING_MARKS = re.compile(r"^[^\w(]+")
#: GitHub's emoji shortcodes around a heading ("## :mortar_board: Education"), shown as icons.
_SHORTCODES = re.compile(r"^[^\w(:]*(?::[a-z0-9_+\-]+:\s*)+|(?:\s*:[a-z0-9_+\-]+:)+$")
#: Section numbers: "1. Experience", "2.1 Skills", "II. Education", "(a) Awards", "B) Talks".
_NUMBERING = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXivx]{1,4}[.)]|[A-Za-z][.)]|\((?:\d{1,2}|[A-Za-z])\))\s+"
    r"(?=[^\W\d])"
)
#: After a heading: rules, colons, icons (a full stop stays: it ends a sentence).
_TRAILING_MARKS = re.compile(r"[^\w.)+]+$")
_SPACED_GROUPS = re.compile(r"\s{2,}")
_TITLE_SLASH = re.compile(r"(?<=[a-z])\s*/\s*(?=[a-z])")
_LIST_BULLET = re.compile(r"^\s*([-*\u2022\u25e6\u25aa\u2023\u2013\u00b7])\s")
#: Words of running prose that no heading beyond a known title holds: a pair of titles
#: "Skills and Interests" is a heading, "Experience and passion for ML" is a sentence.
_PROSE_WORDS = frozenset(
    {
        "i", "we", "you", "he", "she", "they", "it", "my", "our", "your", "is", "are", "was",
        "were", "am", "be", "been", "being", "will", "would", "can", "could", "should", "must",
        "have", "has", "had", "do", "does", "did", "with", "for", "to", "from", "by", "on", "at",
        "in", "of", "the", "a", "an", "this", "that", "these", "those", "as", "than",
    }
)  # fmt: skip


def normalise_title(line: str) -> str:
    """The lowercase words of a heading: ``## Technical Skills:`` -> ``technical skills``."""
    text = line.strip().lower().replace("&", " and ")
    if "." not in text:  # "Talks/Conference Presentations" is a pair; a URL's path is not
        text = _TITLE_SLASH.sub(" and ", text)
    groups = [group.split() for group in _SPACED_GROUPS.split(text)]
    if len(groups) > 1 and all(len(g) > 1 and all(len(c) == 1 for c in g) for g in groups):
        # letter-spaced words two spaces apart: "W O R K  E X P E R I E N C E"
        text = " ".join("".join(group) for group in groups)
    words = [word for word in _WORD.findall(text) if word.strip("-+")]
    if len(words) > 3 and all(len(word) == 1 for word in words):
        words = ["".join(words)]  # letter-spaced headings: "E X P E R I E N C E"
    return " ".join(words)


class SectionKind(BaseModel):
    """One kind of resume section and the titles that open it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    titles: tuple[str, ...] = Field(min_length=1, description="Normalised titles that open it")
    demonstrating: StrictBool = Field(
        default=False, description="Whether its content shows a skill being used"
    )


@dataclass(frozen=True)
class SectionData:
    """The checked content of ``skills/sections.toml``, in the forms the heading finder uses."""

    kinds: Mapping[str, SectionKind]
    section_of_title: Mapping[str, str]
    demonstrating: frozenset[str]
    #: Titles that, inside a skills section, name a group of skills rather than a new section
    #: ("Languages: Python, SQL" under "Skills" is still the skills section).
    skill_group_titles: frozenset[str]
    #: Words that may stand before any title and leave its section as it is ("Selected",
    #: "Relevant", "Additional": "Selected Industry Experience" is experience).
    title_qualifiers: frozenset[str]
    max_title_words: int


def read_section_data(source: Traversable, label: str) -> SectionData:
    """Read and check section data; every problem is a :class:`TaxonomyError` naming ``label``
    and the entry."""
    data = read_toml(source, label)
    unknown = set(data) - {"section", "skill_group_titles", "title_qualifiers"}
    if unknown:
        raise TaxonomyError(f"{label}: unknown key(s): {', '.join(sorted(unknown))}")
    entries = data.get("section", [])
    if not isinstance(entries, list) or not entries:
        raise TaxonomyError(f"{label}: 'section' must be a non-empty array of tables ([[section]])")
    kinds: dict[str, SectionKind] = {}
    section_of_title: dict[str, str] = {}
    for index, raw in enumerate(entries):
        kind = _section_kind(raw, label, index)
        entry = f"{label}: section {kind.id!r}"
        if kind.id in kinds:
            raise TaxonomyError(f"{entry}: duplicate id")
        kinds[kind.id] = kind
        for title in kind.titles:
            if not title or normalise_title(title) != title:
                raise TaxonomyError(
                    f"{entry}: title {title!r} is not normalised "
                    f"(headings are compared as {normalise_title(title)!r})"
                )
            if title in section_of_title:
                other = section_of_title[title]
                raise TaxonomyError(
                    f"{entry}: title {title!r} is also a title of section {other!r}"
                )
            section_of_title[title] = kind.id
    missing = sorted(REQUIRED_SECTION_IDS - set(kinds))
    if missing:
        names = ", ".join(repr(section_id) for section_id in missing)
        raise TaxonomyError(f"{label}: no section {names}: the code relies on it (skillgap.ids)")
    group_titles = data.get("skill_group_titles", [])
    if not isinstance(group_titles, list):
        raise TaxonomyError(f"{label}: 'skill_group_titles' must be an array of titles")
    for title in group_titles:
        if title not in section_of_title:
            raise TaxonomyError(f"{label}: skill_group_titles: {title!r} is not a section title")
    qualifiers = data.get("title_qualifiers", [])
    if not isinstance(qualifiers, list):
        raise TaxonomyError(f"{label}: 'title_qualifiers' must be an array of words")
    for word in qualifiers:
        if not isinstance(word, str) or normalise_title(word) != word or " " in word:
            raise TaxonomyError(f"{label}: title_qualifiers: {word!r} is not one normalised word")
        if word in section_of_title:
            other = section_of_title[word]
            raise TaxonomyError(
                f"{label}: title_qualifiers: {word!r} is also a title of section {other!r}"
            )
    return SectionData(
        kinds=kinds,
        section_of_title=section_of_title,
        demonstrating=frozenset(kind.id for kind in kinds.values() if kind.demonstrating),
        skill_group_titles=frozenset(group_titles),
        title_qualifiers=frozenset(qualifiers),
        max_title_words=max(len(title.split()) for title in section_of_title),
    )


def _section_kind(raw: Any, label: str, index: int) -> SectionKind:
    name = raw.get("id") if isinstance(raw, dict) else None
    entry = f"{label}: " + (f"section {name!r}" if name else f"section #{index + 1}")
    try:
        kind = SectionKind.model_validate(raw)
    except ValidationError as error:
        raise TaxonomyError(f"{entry}: {validation_message(error)}") from None
    if not _SECTION_ID.match(kind.id):
        raise TaxonomyError(f"{entry}: id {kind.id!r} is not lowercase kebab-case")
    return kind


#: The built-in section data, read and checked once, on import.
SECTIONS = read_section_data(files("skillgap.skills") / SECTIONS_FILE, f"skills/{SECTIONS_FILE}")
#: Sections whose content shows a skill being used, as opposed to listed or mentioned.
DEMONSTRATING_SECTIONS = SECTIONS.demonstrating


def heading_section(line: str) -> tuple[str, str] | None:
    """``(section id, normalised title)`` if the line opens a section, else None."""
    found = _heading(line)
    return (found[0], found[1]) if found else None


def _heading(line: str) -> tuple[str, str, bool] | None:
    """``(section id, normalised title, whether content follows on the line)``, or None."""
    stripped = line.strip()
    if not stripped or len(stripped) > 80:
        return None
    core = _without_marks(stripped)
    if not core:
        return None
    # A line that ends a sentence is prose or an item of a list ("... in research projects.",
    # the journal "Languages."), never a heading.
    whole = "" if core.endswith(".") else normalise_title(core)
    if whole in SECTIONS.section_of_title:
        return SECTIONS.section_of_title[whole], whole, False
    # "Languages and Technologies: Python, SQL": the title before the colon, before the pair
    # rule reads the whole line as "languages" and something else.
    inline = _INLINE_HEADING.match(core)
    found = _known_title(normalise_title(inline.group(1))) if inline else None
    if found:
        return found[0], found[1], True
    found = _known_title(whole) if whole else None
    return (found[0], found[1], False) if found else None


def _without_marks(line: str) -> str:
    """The line without the icons, bullets, numbering and rules around a heading's words."""
    core = _LEADING_MARKS.sub("", _SHORTCODES.sub("", line))
    core = _NUMBERING.sub("", core)
    return _TRAILING_MARKS.sub("", core)


def _known_title(title: str) -> tuple[str, str] | None:
    """A known title, maybe after a qualifier ("Selected Publications"), or a pair of them
    ("Certifications & Courses", "Skills and Interests": the section of the first part that is
    known, when the other parts read as titles, not as prose)."""
    section_of = SECTIONS.section_of_title
    if title in section_of:
        return section_of[title], title
    first, _, rest = title.partition(" ")
    if first in SECTIONS.title_qualifiers and rest:
        return _known_title(rest)
    if " and " in title and len(title.split()) <= 2 * SECTIONS.max_title_words:
        parts = title.split(" and ")
        if any(
            part not in section_of and (len(part.split()) > 3 or _PROSE_WORDS & set(part.split()))
            for part in parts
        ):
            return None
        for part in parts:
            if part in section_of:
                return section_of[part], title
    return None


def is_heading_title(title: str) -> bool:
    """Whether the heading finder can give this title: a known title, or a pair of titles
    joined by "and", written as :func:`normalise_title` writes it."""
    return bool(title) and normalise_title(title) == title and _known_title(title) is not None


@dataclass(frozen=True)
class Heading:
    line: int  # 1-based
    section: str
    title: str


def find_headings(lines: list[str]) -> list[Heading]:
    """Every heading line, in order."""
    headings: list[Heading] = []
    current: str | None = None
    for number, line in enumerate(lines, start=1):
        found = _heading(line)
        if not found or _list_item(lines, number - 1):
            continue
        section, title, inline = found
        if title in SECTIONS.skill_group_titles and (
            current == SKILLS_SECTION or (inline and current in SECTIONS.demonstrating)
        ):
            # "Tools: Docker" under Skills names a group of skills; "Tech stack: PyTorch" in a
            # project says what the project used.
            continue
        headings.append(Heading(line=number, section=section, title=title))
        current = section
    return headings


def _list_item(lines: list[str], index: int) -> bool:
    """Whether the line is an item of a bulleted list: "- Leadership" between "- Python" and
    "- SQL" is a skill, not the service section; "• EXPERIENCE" alone is a heading."""
    bullet = _LIST_BULLET.match(lines[index])
    if not bullet:
        return False
    before = next((line for line in reversed(lines[:index]) if line.strip()), "")
    after = next((line for line in lines[index + 1 :] if line.strip()), "")
    return any(
        (match := _LIST_BULLET.match(line)) is not None and match.group(1) == bullet.group(1)
        for line in (before, after)
    )


def sections_by_line(lines: list[str], headings: list[Heading]) -> list[str | None]:
    """The section of every line (index 0 is line 1); None before the first heading."""
    result: list[str | None] = [None] * len(lines)
    current: str | None = None
    starts = {heading.line: heading.section for heading in headings}
    for index in range(len(lines)):
        current = starts.get(index + 1, current)
        result[index] = current
    return result

"""Advice that fits the person: each requirement's tip chosen from what the resume shows.

A skill only listed is to be shown at work, one seen only in coursework to be used in a
project; a degree, publication or algorithms requirement is phrased for the person's level (no
LeetCode for a PhD with papers); a gap with a line that nearly shows it quotes that line and a
wording skillgap recognises. The templates are data (``skills/tips.toml``, checked when read);
the requirement's own tip is the fallback.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files
from itertools import accumulate
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from skillgap.data_files import TIPS_FILE, read_toml, validation_message
from skillgap.errors import TaxonomyError
from skillgap.ids import DEGREE_LEVELS
from skillgap.sections import DEMONSTRATING_SECTIONS

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from pathlib import Path

    from skillgap.report import Profile, RequirementResult, RoleResult
    from skillgap.research import ResearchFact
    from skillgap.taxonomy import Taxonomy

Level = Literal["published", "phd", "phd-student", "master", "bachelor"]
#: The levels a tip can be written for, strongest first: the first the person has and the
#: tip has is used.
LEVELS: tuple[Level, ...] = ("published", "phd", "phd-student", "master", "bachelor")
_CUE = re.compile(r"^[a-z0-9/+#-]+\*?$")
_WORD = re.compile(r"[a-z0-9][a-z0-9/+#-]*")
_WORD_CHAR = re.compile(r"[a-z0-9/+#-]")


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _template(*allowed: str):  # type: ignore[no-untyped-def]
    def check(value: str | None) -> str | None:
        if value is None:
            return value
        unknown = _placeholders(value) - set(allowed)
        if unknown:
            known = ", ".join("{" + name + "}" for name in allowed) or "none"
            raise ValueError(f"unknown placeholder {sorted(unknown)[0]!r} (known: {known})")
        return value

    return check


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class LevelTips(_Record):
    """Tips for a requirement whose first skill is ``skill``, by the person's level."""

    skill: str
    published: str | None = None
    phd: str | None = None
    phd_student: str | None = Field(default=None, alias="phd-student")
    master: str | None = None
    bachelor: str | None = None

    _no_placeholders = field_validator("published", "phd", "phd_student", "master", "bachelor")(
        _template()
    )

    def for_level(self, level: Level) -> str | None:
        tip: str | None = getattr(self, level.replace("-", "_"))
        return tip


class NearMiss(_Record):
    """When a line nearly shows ``skill`` (it holds a word of every group of ``cues``, in
    any order and distance), and a wording that shows it."""

    skill: str
    cues: tuple[tuple[str, ...], ...] = Field(min_length=2)
    wording: str = Field(min_length=10)

    @field_validator("cues")
    @classmethod
    def _cue_words(cls, cues: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
        for group in cues:
            if not group:
                raise ValueError("a group of cues needs a word")
            for cue in group:
                if not _CUE.match(cue):
                    raise ValueError(f"cue {cue!r} is not a lowercase word or a stem ending in *")
        return cues

    def words_of(self, group: int, vocabulary: Vocabulary) -> list[str]:
        """The words of the resume that are cues of one group."""
        return [word for cue in self.cues[group] for word in vocabulary.expand(cue)]


class Vocabulary:
    """The lowercase text of a resume's lines and its words, sorted, so that the lines with a
    cue word or stem ("deploy*") are found with one scan of the text, and only when every
    group of cues has a word in the resume."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.text = "\n".join(lines).lower()
        self.starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        self.words = sorted(set(_WORD.findall(self.text)))

    def expand(self, cue: str) -> list[str]:
        """The words of the text that a cue names: itself, or those that start with its stem."""
        stem = cue.removesuffix("*")
        index = bisect_left(self.words, stem)
        found = []
        while index < len(self.words) and self.words[index].startswith(stem):
            if self.words[index] == stem or cue.endswith("*"):
                found.append(self.words[index])
            index += 1
        return found

    def lines_of(self, words: Sequence[str]) -> set[int]:
        """The indexes of the lines that hold one of the words, whole."""
        text, found = self.text, set()
        for word in words:
            at = text.find(word)
            while at >= 0:
                end = at + len(word)
                if (at == 0 or not _WORD_CHAR.match(text[at - 1])) and (
                    end == len(text) or not _WORD_CHAR.match(text[end])
                ):
                    found.add(bisect_right(self.starts, at) - 1)
                at = text.find(word, end)
        return found


class Tips(_Record):
    """The advice templates of ``skills/tips.toml``."""

    listed: str
    coursework: str
    other_field: str
    near_miss: str
    level: tuple[LevelTips, ...] = ()
    near: tuple[NearMiss, ...] = ()

    _skill_template = field_validator("listed", "coursework")(_template("skill"))
    _near_template = field_validator("near_miss")(_template("line", "text", "wording"))


def read_tips(source: Traversable | Path, label: str, taxonomy: Taxonomy) -> Tips:
    """The tips of a data file, checked: templates, levels, and skills of the taxonomy."""
    try:
        tips = Tips.model_validate(read_toml(source, label))
    except ValidationError as error:
        raise TaxonomyError(f"{label}: {validation_message(error)}") from None
    for skill_id in [entry.skill for entry in tips.level] + [entry.skill for entry in tips.near]:
        if skill_id not in taxonomy.skills:
            raise TaxonomyError(f"{label}: unknown skill {skill_id!r}")
    return tips


@cache
def builtin_tips() -> Tips:
    """The built-in advice templates, checked against the built-in taxonomy."""
    from skillgap.taxonomy import load_taxonomy

    return read_tips(files("skillgap.skills") / TIPS_FILE, f"skills/{TIPS_FILE}", load_taxonomy())


@dataclass
class Person:
    """What advice depends on: the person's levels, and the resume's lines by section; the
    near misses found so far are kept (mle and rs ask for some of the same skills)."""

    levels: frozenset[Level]
    lines: Sequence[str]
    line_sections: Sequence[str | None]
    near_misses: dict[str, int | None] = field(default_factory=dict)
    _vocabulary: Vocabulary | None = None

    def vocabulary(self) -> Vocabulary:
        """The words of the lines, read once a near miss is looked for."""
        if self._vocabulary is None:
            self._vocabulary = Vocabulary(self.lines)
        return self._vocabulary


def person_of(
    profile: Profile,
    research: Sequence[ResearchFact],
    lines: Sequence[str],
    line_sections: Sequence[str | None],
) -> Person:
    """The person advice is for: their levels (a PhD counts only as their own, the research
    evidence ``doctorate``) and their resume's lines."""
    levels: set[Level] = {d.level for d in profile.degrees if d.level != "phd"}
    for fact in research:
        if fact.kind == "publication-list":
            levels.add("published")
        elif fact.kind == "doctorate":
            doctorate = next(d for d in profile.degrees if d.line == fact.line and d.level == "phd")
            levels.add("phd" if doctorate.status == "completed" else "phd-student")
    return Person(frozenset(levels), lines, line_sections)


def advise(role: RoleResult, person: Person, taxonomy: Taxonomy, tips: Tips) -> RoleResult:
    """The role with each requirement's tip fitted to the person."""
    tips_now = [tip_for_person(r, person, taxonomy, tips) for r in role.requirements]
    if all(tip == r.tip for tip, r in zip(tips_now, role.requirements, strict=True)):
        return role
    requirements = [
        r if tip == r.tip else replace(r, tip=tip)
        for tip, r in zip(tips_now, role.requirements, strict=True)
    ]
    return replace(role, requirements=requirements)


def tip_for_person(
    result: RequirementResult, person: Person, taxonomy: Taxonomy, tips: Tips
) -> str:
    """The tip for one requirement (the order is in ``skills/tips.toml``)."""
    if result.note:  # a degree (or its subjects) in another field, or the role's field only
        # named, or no degree where experience may stand for it: the requirement's own tip
        no_degree = any(s in DEGREE_LEVELS for s in result.any_of) and not result.matched
        return result.tip if result.gate or no_degree else tips.other_field
    shown = [child for children in result.via.values() for child in children] or result.matched
    if shown and not result.shown_by:
        skill = taxonomy.skills[shown[0]]
        # Practical skills (tools, ML fields, deployment) are shown by doing; a listed soft
        # skill or foundation keeps its own tip.
        practical = taxonomy.categories[skill.category].practical
        if result.credit == 1 and result.strength == "listed" and practical:
            return tips.listed.format(skill=skill.name)
        if result.credit < 1:
            return tips.coursework.format(skill=skill.name)
    if result.credit == 1:
        return result.tip
    for entry in tips.level:
        if entry.skill == result.any_of[0]:
            tip = next(
                (t for level in LEVELS if level in person.levels if (t := entry.for_level(level))),
                None,
            )
            if tip:
                return tip
    for near in tips.near:
        if near.skill in result.any_of:
            line = _nearly(near, person)
            if line:
                text = _excerpt(person.lines[line - 1], near)
                return tips.near_miss.format(line=line, text=text, wording=near.wording)
    return result.tip


def _nearly(near: NearMiss, person: Person) -> int | None:
    """The line that comes closest to showing the skill: one with a word of each group of
    cues, where the person shows their work (experience, projects, research...) first."""
    if near.skill not in person.near_misses:
        person.near_misses[near.skill] = _nearest_line(near, person)
    return person.near_misses[near.skill]


def _nearest_line(near: NearMiss, person: Person) -> int | None:
    vocabulary = person.vocabulary()
    groups = [near.words_of(group, vocabulary) for group in range(len(near.cues))]
    if not all(groups):
        return None
    candidates = set.intersection(*(vocabulary.lines_of(words) for words in groups))
    best: tuple[bool, int] | None = None
    for index in candidates:
        line = person.lines[index]
        if len(line.strip()) < 12 or not _close_together(line, groups):
            continue
        rank = (person.line_sections[index] not in DEMONSTRATING_SECTIONS, index + 1)
        if best is None or rank < best:
            best = rank
    return best[1] if best else None


#: Most words from the first cue word of a line to the last: further apart, the words say
#: different things ("model development ... satellite monitoring" is no model monitoring).
NEAR_SPAN = 8


def _close_together(line: str, groups: Sequence[Sequence[str]]) -> bool:
    """Whether a word of every group stands within NEAR_SPAN words of one of the first's."""
    words = _WORD.findall(line.lower())
    where = []
    for group in groups:
        members = set(group)
        where.append([i for i, word in enumerate(words) if word in members])
    return any(
        all(any(abs(i - j) <= NEAR_SPAN for j in others) for others in where[1:]) for i in where[0]
    )


def _excerpt(line: str, near: NearMiss, limit: int = 70) -> str:
    """The part of a line around its first cue of the first group, at most ``limit`` long."""
    text = " ".join(line.split()).strip(" .;:•-*")
    if len(text) <= limit:
        return text
    lowered = text.lower()
    starts = [
        match.start()
        for cue in near.cues[0]
        for match in re.finditer(r"(?<![a-z0-9])" + re.escape(cue.rstrip("*")), lowered)
    ]
    start = max(0, min(starts, default=0) - 25)
    if start:  # from a word's start
        start = text.rfind(" ", 0, start) + 1
    piece = text[start : start + limit].rsplit(" ", 1)[0]
    return ("…" if start else "") + piece + ("…" if start + len(piece) < len(text) else "")

"""The HTML report: one self-contained page (inline CSS and SVG, no script, nothing fetched),
from the Jinja2 templates in ``templates/``, autoescaped.

Per resume it shows each role's score as a gauge, its required and preferred scores, a bar per
category, the gaps with their points and tips, the skills found, and the resume text with
every piece of evidence highlighted by category, its skill and how it matched in the title.
``compare`` gets a ranking table. Nothing from a resume or a file name is markup: Jinja2
escapes it, and ``printable`` removes control characters first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from skillgap._version import __version__
from skillgap.records import Failure, Record
from skillgap.render.base import (
    Renderer,
    gain_text,
    partial_note,
    printable,
    research_summary,
)
from skillgap.render.ranking import RankingRows, preferred
from skillgap.report import FoundSkill, Report, RoleResult

if TYPE_CHECKING:
    from jinja2 import Environment

    from skillgap.ranking import Ranked

#: Categories in the order of their colours (``c0`` ... ``c11`` in ``style.css``); a category
#: of a user's roles file gets a colour from its name.
COLOURS = 12
KNOWN_CATEGORIES = (
    "languages", "ml-libraries", "data-processing", "databases", "cloud", "engineering",
    "mlops", "foundations", "fields", "education", "research", "soft-skills",
)  # fmt: skip


@cache
def environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("skillgap.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["level"] = level
    env.globals["version"] = __version__
    return env


def _macros(template: str) -> Any:
    return environment().get_template(template).module


def level(score: float) -> str:
    """The CSS class of a score: good, fair or poor (as the table's green, yellow, red)."""
    return "good" if score >= 70 else "fair" if score >= 40 else "poor"


def colour(category: str) -> int:
    if category in KNOWN_CATEGORIES:
        return KNOWN_CATEGORIES.index(category)
    return sum(category.encode()) % COLOURS


class ReportHtml(Renderer[Record]):
    """A page of one or more reports, each an ``<article>``."""

    def begin(self) -> str:
        return str(_macros("page.html.j2").begin("skillgap report"))

    def text(self, item: Record) -> str:
        macros = _macros("report.html.j2")
        if isinstance(item, Failure):
            view = {"path": printable(item.path), "code": item.code, "message": item.message}
            return str(macros.failure(view)) + "\n"
        return str(macros.report(report_view(item))) + "\n"

    def end(self) -> str:
        return str(_macros("page.html.j2").end())


class RankingHtml(RankingRows):
    """``compare`` as a page with a ranking table."""

    def begin(self) -> str:
        return str(_macros("page.html.j2").begin("skillgap ranking"))

    def heading(self, role_name: str, warnings: list[str] | None = None) -> str:
        return str(_macros("ranking.html.j2").heading(role_name, self.role_id, warnings or []))

    def row(self, item: Ranked) -> str:
        view = {
            "rank": item.rank, "path": printable(item.path), "role": item.role,
            "preferred": preferred(item),
        }  # fmt: skip
        return str(_macros("ranking.html.j2").row(view))

    def failure(self, item: Failure, first: bool) -> str:
        view = {"path": printable(item.path), "code": item.code, "message": item.message}
        return str(_macros("ranking.html.j2").failure(view))

    def nothing_ranked(self) -> str:
        return ""  # the page's empty table says it

    def end(self) -> str:
        table = super().end() + str(_macros("ranking.html.j2").table_end())
        return table + str(_macros("page.html.j2").end())


_LEVEL_NAMES = {"bachelor": "Bachelor's", "master": "Master's", "phd": "PhD"}


def report_view(report: Report) -> dict[str, Any]:
    """What the template shows of a report, as plain values."""
    profile = report.profile
    research = research_summary(profile)
    names = {skill.id: skill.name for skill in report.skills}
    categories = category_names(report)
    return {
        "path": printable(report.input.path),
        "format": report.input.format,
        "pages": report.input.pages,
        "characters": report.input.characters,
        "warnings": report.input.quality.warnings,
        "best": report.best_role,
        "degrees": [
            f"{_LEVEL_NAMES[d.level]}{' in ' + printable(d.field) if d.field else ''}"
            f"{' (in progress)' if d.status == 'in progress' else ''}"
            for d in profile.degrees
        ],
        "research": "; ".join(research),
        "checks": report.checks,
        "roles": [_role_view(role, number, names) for number, role in enumerate(report.roles)],
        "skill_count": len(report.skills),
        "skills_by_strength": [
            (strength, [s.name for s in report.skills if s.strength == strength])
            for strength in ("demonstrated", "listed", "mentioned")
            if any(s.strength == strength for s in report.skills)
        ],
        "legend": [
            {"name": categories[c], "colour": colour(c), "count": n}
            for c, n in _counts(report.skills).items()
        ],
        "segments": None
        if report.text is None
        else highlighted(report.text, report.skills, categories),
    }


def _role_view(role: RoleResult, number: int, names: Mapping[str, str]) -> dict[str, Any]:
    kinds = {r.importance for r in role.requirements}
    by_id = {r.id: r for r in role.requirements}
    gaps = [by_id[gap_id] for gap_id in role.gaps]
    return {
        "id": role.id,
        "anchor": f"{number}-{role.id}",
        "name": role.name,
        "score": role.score,
        "importance": [
            (f"{kind.capitalize()} requirements", score)
            for kind, score in (
                ("required", role.required_score),
                ("preferred", role.preferred_score),
            )
            if kind in kinds
        ],
        "categories": role.categories,
        "warnings": role.warnings,
        "core_note": role.core_note,
        "unrecognised": role.unrecognised,
        # Closing every gap gives 100; the gains do not add up to it when the core is not
        # fully met, since closing a core gap also raises what the others count.
        "open_points": 100 - role.score,
        "gaps": [
            {
                "name": gap.name,
                "gain": gap.gain,
                "gain_text": gain_text(gap, role),
                "importance": gap.importance,
                "weight": gap.weight,
                "note": partial_note(gap, names),
                "tip": gap.tip,
                "source": gap.source,
            }
            for gap in gaps
        ],
    }


def category_names(report: Report) -> dict[str, str]:
    """Every category of the skills found, by id: as the roles name it, else as the built-in
    taxonomy does (a category no role of the report asks for), else from its id."""
    from skillgap.taxonomy import load_taxonomy

    names = {c.id: c.name for role in report.roles for c in role.categories}
    for category_id, category in load_taxonomy().categories.items():
        names.setdefault(category_id, category.name)
    for skill in report.skills:
        name = " ".join("ML" if w == "ml" else w for w in skill.category.split("-"))
        names.setdefault(skill.category, name[:1].upper() + name[1:])
    return names


def _counts(skills: list[FoundSkill]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for skill in skills:
        counts[skill.category] = counts.get(skill.category, 0) + 1
    return counts


@dataclass(frozen=True, eq=False)  # the same span is the same object: compared by identity
class _Span:
    start: int
    end: int
    skill: FoundSkill
    method: str
    strength: str
    line: int
    context: str | None


def highlighted(
    text: str, skills: list[FoundSkill], categories: Mapping[str, str]
) -> list[dict[str, Any]]:
    """The text cut into segments, each plain or a highlight of the evidence that covers it
    (overlapping evidence splits into the pieces each covers, so nothing is lost)."""
    spans = [
        _Span(e.start, e.end, skill, e.method, e.strength, e.line, e.context)
        for skill in skills
        for e in skill.evidence
        if e.start is not None and e.end is not None and 0 <= e.start < e.end <= len(text)
    ]
    bounds = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    starting: dict[int, list[_Span]] = {}
    for span in spans:
        starting.setdefault(span.start, []).append(span)
    active: list[_Span] = []
    segments: list[dict[str, Any]] = []
    for first, stop in pairwise(bounds):
        active = [s for s in active if s.end > first] + starting.get(first, [])
        covering = tuple(sorted(active, key=lambda s: (s.method == "implied", s.end - s.start)))
        piece = printable_text(text[first:stop])
        if segments and segments[-1]["covering"] == covering:
            segments[-1]["text"] += piece
            segments[-1]["stop"] = stop
            continue
        segments.append({"text": piece, "covering": covering, "stop": stop})
    return [
        {"text": s["text"], "mark": _mark(s["covering"], categories, ends=s["stop"])}
        for s in segments
    ]


def _mark(
    covering: tuple[_Span, ...], categories: Mapping[str, str], *, ends: int
) -> dict[str, Any] | None:
    """A highlight: coloured by the category of its main skill, labelled with that skill's name
    where its evidence ends, and titled with every skill it shows and how."""
    if not covering:
        return None
    main = covering[0]
    described = dict.fromkeys(
        f"{s.skill.name} ({categories[s.skill.category]}): {s.method} match, {s.strength}, "
        f"line {s.line}{'; ' + s.context if s.context else ''}"
        for s in covering
    )
    return {
        "colour": colour(main.skill.category),
        "label": main.skill.name if main.end == ends else "",
        "title": "\n".join(described),
    }


def printable_text(text: str) -> str:
    """Resume text as shown in the page: lines kept, other control characters removed."""
    return "\n".join(printable(line) for line in text.split("\n"))

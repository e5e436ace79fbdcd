"""The terminal report (Rich): scores with bars, found skills with evidence, gaps with tips.

Laid out for 80 columns; coloured when ``RenderOptions.color`` says so (see ``color_wanted``).
"""

from __future__ import annotations

from io import StringIO

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from skillgap.records import Failure, Record
from skillgap.render.base import Renderer, RenderOptions
from skillgap.report import FoundSkill, Report, RequirementResult, RoleResult

BAR_WIDTH = 20
MAX_EVIDENCE_SHOWN = 3


class ReportTable(Renderer[Record]):
    """The terminal report of each input, one after another with a blank line between.

    A failed input is shown in the stream only with ``show_failures``: alone, it is only the
    error message on stderr.
    """

    def __init__(self, options: RenderOptions, *, show_failures: bool = True) -> None:
        self.options = options
        self.show_failures = show_failures
        self.written = 0

    def text(self, item: Record) -> str:
        if isinstance(item, Failure) and not self.show_failures:
            return ""
        buffer = StringIO()
        console = Console(
            file=buffer,
            width=self.options.width,
            force_terminal=self.options.color,
            no_color=not self.options.color,
            highlight=False,
            soft_wrap=False,
        )
        if isinstance(item, Failure):
            console.print(Text(f"{item.path}: error ({item.code}): {item.message}", "red"))
        else:
            _render_report(console, item)
        # Rich pads table rows to the full width; trailing spaces only get in the way of a diff.
        return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))

    def place(self, text: str) -> str:
        if not text:
            return ""
        self.written += 1
        return text if self.written == 1 else "\n" + text


def _render_report(console: Console, report: Report) -> None:
    info = report.input
    pages = f", {info.pages} page{'s' * (info.pages != 1)}" if info.pages else ""
    console.print(
        Text.assemble(
            ("skillgap ", "bold"),
            f"{report.version} · ",
            (info.path, "bold"),
            f" ({info.format}{pages}, {info.characters:,} characters)",
        )
    )
    for warning in info.quality.warnings:
        console.print(Text(f"warning: {warning}", "yellow"))
    _render_profile(console, report)
    if report.best_role is not None:
        best = report.best_role
        console.print(Text.assemble(("Best fit: ", "bold"), best.name, f" ({best.score:.0f})"))
        for reason in best.why[1:]:
            console.print(Padding(Text(reason), (0, 0, 0, 2)))
    for role in report.roles:
        console.print()
        _render_role_scores(console, role)
    if report.checks:
        console.print()
        console.print(Text("Checks", "bold"))
        for check in report.checks:
            mark = ("✓ ", "green") if check.passed else ("✗ ", "red")
            console.print(Text.assemble("  ", mark, check.message))
    console.print()
    _render_skills(console, report.skills)
    skill_names = {skill.id: skill.name for skill in report.skills}
    for role in report.roles:
        console.print()
        _render_gaps(console, role, skill_names)


_LEVEL_NAMES = {"bachelor": "Bachelor's", "master": "Master's", "phd": "PhD"}


def _render_profile(console: Console, report: Report) -> None:
    profile = report.profile
    degrees = "; ".join(
        f"{_LEVEL_NAMES[d.level]}{' in ' + d.field if d.field else ''}"
        f"{' (in progress)' if d.status == 'in progress' else ''}"
        for d in profile.degrees
    )
    console.print(Text.assemble(("Education: ", "bold"), degrees or "no degree found"))
    research = [f"{profile.publications.count} publication entries"]
    if profile.publications.venues:
        research.append("venues " + ", ".join(profile.publications.venues[:6]))
    research.append(f"{profile.talks.count} talks")
    console.print(Text.assemble(("Research: ", "bold"), "; ".join(research)))


def _bar(score: float) -> Text:
    filled = round(score / 100 * BAR_WIDTH)
    colour = "green" if score >= 70 else "yellow" if score >= 40 else "red"
    return Text.assemble(("█" * filled, colour), ("░" * (BAR_WIDTH - filled), "dim"))


def _render_role_scores(console: Console, role: RoleResult) -> None:
    console.print(
        Text.assemble(
            (f"{role.name} ({role.id})", "bold"),
            "  ",
            (f"{role.score:.0f}/100", "bold"),
            f"   required {role.required_score:.0f}, preferred {role.preferred_score:.0f}",
        )
    )
    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1))
    table.add_column("category", width=32, no_wrap=True, overflow="ellipsis")
    table.add_column("bar", width=BAR_WIDTH, no_wrap=True)
    table.add_column("score", justify="right", width=4)
    table.add_column("met", width=8)
    for category in role.categories:
        table.add_row(
            category.name,
            _bar(category.score),
            f"{category.score:.0f}",
            f"{category.met}/{category.total} met",
        )
    console.print(Padding(table, (0, 0, 0, 2)))
    for warning in role.warnings:
        console.print(Padding(Text(f"warning: {warning}", "yellow"), (0, 0, 0, 2)))
    if role.unrecognised:
        console.print(
            Padding(
                Text("Not in skillgap's taxonomy (not scored), looked for as written:"),
                (0, 0, 0, 2),
            )
        )
        for term in role.unrecognised:
            mark = ("found", "green") if term.found else ("not found", "red")
            console.print(
                Padding(
                    Text.assemble(f"{term.term} [{term.importance}, line {term.line}]: ", mark),
                    (0, 0, 0, 4),
                )
            )


def _render_skills(console: Console, skills: list[FoundSkill]) -> None:
    console.print(Text(f"Skills found ({len(skills)})", "bold"))
    if not skills:
        console.print("  none")
        return
    table = Table(box=None, pad_edge=False, padding=(0, 1), header_style="dim")
    table.add_column("skill", width=20, overflow="fold")
    table.add_column("strength", width=12, no_wrap=True)
    table.add_column("evidence (line, section, how)", overflow="fold")
    for skill in skills:
        shown = skill.evidence[:MAX_EVIDENCE_SHOWN]
        parts = [
            f'"{e.text}" L{e.line}{f" {e.section}" if e.section else ""} {e.method}' for e in shown
        ]
        more = len(skill.evidence) - len(shown)
        if more:
            parts.append(f"+{more} more")
        table.add_row(skill.name, skill.strength, "; ".join(parts))
    console.print(Padding(table, (0, 0, 0, 2)))


def _partial_note(requirement: RequirementResult, names: dict[str, str]) -> str:
    if requirement.credit == 0:
        return ""
    if requirement.adjacent:
        have = ", ".join(names.get(i, i) for i in requirement.adjacent)
        return f"Half credit: you show {have}, which is close. "
    return "Half credit: only seen in coursework, awards or interests. "


def _render_gaps(console: Console, role: RoleResult, skill_names: dict[str, str]) -> None:
    by_id = {r.id: r for r in role.requirements}
    console.print(Text(f"Gaps for {role.name} ({len(role.gaps)})", "bold"))
    if not role.gaps:
        console.print("  none: every requirement is met")
        return
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", width=3)
    grid.add_column()
    for number, gap_id in enumerate(role.gaps, start=1):
        requirement = by_id[gap_id]
        grid.add_row(
            f"{number}.",
            Text.assemble(
                (requirement.name, "bold"),
                f" [{requirement.importance}, weight {requirement.weight:g}]\n",
                (_partial_note(requirement, skill_names), "italic"),
                requirement.tip,
                (f"\nThe posting: {requirement.source}" if requirement.source else "", "dim"),
            ),
        )
    console.print(Padding(grid, (0, 0, 0, 1)))

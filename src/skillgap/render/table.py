"""The terminal report (Rich): gaps first, then the details.

It opens with each role's score and its top gaps, the most points first, so that what to do
fits on the first screen; then the profile, the scores by category, the skills found (their
names, or with ``details`` every skill with its evidence) and every gap with its tip. Laid out for
80 columns; coloured when ``RenderOptions.color`` says so (see ``color_wanted``).

Nothing from a resume or a file name is read as Rich markup: every such string goes into a
``Text`` as plain text, after ``printable`` removed what a terminal would obey.
"""

from __future__ import annotations

from io import StringIO

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from skillgap.records import Failure, Record
from skillgap.render.base import (
    Renderer,
    RenderOptions,
    gain_text,
    met_word,
    partial_note,
    printable,
    research_summary,
)
from skillgap.report import FoundSkill, Report, RoleResult, Strength

BAR_WIDTH = 20
MAX_EVIDENCE_SHOWN = 3
#: Gaps of each role shown at the top, before the details.
TOP_GAPS = 3


class ReportTable(Renderer[Record]):
    """The terminal report of each input, one after another with a blank line between.

    A failed input is shown in the stream only with ``show_failures``: alone, it is only the
    error message on stderr. ``config`` is the config file the settings came from, named
    under each report's first line.
    """

    def __init__(
        self, options: RenderOptions, *, show_failures: bool = True, config: str | None = None
    ) -> None:
        self.options = options
        self.show_failures = show_failures
        self.config = config
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
            line = f"{item.path}: error ({item.code}): {item.message}"
            console.print(Text(printable(line), "red"))
        else:
            render_report(console, item, details=self.options.details, config=self.config)
        # Rich pads table rows to the full width; trailing spaces only get in the way of a diff.
        return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))

    def place(self, text: str) -> str:
        if not text:
            return ""
        self.written += 1
        return text if self.written == 1 else "\n" + text


def render_report(
    console: Console, report: Report, *, details: bool = False, config: str | None = None
) -> None:
    """The report of one resume: scores and top gaps, then profile, categories, skills and the
    remaining gaps; ``config`` names the config file read, if any."""
    info = report.input
    pages = f", {info.pages} page{'s' * (info.pages != 1)}" if info.pages else ""
    console.print(
        Text.assemble(
            ("skillgap ", "bold"),
            f"{report.version} · ",
            (printable(info.path), "bold"),
            f" ({info.format}{pages}, {info.characters:,} characters)",
        )
    )
    if config is not None:
        console.print(Text(f"config: {config}", "dim"))
    for warning in info.quality.warnings:
        console.print(Text(f"warning: {warning}", "yellow"))
    if report.best_role is not None:
        best = report.best_role
        console.print(Text.assemble(("Best fit: ", "bold"), best.name, f" ({best.score:.0f})"))
    skill_names = {skill.id: skill.name for skill in report.skills}
    for role in report.roles:
        console.print()
        console.print(score_line(role))
        for warning in role.warnings:
            console.print(Padding(Text(f"warning: {warning}", "yellow"), (0, 0, 0, 2)))
        if role.core_note:
            console.print(Padding(Text(f"note: {role.core_note}", "yellow"), (0, 0, 0, 2)))
        _render_gaps(console, role, skill_names, shown=slice(0, TOP_GAPS), tips=False)
        if len(role.gaps) > TOP_GAPS:
            more = len(role.gaps) - TOP_GAPS
            console.print(Text(f"     and {more} more; how to close each: below", "dim"))
    console.print()
    _render_profile(console, report)
    if report.checks:
        console.print()
        console.print(Text("Checks", "bold"))
        for check in report.checks:
            mark = ("✓ ", "green") if check.passed else ("✗ ", "red")
            console.print(Text.assemble("  ", mark, check.message))
    console.print()
    console.print(Text("Scores by category", "bold"))
    for role in report.roles:
        _render_categories(console, role)
    console.print()
    if details:
        _render_skill_table(console, report.skills)
    else:
        _render_skill_names(console, report.skills)
    for role in report.roles:
        console.print()
        console.print(Text(f"Gaps for {role.name} ({len(role.gaps)}), how to close them", "bold"))
        _render_gaps(console, role, skill_names, shown=slice(None), tips=True)
        _render_unrecognised(console, role)
        if any(r.source for r in role.requirements):
            _render_read_from_posting(console, role, details=details)


def importance_scores(role: RoleResult) -> str:
    """The scores by importance ("required 100, preferred 92"), of the kinds the role has."""
    kinds = {r.importance for r in role.requirements}
    parts = [
        f"{kind} {score:.0f}"
        for kind, score in (("required", role.required_score), ("preferred", role.preferred_score))
        if kind in kinds
    ]
    return ", ".join(parts)


def score_line(role: RoleResult) -> Text:
    return Text.assemble(
        (f"{role.name} ({role.id})", "bold"),
        "  ",
        (f"{role.score:.0f}/100", "bold"),
        f"   {importance_scores(role)}",
        f"   {len(role.gaps)} gap{'s' * (len(role.gaps) != 1)}",
    )


_LEVEL_NAMES = {"bachelor": "Bachelor's", "master": "Master's", "phd": "PhD"}


def _render_profile(console: Console, report: Report) -> None:
    profile = report.profile
    degrees = "; ".join(
        f"{_LEVEL_NAMES[d.level]}{' in ' + printable(d.field) if d.field else ''}"
        f"{' (in progress)' if d.status == 'in progress' else ''}"
        for d in profile.degrees
    )
    console.print(Text.assemble(("Education: ", "bold"), degrees or "no degree found"))
    research = research_summary(profile)
    console.print(Text.assemble(("Research: ", "bold"), "; ".join(research)))
    if report.best_role is not None:
        console.print(Text(f"Why {report.best_role.name} fits best:", "bold"))
        for reason in report.best_role.why:
            console.print(Padding(Text(reason), (0, 0, 0, 2)))


def _bar(score: float) -> Text:
    filled = round(score / 100 * BAR_WIDTH)
    colour = "green" if score >= 70 else "yellow" if score >= 40 else "red"
    return Text.assemble(("█" * filled, colour), ("░" * (BAR_WIDTH - filled), "dim"))


def _render_categories(console: Console, role: RoleResult) -> None:
    console.print(Text(f"  {role.name} ({role.id})"))
    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1))
    table.add_column("category", width=32, no_wrap=True, overflow="ellipsis")
    table.add_column("bar", width=BAR_WIDTH, no_wrap=True)
    table.add_column("score", justify="right", width=4)
    table.add_column("met", width=8)
    for category in role.categories:
        table.add_row(
            Text(category.name),
            _bar(category.score),
            f"{category.score:.0f}",
            f"{category.met}/{category.total} met",
        )
    console.print(Padding(table, (0, 0, 0, 4)))


def _render_unrecognised(console: Console, role: RoleResult) -> None:
    """A posting's terms that skillgap does not know, looked for as written (not scored)."""
    if not role.unrecognised:
        return
    heading = "Not in skillgap's taxonomy (not scored), looked for as written:"
    console.print(Padding(Text(heading), (0, 0, 0, 2)))
    for term in role.unrecognised:
        mark = ("found", "green") if term.found else ("not found", "red")
        line = Text.assemble(f"{term.term} [{term.importance}, line {term.line}]: ", mark)
        console.print(Padding(line, (0, 0, 0, 4)))


def _render_read_from_posting(console: Console, role: RoleResult, *, details: bool) -> None:
    """Every requirement read from a posting, met or not, with its line (with ``details``),
    so the reading can be checked against the posting."""
    count = len(role.requirements)
    if not details:
        hint = f"all {count} requirements read from the posting, met or not: --details"
        console.print(Padding(Text(hint, "dim"), (0, 0, 0, 2)))
        return
    console.print(Padding(Text(f"Requirements read from the posting ({count}):"), (0, 0, 0, 2)))
    marks = {"yes": ("met", "green"), "half": ("half", "yellow"), "no": ("not met", "red")}
    for r in role.requirements:
        line = Text.assemble(f"{r.name} [{r.importance}]: ", marks[met_word(r)])
        if r.source:
            line.append(f"  {r.source}", "dim")
        console.print(Padding(line, (0, 0, 0, 4)))


_STRENGTHS: tuple[Strength, ...] = ("demonstrated", "listed", "mentioned")


def _render_skill_names(console: Console, skills: list[FoundSkill]) -> None:
    """The skills found by strength, names only: the evidence is in ``--details`` and JSON."""
    console.print(Text(f"Skills found ({len(skills)}), by strength", "bold"))
    if not skills:
        console.print("  none")
        return
    for strength in _STRENGTHS:
        names = [skill.name for skill in skills if skill.strength == strength]
        if names:
            line = Text.assemble((f"{strength} ({len(names)}): ", "italic"), ", ".join(names))
            console.print(Padding(line, (0, 0, 0, 2)))
    console.print(Padding(Text("evidence of each: --details, or -f json", "dim"), (0, 0, 0, 2)))


def _render_skill_table(console: Console, skills: list[FoundSkill]) -> None:
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
            f'"{printable(e.text)}" L{e.line}{f" {e.section}" if e.section else ""} {e.method}'
            for e in shown
        ]
        more = len(skill.evidence) - len(shown)
        if more:
            parts.append(f"+{more} more")
        table.add_row(Text(skill.name), skill.strength, Text("; ".join(parts)))
    console.print(Padding(table, (0, 0, 0, 2)))


def _render_gaps(
    console: Console, role: RoleResult, skill_names: dict[str, str], *, shown: slice, tips: bool
) -> None:
    by_id = {r.id: r for r in role.requirements}
    if not role.gaps:
        console.print("  no gaps: every requirement is met")
        return
    numbers = range(1, len(role.gaps) + 1)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", width=3)
    grid.add_column()
    for number, gap_id in list(zip(numbers, role.gaps, strict=True))[shown]:
        requirement = by_id[gap_id]
        heading = Text.assemble(
            (requirement.name, "bold"),
            "  ",
            (gain_text(requirement, role), "green"),
            f"  [{requirement.importance}]",
        )
        if tips:
            heading.append_text(
                Text.assemble(
                    "\n",
                    (partial_note(requirement, skill_names), "italic"),
                    requirement.tip,
                    (f"\nThe posting: {requirement.source}" if requirement.source else "", "dim"),
                )
            )
        grid.add_row(f"{number}.", heading)
    console.print(Padding(grid, (0, 0, 0, 1)))

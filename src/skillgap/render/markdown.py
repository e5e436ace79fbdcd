"""Markdown for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

Text from a resume, a file name or a roles file is never Markdown or HTML: every such string
goes through :func:`cell`, which escapes what Markdown would read as markup (links, HTML tags,
code fences, emphasis, math) and removes control characters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from skillgap.records import Failure, Record
from skillgap.render.base import Renderer, gain_text, met_word, partial_note, printable
from skillgap.report import Report, RoleResult

_LEVELS = {"bachelor": "Bachelor's", "master": "Master's", "phd": "PhD"}


class ReportMarkdown(Renderer[Record]):
    """A section per input: scores, checks, gaps, and the skills found in a folded table;
    under its heading, the ``config`` file the settings came from, if any."""

    def __init__(self, *, config: str | None = None) -> None:
        self.config = config

    def text(self, item: Record) -> str:
        if isinstance(item, Failure):
            message = cell(item.message)
            return f"## skillgap: {cell(item.path)}\n\n**Error** ({item.code}): {message}\n"
        return _report(item, self.config)


#: What Markdown (GitHub's included: tables, strikethrough, math) may read as markup; each is
#: ASCII punctuation, which CommonMark lets a backslash make literal.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~&$])")


def cell(text: str) -> str:
    """Text shown as it is in Markdown, on one line: fit for a table cell or a list item."""
    return _MARKUP.sub(r"\\\1", printable(text))


def _report(report: Report, config: str | None) -> str:
    out = [f"## skillgap: {cell(report.input.path)}", ""]
    if config is not None:
        out += [f"Config: {cell(config)}", ""]
    out += ["| Role | Score | Required | Preferred | Gaps |", "| --- | ---: | ---: | ---: | ---: |"]
    for role in report.roles:
        kinds = {r.importance for r in role.requirements}
        required = f"{role.required_score:.0f}" if "required" in kinds else "-"
        preferred = f"{role.preferred_score:.0f}" if "preferred" in kinds else "-"
        out.append(
            f"| {cell(role.name)} ({cell(role.id)}) | **{role.score:.0f}** | "
            f"{required} | {preferred} | {len(role.gaps)} |"
        )
    out.append("")
    if report.checks:
        out.append("**Checks**")
        out.append("")
        out += [f"- {'✅' if c.passed else '❌'} {cell(c.message)}" for c in report.checks]
        out.append("")
    for warning in report.input.quality.warnings:
        out += [f"> **Warning:** {cell(warning)}", ""]
    if report.best_role is not None:
        why = "; ".join(cell(reason) for reason in report.best_role.why)
        out += [f"**Best fit:** {cell(report.best_role.name)}. {why}", ""]
    degrees = ", ".join(
        f"{_LEVELS[d.level]}{' in ' + cell(d.field) if d.field else ''}"
        f"{' (in progress)' if d.status == 'in progress' else ''}"
        for d in report.profile.degrees
    )
    out += [f"**Education:** {degrees or 'no degree found'}", ""]
    names = {skill.id: skill.name for skill in report.skills}
    for role in report.roles:
        out += _role(role, names)
    out += _skills(report)
    return "\n".join(out) + "\n"


def _role(role: RoleResult, names: Mapping[str, str]) -> list[str]:
    out = [f"### {cell(role.name)}: gaps, the most points first", ""]
    for warning in role.warnings:
        out += [f"> **Warning:** {cell(warning)}", ""]
    if role.core_note:
        out += [f"> **Note:** {cell(role.core_note)}", ""]
    by_id = {r.id: r for r in role.requirements}
    if not role.gaps:
        out += ["Every requirement is met.", ""]
    for number, gap_id in enumerate(role.gaps, start=1):
        r = by_id[gap_id]
        half = partial_note(r, names)  # why it earns half already, as the table says
        source = f" The posting: {cell(r.source)}" if r.source else ""
        out.append(
            f"{number}. **{cell(r.name)}**, **{gain_text(r, role)}** "
            f"({r.importance}, weight {r.weight:g}): {cell(half + r.tip)}{source}"
        )
    if role.unrecognised:
        out += ["", "**Not in skillgap's taxonomy** (not scored), looked for as written:", ""]
        out += [
            f"- {cell(t.term)} ({t.importance}, line {t.line}): "
            f"{'found' if t.found else 'not found'}"
            for t in role.unrecognised
        ]
    if any(r.source for r in role.requirements):
        out += _read_from_posting(role)
    out += ["", "<details><summary>Scores by category</summary>", ""]
    out += ["| Category | Score | Met |", "| --- | ---: | ---: |"]
    out += [f"| {cell(c.name)} | {c.score:.0f} | {c.met}/{c.total} |" for c in role.categories]
    out += ["", "</details>", ""]
    return out


def _read_from_posting(role: RoleResult) -> list[str]:
    """Every requirement read from a posting, met or not, so the reading can be checked."""
    count = len(role.requirements)
    out = ["", f"<details><summary>Requirements read from the posting ({count})</summary>", ""]
    out += ["| Requirement | Importance | Met | From |", "| --- | --- | --- | --- |"]
    for r in role.requirements:
        out.append(f"| {cell(r.name)} | {r.importance} | {met_word(r)} | {cell(r.source or '')} |")
    return [*out, "", "</details>"]


def _skills(report: Report) -> list[str]:
    out = [f"<details><summary>Skills found ({len(report.skills)})</summary>", ""]
    out += ["| Skill | Strength | Evidence |", "| --- | --- | --- |"]
    for skill in report.skills:
        evidence = "; ".join(
            f"“{cell(e.text)}” line {e.line}{' (' + e.section + ')' if e.section else ''}"
            for e in skill.evidence[:3]
        )
        out.append(f"| {cell(skill.name)} ({cell(skill.id)}) | {skill.strength} | {evidence} |")
    out += ["", "</details>", ""]
    return out

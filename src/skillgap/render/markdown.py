"""Markdown for a pull-request comment or ``$GITHUB_STEP_SUMMARY``."""

from __future__ import annotations

from skillgap.records import Failure, Record
from skillgap.render.base import Renderer
from skillgap.report import Report, RoleResult

_LEVELS = {"bachelor": "Bachelor's", "master": "Master's", "phd": "PhD"}


class ReportMarkdown(Renderer[Record]):
    """A section per input: scores, checks, gaps, and the skills found in a folded table."""

    def text(self, item: Record) -> str:
        if isinstance(item, Failure):
            message = cell(item.message)
            return f"## skillgap: `{item.path}`\n\n**Error** ({item.code}): {message}\n"
        return _report(item)


def cell(text: str) -> str:
    """Text made safe for a cell of a Markdown table."""
    return text.replace("|", "\\|").replace("\n", " ")


def _report(report: Report) -> str:
    out = [f"## skillgap: `{report.input.path}`", ""]
    out += ["| Role | Score | Required | Preferred |", "| --- | ---: | ---: | ---: |"]
    for role in report.roles:
        out.append(
            f"| {role.name} (`{role.id}`) | **{role.score:.0f}** | "
            f"{role.required_score:.0f} | {role.preferred_score:.0f} |"
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
        out += [f"**Best fit:** {report.best_role.name}. " + "; ".join(report.best_role.why), ""]
    degrees = ", ".join(
        f"{_LEVELS[d.level]}{' in ' + d.field if d.field else ''}"
        f"{' (in progress)' if d.status == 'in progress' else ''}"
        for d in report.profile.degrees
    )
    out += [f"**Education:** {degrees or 'no degree found'}", ""]
    for role in report.roles:
        out += _role(role)
    out += _skills(report)
    return "\n".join(out) + "\n"


def _role(role: RoleResult) -> list[str]:
    out = [f"### {role.name}: gaps", ""]
    for warning in role.warnings:
        out += [f"> **Warning:** {cell(warning)}", ""]
    by_id = {r.id: r for r in role.requirements}
    if not role.gaps:
        out += ["Every requirement is met.", ""]
    for number, gap_id in enumerate(role.gaps, start=1):
        r = by_id[gap_id]
        half = " (half credit)" if r.credit else ""
        out.append(
            f"{number}. **{cell(r.name)}** ({r.importance}, weight {r.weight:g}){half}: "
            f"{cell(r.tip)}"
        )
    if role.unrecognised:
        out += ["", "**Not in skillgap's taxonomy** (not scored), looked for as written:", ""]
        out += [
            f"- {cell(t.term)} ({t.importance}, line {t.line}): "
            f"{'found' if t.found else 'not found'}"
            for t in role.unrecognised
        ]
    out += ["", "<details><summary>Scores by category</summary>", ""]
    out += ["| Category | Score | Met |", "| --- | ---: | ---: |"]
    out += [f"| {c.name} | {c.score:.0f} | {c.met}/{c.total} |" for c in role.categories]
    out += ["", "</details>", ""]
    return out


def _skills(report: Report) -> list[str]:
    out = [f"<details><summary>Skills found ({len(report.skills)})</summary>", ""]
    out += ["| Skill | Strength | Evidence |", "| --- | --- | --- |"]
    for skill in report.skills:
        evidence = "; ".join(
            f"“{cell(e.text)}” line {e.line}{' (' + e.section + ')' if e.section else ''}"
            for e in skill.evidence[:3]
        )
        out.append(f"| {skill.name} (`{skill.id}`) | {skill.strength} | {evidence} |")
    out += ["", "</details>", ""]
    return out

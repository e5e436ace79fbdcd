"""Markdown for a pull-request comment or ``$GITHUB_STEP_SUMMARY``."""

from __future__ import annotations

from collections.abc import Sequence

from skillgap.records import Failure, Record
from skillgap.render import RenderOptions
from skillgap.report import Report, RoleResult

_LEVELS = {"bachelor": "Bachelor's", "master": "Master's", "phd": "PhD"}


def render(records: Sequence[Record], options: RenderOptions) -> str:
    return "\n".join(_record(record) for record in records)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _record(record: Record) -> str:
    if isinstance(record, Failure):
        message = _cell(record.message)
        return f"## skillgap: `{record.path}`\n\n**Error** ({record.code}): {message}\n"
    return _report(record)


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
        out += [f"- {'✅' if c.passed else '❌'} {_cell(c.message)}" for c in report.checks]
        out.append("")
    for warning in report.input.quality.warnings:
        out += [f"> **Warning:** {_cell(warning)}", ""]
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
    by_id = {r.id: r for r in role.requirements}
    if not role.gaps:
        out += ["Every requirement is met.", ""]
    for number, gap_id in enumerate(role.gaps, start=1):
        r = by_id[gap_id]
        half = " (half credit)" if r.credit else ""
        out.append(
            f"{number}. **{_cell(r.name)}** ({r.importance}, weight {r.weight:g}){half}: "
            f"{_cell(r.tip)}"
        )
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
            f"“{_cell(e.text)}” line {e.line}{' (' + e.section + ')' if e.section else ''}"
            for e in skill.evidence[:3]
        )
        out.append(f"| {skill.name} (`{skill.id}`) | {skill.strength} | {evidence} |")
    out += ["", "</details>", ""]
    return out

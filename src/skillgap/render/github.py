"""GitHub Actions workflow commands: failed thresholds as errors, gaps as warnings/notices.

https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

from __future__ import annotations

from skillgap.records import Failure, Record
from skillgap.render.base import Renderer, counted
from skillgap.report import Report


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, path: str, title: str, message: str) -> str:
    return f"::{level} file={_property(path)},title={_property(title)}::{_data(message)}"


class ReportAnnotations(Renderer[Record]):
    """Workflow commands for each input; a failed input is an error on its file."""

    def text(self, item: Record) -> str:
        if isinstance(item, Failure):
            lines = [_command("error", item.path, "skillgap", item.message)]
        else:
            lines = _report(item)
        return "".join(line + "\n" for line in lines)


def _report(report: Report) -> list[str]:
    path = report.input.path
    lines = [
        _command("error", path, "skillgap threshold", check.message)
        for check in report.checks
        if not check.passed
    ]
    for warning in report.input.quality.warnings:
        lines.append(_command("warning", path, "skillgap extraction", warning))
    for role in report.roles:
        lines.append(
            _command(
                "notice",
                path,
                f"skillgap {role.name}",
                f"score {role.score:.0f}/100 (required {role.required_score:.0f}, "
                f"preferred {role.preferred_score:.0f}); {counted(len(role.gaps), 'gap', 'gaps')}",
            )
        )
        for warning in role.warnings:
            lines.append(_command("warning", path, f"skillgap {role.name}", warning))
        if role.core_note:
            lines.append(_command("notice", path, f"skillgap {role.name}", role.core_note))
        missing = [t.term for t in role.unrecognised if not t.found]
        if missing:
            lines.append(
                _command(
                    "notice",
                    path,
                    f"skillgap {role.name}: terms not in the taxonomy, not found as written",
                    ", ".join(missing),
                )
            )
        by_id = {r.id: r for r in role.requirements}
        for gap_id in role.gaps:
            requirement = by_id[gap_id]
            level = "warning" if requirement.importance == "required" else "notice"
            lines.append(
                _command(level, path, f"Gap for {role.name}: {requirement.name}", requirement.tip)
            )
    return lines

"""The roles and a role's skills (``skillgap roles``, ``skillgap skills``) as text or Markdown."""

from __future__ import annotations

from skillgap.catalog import RoleSkills, RoleSummary
from skillgap.render.base import Renderer
from skillgap.render.markdown import cell


class RolesTable(Renderer[RoleSummary]):
    """Each role's id, name and size, its description below, ids aligned: the table is written
    at the end, when the longest id is known."""

    def __init__(self) -> None:
        self.roles: list[RoleSummary] = []

    def text(self, item: RoleSummary) -> str:
        return _role_lines(item, len(item.id))

    def record(self, item: RoleSummary) -> str:
        self.roles.append(item)
        return ""

    def end(self) -> str:
        width = max((len(role.id) for role in self.roles), default=0)
        return "".join(_role_lines(role, width) for role in self.roles)


def _role_lines(role: RoleSummary, width: int) -> str:
    return (
        f"{role.id:<{width}} {role.name} ({role.requirements} requirements{_when(role)})\n"
        f"{'':<{width}} {role.description}\n"
    )


def _when(role: RoleSummary) -> str:
    return "" if role.default else f"; only with --role {role.id}"


class RolesMarkdown(Renderer[RoleSummary]):
    def begin(self) -> str:
        return (
            "## Roles\n\n| Role | Name | Requirements | Scored | Description |\n"
            "| --- | --- | ---: | --- | --- |\n"
        )

    def text(self, item: RoleSummary) -> str:
        return (
            f"| `{item.id}` | {cell(item.name)} | {item.requirements} "
            f"| {'by default' if item.default else f'with `--role {item.id}`'} "
            f"| {cell(item.description)} |\n"
        )


class SkillsTable(Renderer[RoleSkills]):
    def text(self, item: RoleSkills) -> str:
        lines = [f"{item.name} ({item.id})"]
        for entry in item.requirements:
            requirement = entry.requirement
            core = ", core" if requirement.core else ""
            lines.append(
                f"  [{requirement.importance}, weight {requirement.weight:g}{core}] "
                f"{requirement.name}"
            )
            lines.append(f"      met by any of: {', '.join(entry.skill_names)}")
        return "".join(line + "\n" for line in lines)


class SkillsMarkdown(Renderer[RoleSkills]):
    def text(self, item: RoleSkills) -> str:
        lines = [
            f"## {cell(item.name)} (`{item.id}`)",
            "",
            "| Requirement | Importance | Weight | Met by any of | Tip |",
            "| --- | --- | ---: | --- | --- |",
        ]
        lines += [
            f"| {cell(entry.requirement.name)} | {entry.requirement.importance}"
            f"{', core' if entry.requirement.core else ''} "
            f"| {entry.requirement.weight:g} | {cell(', '.join(entry.skill_names))} "
            f"| {cell(entry.tip)} |"
            for entry in item.requirements
        ]
        return "".join(line + "\n" for line in lines)

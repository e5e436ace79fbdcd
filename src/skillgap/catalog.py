"""What the ``roles`` and ``skills`` commands show: plain data read from a taxonomy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from skillgap.taxonomy import Requirement, Taxonomy


@dataclass(frozen=True)
class RoleSummary:
    """A role in a list of roles."""

    id: str
    name: str
    description: str
    requirements: int
    """How many requirements the role has."""
    default: bool
    """Scored when no role is asked for; otherwise only with ``--role ID``."""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "requirements": self.requirements,
            "default": self.default,
        }


@dataclass(frozen=True)
class RequirementSkills:
    """A requirement of a role, with the names of the skills that meet it and its tip."""

    requirement: Requirement
    skill_names: tuple[str, ...]
    tip: str

    def to_json(self) -> dict[str, Any]:
        return {
            **self.requirement.model_dump(exclude={"tip"}),
            "any_of": list(self.requirement.any_of),
            "tip": self.tip,
        }


@dataclass(frozen=True)
class RoleSkills:
    """A role's requirements and the skills that meet each of them."""

    id: str
    name: str
    requirements: tuple[RequirementSkills, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "requirements": [requirement.to_json() for requirement in self.requirements],
        }


def role_summaries(taxonomy: Taxonomy) -> list[RoleSummary]:
    """Every role of the taxonomy: those scored by default first, each group in its order."""
    roles = sorted(taxonomy.roles.values(), key=lambda role: not role.default)
    return [
        RoleSummary(role.id, role.name, role.description, len(role.requirements), role.default)
        for role in roles
    ]


def role_skills(taxonomy: Taxonomy, role_id: str) -> RoleSkills:
    """One role's requirements; raises TaxonomyError for an unknown role."""
    role = taxonomy.role(role_id)
    requirements = tuple(
        RequirementSkills(
            requirement=requirement,
            skill_names=tuple(taxonomy.skills[skill].name for skill in requirement.any_of),
            tip=taxonomy.tip_for(requirement),
        )
        for requirement in role.requirements
    )
    return RoleSkills(id=role.id, name=role.name, requirements=requirements)

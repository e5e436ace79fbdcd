"""The records of the taxonomy: categories, skills, roles and their requirements.

Each is validated as it is read (pydantic); :mod:`skillgap.taxonomy` reads them from the TOML
data files and cross-checks them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from skillgap.errors import TaxonomyError
from skillgap.matching.rules import compile_rule

KEBAB_CASE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: A field of study a degree requirement accepts: lowercase words, the last one maybe a stem.
FIELD_WORDS = re.compile(r"^[a-z]+(?: [a-z]+)*\*?$")
#: Research evidence of a resume as a whole (:mod:`skillgap.research`), which a skill's
#: ``shown_by`` names.
ResearchEvidence = Literal[
    "doctorate", "publication-list", "co-authored-papers", "talk-list", "reviewing"
]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _kebab(value: str) -> str:
    if not KEBAB_CASE.match(value):
        raise ValueError(f"id {value!r} is not lowercase kebab-case")
    return value


class Category(_Record):
    """A group of skills (and of requirements), e.g. ``languages`` or ``research``."""

    id: str
    name: str
    kind: Literal["tool", "concept"] = Field(
        description="tool: languages, libraries, platforms; concept: fields, education, research"
    )
    practical: bool = Field(
        default=False, description="Shown by doing: coursework alone earns half credit"
    )

    _check_id = field_validator("id")(_kebab)


class Skill(_Record):
    """One skill with every surface form that shows it in a resume."""

    id: str
    name: str
    category: str
    description: str = Field(
        default="", description="What the skill is, in one line (every built-in skill has one)"
    )
    tip: str = Field(min_length=10, description="How to acquire the skill, concretely")
    aliases: tuple[str, ...] = Field(default=(), description="Case-insensitive phrases")
    exact: tuple[str, ...] = Field(default=(), description="Case-sensitive phrases")
    ambiguous: tuple[str, ...] = Field(
        default=(),
        description="Case-sensitive phrases that are also ordinary words; need context",
    )
    cues: tuple[str, ...] = Field(
        default=(), description="Words near an ambiguous form that confirm it"
    )
    cue_reach: int = Field(
        default=3,
        ge=1,
        le=12,
        description="How many tokens from an ambiguous form a cue may stand, on its line; past "
        "three, within its sentence too",
    )
    lead_ins: tuple[str, ...] = Field(
        default=(), description="Words directly before an ambiguous form that confirm it"
    )
    excludes: tuple[str, ...] = Field(
        default=(), description="Phrases inside which a form is not the skill"
    )
    others_before: tuple[str, ...] = Field(
        default=(),
        description="Words up to three tokens before a form, in its sentence, that make it"
        " someone else's (\"supervised Master's students\")",
    )
    others_after: tuple[str, ...] = Field(
        default=(),
        description='Words right after a form that make it someone else\'s ("MS students")',
    )
    listable: bool = Field(
        default=True,
        description="Whether an ambiguous form counts as an item of a list of skills",
    )
    sections: tuple[str, ...] = Field(
        default=(), description="Sections in which an ambiguous form counts as it stands"
    )
    rules: tuple[str, ...] = Field(default=(), description="Token patterns (see README)")
    headings: tuple[str, ...] = Field(
        default=(), description="Section headings that are evidence of the skill"
    )
    implies: tuple[str, ...] = Field(default=(), description="Skills this one always shows")
    parents: tuple[str, ...] = Field(
        default=(),
        description="Broader skills this one is a kind of (LoRA -> fine-tuning); no cycles",
    )
    related: tuple[str, ...] = Field(
        default=(), description="Adjacent skills that earn partial credit when this one is missing"
    )
    shown_by: tuple[ResearchEvidence, ...] = Field(
        default=(),
        description="Research evidence of the resume as a whole that shows this skill: the "
        "person's own PhD (doctorate), a publication list at venues or with author lists, "
        "co-authored papers, a list of talks, reviewing for named venues",
    )
    also: Mapping[str, tuple[str, ...]] = Field(
        default_factory=dict, description="A form of this skill -> further skills it shows"
    )

    _check_id = field_validator("id")(_kebab)

    @field_validator("rules")
    @classmethod
    def _rules_need_a_word(cls, rules: tuple[str, ...]) -> tuple[str, ...]:
        for rule in rules:
            if all("OP" in spec for spec in compile_rule(rule)):
                raise ValueError(f"rule {rule!r} needs a word that is neither optional nor a gap")
        return rules

    @property
    def forms(self) -> tuple[str, ...]:
        return self.aliases + self.exact + self.ambiguous


class Requirement(_Record):
    """One thing a role asks for, met by any of several skills."""

    id: str
    name: str
    category: str
    importance: Literal["required", "preferred"]
    weight: float = Field(gt=0, le=10)
    any_of: tuple[str, ...] = Field(min_length=1)
    tip: str | None = Field(default=None, description="Overrides the first skill's tip")
    source: str | None = Field(
        default=None, description="Where the requirement comes from, e.g. a posting's sentence"
    )
    years: int | None = Field(
        default=None, ge=0, description="Years of experience a posting asks for (not scored)"
    )
    fields: tuple[str, ...] = Field(
        default=(),
        description="Fields of study a degree requirement accepts: lowercase words or a stem "
        '("comput*"); a degree in another field earns half credit',
    )
    core: bool = Field(
        default=False,
        description="Part of what defines the role: the other requirements count in proportion "
        "to the share of the core that is met (docs/matching.md, Scoring)",
    )
    or_experience: bool = Field(
        default=False,
        description="A degree (or its fields) that equivalent experience relaxes (a posting's "
        "'or equivalent experience'): without it, work experience earns half",
    )
    gate: bool = Field(
        default=False,
        description="The role's field, part of its core: without it nothing else counts, and "
        "the role's score is multiplied by its credit (the Research Scientist's ML: a PhD and "
        "papers in another science are not this role's research)",
    )

    _check_id = field_validator("id")(_kebab)

    @field_validator("fields")
    @classmethod
    def _fields_are_words(cls, fields: tuple[str, ...]) -> tuple[str, ...]:
        for words in fields:
            if not FIELD_WORDS.match(words):
                raise ValueError(
                    f"field {words!r} is not lowercase words, the last maybe a stem ending in *"
                )
        return fields

    @model_validator(mode="after")
    def _gate_is_core(self) -> Requirement:
        if self.gate and not self.core:
            raise ValueError("a gate requirement (the role's field) must be part of its core")
        return self


class UnrecognisedTerm(_Record):
    """A skill-like term a posting asks for that the taxonomy does not know."""

    term: str
    line: int = Field(ge=1)
    importance: Literal["required", "preferred"]


class Role(_Record):
    """A role: a named list of weighted requirements."""

    id: str
    name: str
    description: str = ""
    default: bool = Field(
        default=True, description="Scored when no role is asked for; false: only by its id"
    )
    requirements: tuple[Requirement, ...] = Field(alias="requirement", min_length=1)
    unrecognised: tuple[UnrecognisedTerm, ...] = Field(
        default=(), description="A posting's terms the taxonomy does not know (not scored)"
    )
    warnings: tuple[str, ...] = Field(
        default=(), description="Why the role's score may mean little (a posting's)"
    )

    _check_id = field_validator("id")(_kebab)


@dataclass(frozen=True, eq=False)
class Taxonomy:
    """Categories, skills and roles, cross-checked."""

    categories: Mapping[str, Category]
    skills: Mapping[str, Skill]
    roles: Mapping[str, Role]

    @cached_property
    def fingerprint(self) -> str:
        """A digest of everything the matcher is built from, to key its cache."""
        data = {
            "categories": [c.model_dump() for c in self.categories.values()],
            "skills": [s.model_dump() for s in self.skills.values()],
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:32]

    def role(self, role_id: str) -> Role:
        try:
            return self.roles[role_id]
        except KeyError:
            known = ", ".join(sorted(self.roles))
            # "job" names a posting's role in reports; it is made by --job, not chosen by id.
            posting = "; a posting's role comes with --job POSTING" if role_id == "job" else ""
            raise TaxonomyError(
                f"unknown role {role_id!r} (known roles: {known}){posting}"
            ) from None

    @cached_property
    def _ancestors(self) -> dict[str, frozenset[str]]:
        """Each skill's parents, their parents and so on (loading checks there is no cycle)."""
        found: dict[str, frozenset[str]] = {}

        def of(skill_id: str) -> frozenset[str]:
            if skill_id not in found:
                parents = self.skills[skill_id].parents
                found[skill_id] = frozenset(parents).union(*(of(p) for p in parents))
            return found[skill_id]

        for skill_id in self.skills:
            of(skill_id)
        return found

    def ancestors(self, skill_id: str) -> frozenset[str]:
        """The skills this one is a kind of, however far up (LoRA: fine-tuning, LLMs...)."""
        return self._ancestors[skill_id]

    def default_roles(self) -> list[str]:
        """The roles scored when none is asked for (``mle`` and ``rs`` among the built-in
        ones); the others only by their id."""
        return [role.id for role in self.roles.values() if role.default]

    def scored_roles(self, role_ids: Sequence[str] | None, job: Role | None = None) -> list[Role]:
        """The roles an analysis scores: those asked for, else the defaults (none beside a
        posting), then the posting's."""
        default = [] if job is not None else self.default_roles()
        return [self.role(r) for r in (role_ids or default)] + ([job] if job else [])

    def tip_for(self, requirement: Requirement) -> str:
        return requirement.tip or self.skills[requirement.any_of[0]].tip

"""The report: typed, frozen models that are also the JSON contract.

``schema_version`` follows semantic versioning: a new optional field is a minor change, a
renamed, removed or retyped field a major one. The JSON Schema (``skillgap schema``) is
generated from these models.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Method = Literal["exact", "alias", "rule", "fuzzy", "section", "implied"]
Strength = Literal["demonstrated", "listed", "mentioned"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(_Model):
    """One place in the resume that shows a skill."""

    text: str = Field(description="The matched text")
    line: int = Field(description="1-based line in the extracted text (see `skillgap extract`)")
    section: str | None = Field(description="Resume section, e.g. skills or experience")
    method: Method = Field(description="How it matched")
    confidence: float = Field(ge=0, le=1)
    strength: Strength = Field(
        description="demonstrated (experience, projects, research...), "
        "listed (skills section) or mentioned (elsewhere)"
    )
    context: str | None = Field(default=None, description="Why a context-dependent form counted")


class FoundSkill(_Model):
    """A taxonomy skill found in the resume."""

    id: str
    name: str
    category: str
    strength: Strength = Field(description="The strongest strength among the evidence")
    confidence: float = Field(ge=0, le=1, description="The highest evidence confidence")
    evidence: list[Evidence] = Field(description="Where it was found (at most 25, strongest)")
    evidence_count: int = Field(description="How many places show it in all")


class RequirementResult(_Model):
    """One requirement of a role and whether the resume meets it."""

    id: str
    name: str
    category: str
    importance: Literal["required", "preferred"]
    weight: float
    any_of: list[str] = Field(description="Skill ids that each meet the requirement")
    met: bool = Field(description="A skill of any_of was found")
    matched: list[str] = Field(description="The skill ids of any_of found in the resume")
    credit: float = Field(
        ge=0,
        le=1,
        description="Share of the weight earned: 1 met; 0.5 met only in coursework, awards or "
        "interests, or missing but next to a related skill found (see adjacent); 0 missing",
    )
    adjacent: list[str] = Field(
        default_factory=list, description="Related skills found when none of any_of was"
    )
    strength: Strength | None = Field(description="Strongest evidence of the matched skills")
    tip: str = Field(description="How to close the gap (also given when met)")
    source: str | None = Field(
        default=None, description="Where the requirement comes from (a posting's sentence)"
    )


class CategoryScore(_Model):
    """The score of one category of a role's requirements."""

    id: str
    name: str
    score: float = Field(ge=0, le=100)
    met: int
    total: int


class RoleResult(_Model):
    """How well the resume covers one role."""

    id: str
    name: str
    score: float = Field(ge=0, le=100, description="Weighted share of requirements met")
    required_score: float = Field(ge=0, le=100)
    preferred_score: float = Field(ge=0, le=100)
    categories: list[CategoryScore]
    requirements: list[RequirementResult]
    gaps: list[str] = Field(
        description="Ids of requirements not fully met (credit below 1), most important first"
    )


class Quality(_Model):
    """Whether the extracted text looks right; warnings instead of silent low scores."""

    status: Literal["ok", "warning"]
    warnings: list[str]
    long_token_share: float = Field(description="Share of alphabetic tokens of 18+ letters")
    garbled_share: float = Field(description="Share of characters that look like mojibake")


class Degree(_Model):
    """A degree the resume states."""

    level: Literal["bachelor", "master", "phd"]
    field: str | None = Field(description="The field when stated, e.g. 'Computer Science'")
    status: Literal["completed", "in progress"]
    text: str = Field(description="The line that states it")
    line: int


class ResearchOutput(_Model):
    """Entries of a publications or talks section."""

    count: int = Field(description="Entries in the section (bulleted, numbered or dated lines)")
    venues: list[str] = Field(description="Venues named anywhere, e.g. NeurIPS, ICML")


class Profile(_Model):
    """Education and research at a glance."""

    degrees: list[Degree]
    publications: ResearchOutput
    talks: ResearchOutput


class InputInfo(_Model):
    path: str
    format: str
    pages: int | None
    characters: int
    quality: Quality


class Check(_Model):
    """One CI threshold judged on this report."""

    kind: Literal["score", "category", "require"]
    target: str = Field(description="Role id, 'role:category', or skill id")
    minimum: float | None = Field(description="The threshold, for score and category checks")
    actual: float | None = Field(description="The score reached, for score and category checks")
    passed: bool
    message: str


class BestRole(_Model):
    """Which of the scored roles the resume fits best, and why."""

    id: str
    name: str
    score: float
    runner_up: str | None = Field(description="Id of the next best role")
    margin: float = Field(description="Points ahead of the next best role")
    why: list[str] = Field(description="Short reasons: the gaps that hold the others back")


class Report(_Model):
    """The analysis of one resume."""

    schema_version: str = SCHEMA_VERSION
    status: Literal["ok"] = "ok"
    tool: str = "skillgap"
    version: str
    input: InputInfo
    skills: list[FoundSkill]
    profile: Profile
    roles: list[RoleResult]
    checks: list[Check] = Field(
        default_factory=list, description="Thresholds judged (--fail-under, --require...)"
    )
    best_role: BestRole | None = Field(
        default=None, description="The best-fitting role when two or more were scored"
    )


class ErrorInput(_Model):
    path: str


class ErrorDetail(_Model):
    code: str = Field(
        description="not-found, unreadable, unsupported, encrypted, no-text, too-large, "
        "timeout or internal"
    )
    message: str = Field(description="One line naming the input and the reason")


class ErrorRecord(_Model):
    """An input that could not be analysed; it still appears in the output."""

    schema_version: str = SCHEMA_VERSION
    status: Literal["error"] = "error"
    input: ErrorInput
    error: ErrorDetail

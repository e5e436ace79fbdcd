"""The report: typed, frozen dataclasses that are also the JSON contract.

``schema_version`` follows semantic versioning: a new optional field is a minor change, a
renamed, removed or retyped field a major one. The JSON Schema (``skillgap schema``) is
generated from these models.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Annotated, Any, Literal, Self

from pydantic import ConfigDict, Field

if TYPE_CHECKING:
    from pydantic import TypeAdapter

SCHEMA_VERSION = "1.4"

Method = Literal["exact", "alias", "rule", "fuzzy", "section", "implied"]
Strength = Literal["demonstrated", "listed", "mentioned"]


class _Model:
    """Frozen dataclasses, so that building a report costs no validation: they are built only by
    skillgap's own code. Pydantic reads their annotations when asked, to validate JSON
    (``model_validate``) and to generate the JSON Schema, a start-up cost that a cold run that
    never needs it does not pay."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    def model_dump(self, mode: Literal["python", "json"] = "python") -> dict[str, Any]:
        """The record as plain data (pydantic's serializer: a third of ``dataclasses.asdict``'s
        time, which matters in batches)."""
        data: dict[str, Any] = _adapter(type(self)).dump_python(self, mode=mode)
        return data

    def model_dump_json(self, *, indent: int | None = None) -> str:
        """The record as JSON text, written by pydantic's serializer: with ``indent``, the text
        ``json.dumps(record.model_dump(mode="json"), indent=indent, ensure_ascii=False)`` gives
        (tested), at a sixth of its time; without, compact, at a quarter."""
        return _adapter(type(self)).dump_json(self, indent=indent).decode()

    def model_copy(self, *, update: dict[str, Any]) -> Self:
        return replace(self, **update)  # type: ignore[type-var]

    @classmethod
    def model_validate(cls, data: Any) -> Self:
        """A record from plain data (e.g. parsed JSON), checked against the schema."""
        value: Self = _adapter(cls).validate_python(data)
        return value


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def _adapter(model: type) -> TypeAdapter[Any]:
    from pydantic import TypeAdapter

    if model not in _ADAPTERS:
        _ADAPTERS[model] = TypeAdapter(model)
    return _ADAPTERS[model]


@dataclass(frozen=True, kw_only=True)
class Evidence(_Model):
    """One place in the resume that shows a skill."""

    text: Annotated[str, Field(description="The matched text")]
    line: Annotated[
        int, Field(description="1-based line in the extracted text (see `skillgap extract`)")
    ]
    section: Annotated[str | None, Field(description="Resume section, e.g. skills or experience")]
    method: Annotated[Method, Field(description="How it matched")]
    confidence: Annotated[float, Field(ge=0, le=1)]
    strength: Annotated[
        Strength,
        Field(
            description="demonstrated (experience, projects, research...), "
            "listed (skills section) or mentioned (elsewhere)"
        ),
    ]
    context: Annotated[str | None, Field(description="Why a context-dependent form counted")] = None
    start: Annotated[
        int | None,
        Field(
            description="Character offset of the match in the extracted text (what "
            "`skillgap extract` prints), null for evidence without a place (a section heading); "
            "added in schema 1.2"
        ),
    ] = None
    end: Annotated[
        int | None, Field(description="Offset just past the match; added in schema 1.2")
    ] = None


@dataclass(frozen=True, kw_only=True)
class FoundSkill(_Model):
    """A taxonomy skill found in the resume."""

    id: str
    name: str
    category: str
    strength: Annotated[Strength, Field(description="The strongest strength among the evidence")]
    confidence: Annotated[float, Field(ge=0, le=1, description="The highest evidence confidence")]
    evidence: Annotated[
        list[Evidence], Field(description="Where it was found (at most 25, strongest)")
    ]
    evidence_count: Annotated[int, Field(description="How many places show it in all")]


@dataclass(frozen=True, kw_only=True)
class RequirementResult(_Model):
    """One requirement of a role and whether the resume meets it."""

    id: str
    name: str
    category: str
    importance: Literal["required", "preferred"]
    weight: float
    any_of: Annotated[list[str], Field(description="Skill ids that each meet the requirement")]
    met: Annotated[
        bool,
        Field(description="A skill of any_of was found, or research evidence shows one (shown_by)"),
    ]
    matched: Annotated[list[str], Field(description="The skill ids of any_of found in the resume")]
    credit: Annotated[
        float,
        Field(
            ge=0,
            le=1,
            description="Share of the weight earned: 1 met; 0.5 met only in coursework, awards or "
            "interests, by a degree in a field the role does not name (see note), or missing "
            "but next to a related skill found (see adjacent); 0 missing",
        ),
    ]
    adjacent: Annotated[
        list[str], Field(description="Related skills found when none of any_of was")
    ] = field(default_factory=list)
    via: Annotated[
        dict[str, list[str]],
        Field(
            description="A skill of any_of met through the more specific skills found that are "
            "a kind of it (fine-tuning through LoRA); added in schema 1.1"
        ),
    ] = field(default_factory=dict)
    shown_by: Annotated[
        str | None,
        Field(
            description="The research evidence that meets the requirement where the resume does "
            "not name its skills: the person's own PhD, a publication list at venues or with "
            "author lists, co-authored papers or a list of talks, with its line; added in "
            "schema 1.2"
        ),
    ] = None
    strength: Annotated[
        Strength | None, Field(description="Strongest evidence of the matched skills")
    ]
    tip: Annotated[
        str,
        Field(
            description="How to close the gap, fitted to the person: how the resume shows the "
            "skill, the person's degree and papers, a line that nearly shows it (also given "
            "when met)"
        ),
    ]
    gain: Annotated[
        float,
        Field(
            ge=0,
            le=100,
            description="Points the role score would rise by if this requirement earned full "
            "credit: 0 when met; added in schema 1.2",
        ),
    ] = 0.0
    source: Annotated[
        str | None, Field(description="Where the requirement comes from (a posting's sentence)")
    ] = None
    years: Annotated[
        int | None,
        Field(
            description="Years of experience the posting asks for with it (shown, not scored); "
            "added in schema 1.2"
        ),
    ] = None
    note: Annotated[
        str | None,
        Field(
            description="Why the requirement earns only part of its credit when the reason is "
            "not coursework or an adjacent skill: a degree in a field the role does not name; "
            "added in schema 1.2"
        ),
    ] = None
    core: Annotated[
        bool,
        Field(
            description="Part of what defines the role (an ML role's ML): the other "
            "requirements count in proportion to the share of the core met (see core_share); "
            "added in schema 1.3"
        ),
    ] = False
    gate: Annotated[
        bool,
        Field(
            description="The role's field, part of its core (the Research Scientist's ML): "
            "without it nothing else counts, and the role's score is multiplied by its "
            "credit; added in schema 1.4"
        ),
    ] = False


@dataclass(frozen=True, kw_only=True)
class UnrecognisedTermResult(_Model):
    """A skill-like term of a posting that skillgap does not know, looked for literally."""

    term: str
    line: Annotated[int, Field(description="The posting's line that names it")]
    importance: Literal["required", "preferred"]
    found: Annotated[bool, Field(description="The resume holds the term as written")]


@dataclass(frozen=True, kw_only=True)
class CategoryScore(_Model):
    """The score of one category of a role's requirements."""

    id: str
    name: str
    score: Annotated[float, Field(ge=0, le=100)]
    met: int
    total: int


@dataclass(frozen=True, kw_only=True)
class RoleResult(_Model):
    """How well the resume covers one role."""

    id: str
    name: str
    score: Annotated[
        float,
        Field(
            ge=0,
            le=100,
            description="Weighted share of requirements met, the requirements outside the "
            "role's core counted in proportion to core_share",
        ),
    ]
    required_score: Annotated[float, Field(ge=0, le=100)]
    preferred_score: Annotated[float, Field(ge=0, le=100)]
    categories: list[CategoryScore]
    requirements: list[RequirementResult]
    gaps: Annotated[
        list[str],
        Field(
            description="Ids of requirements not fully met (credit below 1), the most points to "
            "gain first (required first among equals)"
        ),
    ]
    warnings: Annotated[
        list[str],
        Field(
            description="Why the score may mean little (a posting with few requirements "
            "recognised, mostly unknown terms, or outside the taxonomy's domain); added in "
            "schema 1.2"
        ),
    ] = field(default_factory=list)
    unrecognised: Annotated[
        list[UnrecognisedTermResult],
        Field(
            description="A posting's skill-like terms the taxonomy does not know, matched "
            "literally against the resume; not scored; added in schema 1.2"
        ),
    ] = field(default_factory=list)
    core_share: Annotated[
        float | None,
        Field(
            ge=0,
            le=1,
            description="Weighted share of the role's core requirements met (what defines the "
            "role, e.g. an ML role's ML): the other requirements count this share of their "
            "credit; null for a role without core requirements (a posting's); added in "
            "schema 1.3",
        ),
    ] = None
    core_note: Annotated[
        str | None,
        Field(
            description="Why the score is below the weighted share of requirements met: the "
            "core of the role is not (fully) shown, and the score it would have without that "
            "rule; added in schema 1.3"
        ),
    ] = None


@dataclass(frozen=True, kw_only=True)
class Quality(_Model):
    """Whether the extracted text looks right; warnings instead of silent low scores."""

    status: Literal["ok", "warning"]
    warnings: list[str]
    long_token_share: Annotated[
        float, Field(description="Share of alphabetic tokens of 18+ letters")
    ]
    garbled_share: Annotated[
        float, Field(description="Share of characters that look like mojibake")
    ]


@dataclass(frozen=True, kw_only=True)
class Degree(_Model):
    """A degree the resume states."""

    level: Literal["bachelor", "master", "phd"]
    field: Annotated[
        str | None, Field(description="The field when stated, e.g. 'Computer Science'")
    ]
    status: Literal["completed", "in progress"]
    text: Annotated[str, Field(description="The line that states it")]
    line: int


@dataclass(frozen=True, kw_only=True)
class ResearchOutput(_Model):
    """Entries of a publications or talks section."""

    count: Annotated[
        int, Field(description="Entries in the section (bulleted, numbered or dated lines)")
    ]
    venues: Annotated[
        list[str],
        Field(description="Venues named anywhere but as served (reviewing, organising)"),
    ]


@dataclass(frozen=True, kw_only=True)
class Profile(_Model):
    """Education and research at a glance."""

    degrees: list[Degree]
    publications: ResearchOutput
    talks: ResearchOutput


@dataclass(frozen=True, kw_only=True)
class InputInfo(_Model):
    path: str
    format: str
    pages: int | None
    characters: int
    quality: Quality


@dataclass(frozen=True, kw_only=True)
class Check(_Model):
    """One CI threshold judged on this report."""

    kind: Literal["score", "category", "require"]
    target: Annotated[str, Field(description="Role id, 'role:category', or skill id")]
    minimum: Annotated[
        float | None, Field(description="The threshold, for score and category checks")
    ]
    actual: Annotated[
        float | None, Field(description="The score reached, for score and category checks")
    ]
    passed: bool
    message: str


@dataclass(frozen=True, kw_only=True)
class BestRole(_Model):
    """Which of the scored roles the resume fits best, and why."""

    id: str
    name: str
    score: float
    runner_up: Annotated[str | None, Field(description="Id of the next best role")]
    margin: Annotated[float, Field(description="Points ahead of the next best role")]
    why: Annotated[
        list[str], Field(description="Short reasons: the gaps that hold the others back")
    ]


@dataclass(frozen=True, kw_only=True)
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
    checks: Annotated[
        list[Check], Field(description="Thresholds judged (--fail-under, --require...)")
    ] = field(default_factory=list)
    best_role: Annotated[
        BestRole | None,
        Field(description="The best-fitting role when two or more were scored, one above 0"),
    ] = None
    text: Annotated[str | None, Field(exclude=True)] = field(
        default=None, repr=False, compare=False
    )
    """The text analysed (what ``skillgap extract`` prints), for a report that shows it (the
    HTML report highlights the evidence in it); never in the JSON, which stays free of the
    resume's full text."""


@dataclass(frozen=True, kw_only=True)
class ErrorInput(_Model):
    path: str


@dataclass(frozen=True, kw_only=True)
class ErrorDetail(_Model):
    code: Annotated[
        str,
        Field(
            description="not-found, unreadable, unsupported, encrypted, no-text, too-large, "
            "timeout, worker-died or internal"
        ),
    ]
    message: Annotated[str, Field(description="One line naming the input and the reason")]


@dataclass(frozen=True, kw_only=True)
class ErrorRecord(_Model):
    """An input that could not be analysed; it still appears in the output."""

    schema_version: str = SCHEMA_VERSION
    status: Literal["error"] = "error"
    input: ErrorInput
    error: ErrorDetail

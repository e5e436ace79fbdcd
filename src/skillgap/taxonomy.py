"""The skill taxonomy and the roles, loaded from TOML data files and validated.

The data lives in the top-level ``skills/`` folder, shipped as the package ``skillgap.skills``.
Every problem is reported as a :class:`TaxonomyError` naming the file and the entry.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from skillgap.errors import TaxonomyError
from skillgap.ids import REQUIRED_SKILL_IDS
from skillgap.sections import SECTIONS, SECTIONS_FILE, is_heading_title, normalise_title

KEBAB_CASE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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
    lead_ins: tuple[str, ...] = Field(
        default=(), description="Words directly before an ambiguous form that confirm it"
    )
    excludes: tuple[str, ...] = Field(
        default=(), description="Phrases inside which a form is not the skill"
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
    also: Mapping[str, tuple[str, ...]] = Field(
        default_factory=dict, description="A form of this skill -> further skills it shows"
    )

    _check_id = field_validator("id")(_kebab)

    @field_validator("rules")
    @classmethod
    def _rules_need_a_word(cls, rules: tuple[str, ...]) -> tuple[str, ...]:
        from skillgap.matcher import compile_rule  # the matcher needs this module first

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

    _check_id = field_validator("id")(_kebab)


class Role(_Record):
    """A role: a named list of weighted requirements."""

    id: str
    name: str
    description: str = ""
    default: bool = Field(
        default=True, description="Scored when no role is asked for; false: only by its id"
    )
    requirements: tuple[Requirement, ...] = Field(alias="requirement", min_length=1)

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
            raise TaxonomyError(f"unknown role {role_id!r} (known roles: {known})") from None

    def tip_for(self, requirement: Requirement) -> str:
        return requirement.tip or self.skills[requirement.any_of[0]].tip


def _read_toml(source: Traversable, label: str) -> dict[str, Any]:
    try:
        return tomllib.loads(source.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise TaxonomyError(f"{label}: not valid TOML: {error}") from None
    except OSError as error:
        raise TaxonomyError(f"{label}: cannot read: {error.strerror}") from None


def _validation_message(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else first["msg"]


def _build(model: type[_Record], data: Any, label: str, entry: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise TaxonomyError(f"{label}: {entry}: {_validation_message(error)}") from None


def _entry_name(data: Any, kind: str, index: int) -> str:
    name = data.get("id") if isinstance(data, dict) else None
    return f"{kind} {name!r}" if name else f"{kind} #{index + 1}"


def _data_files(folder: Traversable) -> list[Traversable]:
    return sorted(
        (item for item in folder.iterdir() if item.name.endswith(".toml")),
        key=lambda item: item.name,
    )


def _check_references(
    categories: Mapping[str, Category],
    skills: Mapping[str, Skill],
    roles: Mapping[str, Role],
    origin: Mapping[str, str],
) -> None:
    missing = sorted(REQUIRED_SKILL_IDS - set(skills))
    if missing:
        names = ", ".join(repr(skill_id) for skill_id in missing)
        raise TaxonomyError(f"no skill {names}: the code relies on it (skillgap.ids)")
    owner: dict[str, str] = {}
    for skill in skills.values():
        label = origin[f"skill:{skill.id}"]
        if skill.category not in categories:
            raise TaxonomyError(f"{label}: skill {skill.id!r}: unknown category {skill.category!r}")
        _check_sections(skill, label)
        also_targets = (t for targets in skill.also.values() for t in targets)
        if "\n" in skill.description:
            raise TaxonomyError(f"{label}: skill {skill.id!r}: the description must be one line")
        if skill.id in skill.parents:
            raise TaxonomyError(f"{label}: skill {skill.id!r}: is its own parent")
        for target in (*skill.implies, *skill.related, *skill.parents, *also_targets):
            if target not in skills:
                raise TaxonomyError(f"{label}: skill {skill.id!r}: unknown skill {target!r}")
        for phrase in skill.also:
            if phrase not in skill.forms:
                raise TaxonomyError(
                    f"{label}: skill {skill.id!r}: 'also' names {phrase!r}, not one of its forms"
                )
        for form in skill.forms:
            key = form.casefold()
            if owner.get(key, skill.id) != skill.id:
                raise TaxonomyError(
                    f"{label}: skill {skill.id!r}: form {form!r} also belongs to {owner[key]!r}"
                )
            owner[key] = skill.id
    _check_parent_cycles(skills, origin)
    for role in roles.values():
        label = origin[f"role:{role.id}"]
        seen: set[str] = set()
        for requirement in role.requirements:
            entry = f"role {role.id!r}: requirement {requirement.id!r}"
            if requirement.id in seen:
                raise TaxonomyError(f"{label}: {entry}: duplicate id")
            seen.add(requirement.id)
            if requirement.category not in categories:
                raise TaxonomyError(f"{label}: {entry}: unknown category {requirement.category!r}")
            for skill_id in requirement.any_of:
                if skill_id not in skills:
                    raise TaxonomyError(f"{label}: {entry}: unknown skill {skill_id!r}")


def _check_parent_cycles(skills: Mapping[str, Skill], origin: Mapping[str, str]) -> None:
    """Parents form a hierarchy: following them from any skill never comes back to it."""
    done: set[str] = set()
    for start in skills:
        path: list[str] = []
        on_path: set[str] = set()
        stack: list[tuple[str, int]] = [(start, 0)]
        while stack:
            skill_id, index = stack.pop()
            if index == 0:
                if skill_id in on_path:
                    cycle = " -> ".join([*path[path.index(skill_id) :], skill_id])
                    label = origin[f"skill:{skill_id}"]
                    raise TaxonomyError(f"{label}: skill {skill_id!r}: parent cycle {cycle}")
                if skill_id in done:
                    continue
                path.append(skill_id)
                on_path.add(skill_id)
            parents = skills[skill_id].parents
            if index < len(parents):
                stack.append((skill_id, index + 1))
                stack.append((parents[index], 0))
            else:
                path.pop()
                on_path.discard(skill_id)
                done.add(skill_id)


def _check_sections(skill: Skill, label: str) -> None:
    """A skill's sections and headings must be ones the heading finder knows
    (``skills/sections.toml``): anything else could never match."""
    for section in skill.sections:
        if section not in SECTIONS.kinds:
            known = ", ".join(SECTIONS.kinds)
            raise TaxonomyError(
                f"{label}: skill {skill.id!r}: unknown section {section!r} (known: {known})"
            )
    for heading in skill.headings:
        if is_heading_title(heading):
            continue
        normalised = normalise_title(heading)
        if normalised != heading:
            reason = f"headings are compared normalised, as {normalised!r}"
        else:
            reason = f"not a section title of skills/{SECTIONS_FILE}"
        raise TaxonomyError(
            f"{label}: skill {skill.id!r}: heading {heading!r} can never match ({reason})"
        )


def build_taxonomy(
    skill_sources: Iterable[tuple[str, Traversable]],
    role_sources: Iterable[tuple[str, Traversable]],
) -> Taxonomy:
    """Build and cross-check a taxonomy from labelled TOML sources."""
    categories: dict[str, Category] = {}
    skills: dict[str, Skill] = {}
    roles: dict[str, Role] = {}
    origin: dict[str, str] = {}
    for label, source in skill_sources:
        data = _read_toml(source, label)
        unknown = set(data) - {"category", "skill"}
        if unknown:
            raise TaxonomyError(f"{label}: unknown table(s): {', '.join(sorted(unknown))}")
        for index, raw in enumerate(data.get("category", [])):
            category = _build(Category, raw, label, _entry_name(raw, "category", index))
            if category.id in categories:
                raise TaxonomyError(f"{label}: category {category.id!r}: duplicate id")
            categories[category.id] = category
        for index, raw in enumerate(data.get("skill", [])):
            skill = _build(Skill, raw, label, _entry_name(raw, "skill", index))
            if skill.id in skills:
                first = origin[f"skill:{skill.id}"]
                raise TaxonomyError(f"{label}: skill {skill.id!r}: duplicate id (see {first})")
            skills[skill.id] = skill
            origin[f"skill:{skill.id}"] = label
    for label, source in role_sources:
        raw_role = _read_toml(source, label)
        role = _build(Role, raw_role, label, _entry_name(raw_role, "role", 0))
        if role.id in roles:
            raise TaxonomyError(f"{label}: role {role.id!r}: duplicate id")
        roles[role.id] = role
        origin[f"role:{role.id}"] = label
    _check_references(categories, skills, roles, origin)
    return Taxonomy(categories=categories, skills=skills, roles=roles)


def builtin_data() -> Traversable:
    """The folder of built-in data (``skills/`` in the source tree)."""
    return files("skillgap.skills")


@cache
def load_taxonomy() -> Taxonomy:
    """The built-in taxonomy and roles, validated once and then kept in the cache."""
    from skillgap import cache

    root = builtin_data()
    skill_sources = [
        (f"skills/{item.name}", item) for item in _data_files(root) if item.name != SECTIONS_FILE
    ]
    role_sources = [(f"skills/roles/{item.name}", item) for item in _data_files(root / "roles")]
    # The section data is part of the key: the skills were checked against it.
    section_source = (f"skills/{SECTIONS_FILE}", root / SECTIONS_FILE)
    digest = hashlib.sha256()
    for label, source in [*skill_sources, *role_sources, section_source]:
        digest.update(label.encode() + b"\0" + source.read_bytes() + b"\0")
    key = digest.hexdigest()[:32]
    cached = cache.load("taxonomy", key)
    if isinstance(cached, Taxonomy):
        return cached
    taxonomy = build_taxonomy(skill_sources, role_sources)
    cache.store("taxonomy", key, taxonomy)
    return taxonomy


def load_taxonomy_from(folder: Path) -> Taxonomy:
    """A taxonomy laid out like ``skills/`` in another folder (used by tests and tools).

    Its skills are checked against the built-in section data, which the heading finder uses.
    """
    return build_taxonomy(
        ((str(path), path) for path in sorted(folder.glob("*.toml")) if path.name != SECTIONS_FILE),
        ((str(path), path) for path in sorted((folder / "roles").glob("*.toml"))),
    )


def extend_taxonomy(base: Taxonomy, paths: Sequence[Path]) -> Taxonomy:
    """The base taxonomy with the categories, skills and roles of user files added.

    A user file is in the format of the built-in data: ``[[category]]`` and ``[[skill]]``
    entries, and roles either as ``[[role]]`` entries (each with its ``[[role.requirement]]``)
    or, as in ``skills/roles/``, as a whole file with ``id``, ``name`` and
    ``[[requirement]]``. An entry whose id is built in replaces the built-in one; every
    problem names the file and the entry.
    """
    categories = dict(base.categories)
    skills = dict(base.skills)
    roles = dict(base.roles)
    origin = {f"skill:{k}": "built-in skills" for k in skills}
    origin.update({f"role:{k}": "built-in roles" for k in roles})
    for path in paths:
        label = str(path)
        if not path.is_file():
            raise TaxonomyError(f"{label}: no such roles file")
        data = _read_toml(path, label)
        if "requirement" in data:  # a single role, as in skills/roles/
            data = {"role": [data]}
        unknown = set(data) - {"category", "skill", "role"}
        if unknown:
            raise TaxonomyError(
                f"{label}: unknown table(s): {', '.join(sorted(unknown))} "
                "(expected category, skill, role)"
            )
        seen: set[str] = set()
        for kind, model, target in (
            ("category", Category, categories),
            ("skill", Skill, skills),
            ("role", Role, roles),
        ):
            entries = data.get(kind, [])
            if not isinstance(entries, list):
                raise TaxonomyError(f"{label}: '{kind}' must be an array of tables ([[{kind}]])")
            for index, raw in enumerate(entries):
                entry = _build(model, raw, label, _entry_name(raw, kind, index))
                key = f"{kind}:{entry.id}"
                if key in seen:
                    raise TaxonomyError(f"{label}: {kind} {entry.id!r}: duplicate id")
                seen.add(key)
                target[entry.id] = entry
                origin[key] = label
    _check_references(categories, skills, roles, origin)
    return Taxonomy(categories=categories, skills=skills, roles=roles)

"""The skill taxonomy and the roles, loaded from TOML data files and validated.

The data lives in the top-level ``skills/`` folder, shipped as the package ``skillgap.skills``.
Every problem is reported as a :class:`TaxonomyError` naming the file and the entry.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from skillgap.data_files import TIPS_FILE, parse_toml, read_toml, validation_message
from skillgap.errors import InputError, TaxonomyError
from skillgap.ids import DEGREE_LEVELS, REQUIRED_SKILL_IDS
from skillgap.sections import SECTIONS, SECTIONS_FILE, is_heading_title, normalise_title
from skillgap.taxonomy_model import (
    KEBAB_CASE,
    Category,
    Requirement,
    Role,
    Skill,
    Taxonomy,
    _Record,
)

__all__ = [
    "KEBAB_CASE",
    "Category",
    "Requirement",
    "Role",
    "Skill",
    "Taxonomy",
    "build_taxonomy",
    "builtin_data",
    "extend_taxonomy",
    "load_taxonomy",
    "load_taxonomy_from",
]


def _build(model: type[_Record], data: Any, label: str, entry: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise TaxonomyError(f"{label}: {entry}: {validation_message(error)}") from None


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
            if requirement.fields and not set(requirement.any_of) & DEGREE_LEVELS.keys():
                raise TaxonomyError(f"{label}: {entry}: fields need a degree in any_of")


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
    return _taxonomy_of(
        ((label, read_toml(source, label)) for label, source in skill_sources),
        ((label, read_toml(source, label)) for label, source in role_sources),
    )


def _taxonomy_of(
    skill_data: Iterable[tuple[str, dict[str, Any]]],
    role_data: Iterable[tuple[str, dict[str, Any]]],
) -> Taxonomy:
    """Build and cross-check a taxonomy from the labelled contents of its TOML files."""
    categories: dict[str, Category] = {}
    skills: dict[str, Skill] = {}
    roles: dict[str, Role] = {}
    origin: dict[str, str] = {}
    for label, data in skill_data:
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
    for label, raw_role in role_data:
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
    """The built-in taxonomy and roles, validated.

    Parsing the TOML files is most of the work, so their contents are kept in the cache as
    JSON (see :mod:`skillgap.cache`), keyed by the files' bytes; they are validated again
    either way, and only contents that validated are stored.
    """
    from skillgap import cache

    root = builtin_data()
    skill_files = [
        (f"skills/{item.name}", item.read_bytes())
        for item in _data_files(root)
        if item.name not in (SECTIONS_FILE, TIPS_FILE)
    ]
    role_files = [(f"skills/roles/{f.name}", f.read_bytes()) for f in _data_files(root / "roles")]
    # The section data is part of the key: the skills were checked against it.
    sections = (f"skills/{SECTIONS_FILE}", (root / SECTIONS_FILE).read_bytes())
    digest = hashlib.sha256()
    for label, content in [*skill_files, *role_files, sections]:
        digest.update(label.encode() + b"\0" + content + b"\0")
    key = digest.hexdigest()[:32]
    cached = cache.load("taxonomy", key)
    if cached is not None:
        try:
            return _taxonomy_of(*cached)
        except InputError:
            raise  # an input's time limit ran out meanwhile (skillgap.limits)
        except Exception:  # other data than the files': read them
            pass
    contents = tuple(
        [(label, parse_toml(content.decode("utf-8"), label)) for label, content in files]
        for files in (skill_files, role_files)
    )
    taxonomy = _taxonomy_of(*contents)
    cache.store("taxonomy", key, contents)
    return taxonomy


def load_taxonomy_from(folder: Path) -> Taxonomy:
    """A taxonomy laid out like ``skills/`` in another folder (used by tests and tools).

    Its skills are checked against the built-in section data, which the heading finder uses.
    """
    return build_taxonomy(
        (
            (str(path), path)
            for path in sorted(folder.glob("*.toml"))
            if path.name not in (SECTIONS_FILE, TIPS_FILE)
        ),
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
        data = read_toml(path, label)
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

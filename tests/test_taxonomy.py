"""The taxonomy data itself: parses, ids are sound, every reference resolves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillgap.cli import app
from skillgap.errors import TaxonomyError
from skillgap.ids import REQUIRED_SKILL_IDS
from skillgap.sections import SECTIONS, heading_section
from skillgap.taxonomy import KEBAB_CASE, Taxonomy, extend_taxonomy, load_taxonomy_from

from .helpers import CORPUS, REPO

CANONICAL_IDS_FILE = CORPUS.parent / "skill-ids.md"


def canonical_ids() -> set[str]:
    if not CANONICAL_IDS_FILE.exists():
        pytest.skip("shared/skill-ids.md not available")
    rows = re.findall(r"^\| ([a-z0-9-]+) \|", CANONICAL_IDS_FILE.read_text(), re.MULTILINE)
    return set(rows) - {"id", "---"}


def test_every_canonical_id_exists(taxonomy: Taxonomy) -> None:
    ids = canonical_ids()
    assert len(ids) >= 55
    assert ids - set(taxonomy.skills) == set()


def test_ids_are_kebab_case_and_every_skill_has_a_tip(taxonomy: Taxonomy) -> None:
    for skill in taxonomy.skills.values():
        assert KEBAB_CASE.match(skill.id), skill.id
        assert len(skill.tip) >= 40, f"{skill.id}: tip too short to be concrete"
        assert skill.forms or skill.rules or skill.headings, f"{skill.id}: nothing matches it"


def test_no_form_belongs_to_two_skills(taxonomy: Taxonomy) -> None:
    owners: dict[str, str] = {}
    for skill in taxonomy.skills.values():
        for form in skill.forms:
            key = form.casefold()
            assert owners.setdefault(key, skill.id) == skill.id, f"{form!r} is ambiguous"


def test_roles_are_built_in_and_reference_existing_skills(taxonomy: Taxonomy) -> None:
    assert set(taxonomy.roles) == {"mle", "rs"}
    for role in taxonomy.roles.values():
        for requirement in role.requirements:
            assert set(requirement.any_of) <= set(taxonomy.skills)
            assert requirement.category in taxonomy.categories
            assert taxonomy.tip_for(requirement)


def test_or_lists_of_the_source_are_single_requirements(taxonomy: Taxonomy) -> None:
    for role_id in ("mle", "rs"):
        by_id = {r.id: r for r in taxonomy.role(role_id).requirements}
        assert set(by_id["programming-language"].any_of) == {"python", "java", "cpp"}
        assert set(by_id["ml-library"].any_of) == {"tensorflow", "pytorch", "scikit-learn"}
    assert taxonomy.role("rs").requirements[0].any_of == ("degree-phd",)


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "skills"
    (target / "roles").mkdir(parents=True)
    for path in (REPO / "skills").glob("*.toml"):
        (target / path.name).write_text(path.read_text())
    for path in (REPO / "skills" / "roles").glob("*.toml"):
        (target / "roles" / path.name).write_text(path.read_text())
    return target


def test_the_source_tree_data_loads_as_shipped(tmp_path: Path, taxonomy: Taxonomy) -> None:
    loaded = load_taxonomy_from(_copy_data(tmp_path))
    assert set(loaded.skills) == set(taxonomy.skills)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: s.replace('id = "java"', 'id = "Java_Lang"'), "kebab-case"),
        (
            lambda s: s.replace('aliases = ["TypeScript"]', 'aliases = ["Python"]'),
            "also belongs to",
        ),
        (lambda s: s.replace('category = "languages"', 'category = "nope"', 1), "unknown category"),
        (lambda s: s + '\n[[skill]]\nid = "x"\n', "skill 'x'"),
        (lambda s: s + "\n[oops\n", "not valid TOML"),
        (
            lambda s: s.replace(
                'aliases = ["TypeScript"]', 'aliases = ["TypeScript"]\nrules = ["ts? ..."]'
            ),
            "rule 'ts\\? ...' needs a word",
        ),
    ],
)
def test_bad_data_is_reported_with_file_and_entry(
    tmp_path: Path, edit: object, message: str
) -> None:
    folder = _copy_data(tmp_path)
    languages = folder / "languages.toml"
    languages.write_text(edit(languages.read_text()))  # type: ignore[operator]
    with pytest.raises(TaxonomyError, match=message) as caught:
        load_taxonomy_from(folder)
    assert "languages.toml" in str(caught.value)


def test_requirement_naming_an_unknown_skill_is_reported(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    role = folder / "roles" / "mle.toml"
    role.write_text(role.read_text().replace('"pytorch"', '"pytorchh"'))
    with pytest.raises(
        TaxonomyError,
        match=r"mle.toml: role 'mle': requirement 'ml-library': "
        r"unknown skill 'pytorchh'",
    ):
        load_taxonomy_from(folder)


@pytest.mark.parametrize("skill_id", sorted(REQUIRED_SKILL_IDS))
def test_a_skill_the_code_relies_on_cannot_go_missing(tmp_path: Path, skill_id: str) -> None:
    folder = _copy_data(tmp_path)
    for path in folder.glob("*.toml"):
        path.write_text(path.read_text().replace(f'id = "{skill_id}"', f'id = "{skill_id}-x"'))
    with pytest.raises(TaxonomyError, match=f"no skill '{skill_id}': the code relies on it"):
        load_taxonomy_from(folder)


def test_every_heading_of_a_skill_is_a_title_the_finder_gives(taxonomy: Taxonomy) -> None:
    for skill in taxonomy.skills.values():
        for heading in skill.headings:
            found = heading_section(heading.title())
            assert found is not None and found[1] == heading, (skill.id, heading)
        assert set(skill.sections) <= set(SECTIONS.kinds), skill.id


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda s: s.replace('sections = ["education"]', 'sections = ["educaton"]', 1),
            r"education.toml: skill 'degree-bachelor': unknown section 'educaton' "
            r"\(known: summary,",
        ),
        (
            lambda s: s.replace('"reviewing",', '"reviewing", "reviews",'),
            r"research.toml: skill 'peer-review': heading 'reviews' can never match "
            r"\(not a section title of skills/sections.toml\)",
        ),
        (
            lambda s: s.replace('"reviewing",', '"Reviewing:",'),
            r"research.toml: skill 'peer-review': heading 'Reviewing:' can never match "
            r"\(headings are compared normalised, as 'reviewing'\)",
        ),
    ],
)
def test_a_skill_naming_an_unknown_section_or_heading_is_reported(
    tmp_path: Path, edit: object, message: str
) -> None:
    folder = _copy_data(tmp_path)
    for path in (folder / "education.toml", folder / "research.toml"):
        path.write_text(edit(path.read_text()))  # type: ignore[operator]
    with pytest.raises(TaxonomyError, match=message):
        load_taxonomy_from(folder)


def test_a_roles_file_naming_an_unknown_section_is_reported(
    tmp_path: Path, taxonomy: Taxonomy
) -> None:
    roles_file = tmp_path / "my.toml"
    roles_file.write_text(
        '[[skill]]\nid = "latex"\nname = "LaTeX"\ncategory = "engineering"\n'
        'ambiguous = ["TeX"]\nsections = ["Skills"]\n'
        'tip = "Typeset a paper or a thesis in LaTeX."\n'
    )
    message = "my.toml: skill 'latex': unknown section 'Skills'"
    with pytest.raises(TaxonomyError, match=message):
        extend_taxonomy(taxonomy, [roles_file])
    result = CliRunner().invoke(app, ["validate", str(roles_file)])
    assert result.exit_code == 2
    assert message in result.stderr

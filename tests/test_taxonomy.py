"""The taxonomy data itself: parses, ids are sound, every reference resolves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillgap.analysis import analyze
from skillgap.cli import app
from skillgap.errors import TaxonomyError
from skillgap.ids import REQUIRED_SKILL_IDS
from skillgap.sections import SECTIONS, heading_section
from skillgap.taxonomy import KEBAB_CASE, Taxonomy, extend_taxonomy, load_taxonomy_from

from .helpers import CORPUS, REPO, skill_ids

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
    assert set(taxonomy.roles) == {
        "mle",
        "rs",
        "ai-engineer",
        "mlops-engineer",
        "applied-scientist",
    }
    assert taxonomy.default_roles() == ["mle", "rs"]
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


# -- the data itself: descriptions, hierarchy, tips ---------------------------------------------


def test_every_skill_has_a_one_line_description(taxonomy: Taxonomy) -> None:
    for skill in taxonomy.skills.values():
        assert skill.description, f"{skill.id}: no description"
        assert "\n" not in skill.description and len(skill.description) <= 160, skill.id
        assert skill.description.endswith("."), f"{skill.id}: a description is a sentence"


def test_every_skill_sits_in_a_category_and_every_category_is_used(taxonomy: Taxonomy) -> None:
    used = {skill.category for skill in taxonomy.skills.values()}
    assert used <= set(taxonomy.categories)
    assert set(taxonomy.categories) == used


def test_parents_exist_and_never_lead_back(taxonomy: Taxonomy) -> None:
    for skill in taxonomy.skills.values():
        seen: set[str] = set()
        frontier = list(skill.parents)
        while frontier:
            parent = frontier.pop()
            assert parent in taxonomy.skills, f"{skill.id}: unknown parent {parent!r}"
            assert parent != skill.id, f"{skill.id}: its own ancestor"
            if parent not in seen:
                seen.add(parent)
                frontier.extend(taxonomy.skills[parent].parents)


def test_the_hierarchy_of_the_issue(taxonomy: Taxonomy) -> None:
    ancestors = taxonomy.ancestors

    assert {"peft", "llm-fine-tuning", "fine-tuning", "llms"} <= ancestors("lora")
    assert "distributed-training" in ancestors("fsdp")
    assert "inference-serving" in ancestors("vllm")
    assert "observability" in ancestors("grafana")


_TINY_SKILLS = """
[[skill]]
id = "a"
name = "A"
category = "fields"
aliases = ["alpha"]
parents = [{a_parents}]
tip = "Learn A by building something with it."

[[skill]]
id = "b"
name = "B"
category = "fields"
aliases = ["beta"]
parents = [{b_parents}]
tip = "Learn B by building something with it."
"""


@pytest.mark.parametrize(
    ("a_parents", "b_parents", "message"),
    [
        ('"b"', '"a"', r"parent cycle (a -> b -> a|b -> a -> b)"),
        ('"a"', "", r"skill 'a': is its own parent"),
        ('"nope"', "", r"skill 'a': unknown skill 'nope'"),
    ],
)
def test_bad_parents_are_reported(
    tmp_path: Path, a_parents: str, b_parents: str, message: str
) -> None:
    folder = _copy_data(tmp_path)
    (folder / "tiny.toml").write_text(_TINY_SKILLS.format(a_parents=a_parents, b_parents=b_parents))
    with pytest.raises(TaxonomyError, match=message):
        load_taxonomy_from(folder)


#: Words of a tip that look like a tool's name (an inner capital: "PyTorch", "vLLM", "AWS") but
#: are no skill: metrics, datasets, benchmarks, companies, courses and common acronyms.
NOT_SKILLS = frozenset(
    {
        # acronyms and words of ordinary technical prose
        "AI", "API", "CI", "CLI", "CS", "CTEs", "DAG", "HTTP", "README", "REST", "SSH", "iOS",
        "CPU-bound", "single-GPU", "non-GPU", "GEMM-heavy", "generative-AI", "KV", "GPS", "IMU",
        "PDE", "PCA", "HIP", "MCP", "ELK", "ECR", "BI", "MLE", "RS",
        # metrics and algorithms named as yardsticks
        "AUC", "FID", "MFU", "MOS", "PSNR", "RMSE", "mAP", "PPO", "UCB", "RoPE",
        "IoU", "BLEU", "COMET", "ROUGE", "MOTA", "F1", "TF-IDF",
        # datasets, benchmarks and repositories
        "COCO", "CheXpert", "DANDI", "ESC-50", "MoleculeNet", "MovieLens", "OGB", "OpenNeuro",
        "RULER", "UltraFeedback", "nanoGPT", "LLaVA-style", "EleutherAI",
        "MOT17", "LFW",
        # companies, courses and certificates
        "AMD", "NVIDIA", "OpenAI", "MIT", "OCW", "OMSCS", "AI-900", "DP-100", "PyO3",
    }
)  # fmt: skip
_TOOLISH = re.compile(r"(?<![\w.-])([A-Za-z][\w.+#-]*[A-Z][\w.+#-]*)(?!\w)")


def test_tips_name_only_skills_the_taxonomy_knows(taxonomy: Taxonomy) -> None:
    """A tip must not send people to a tool skillgap does not know (or files elsewhere).

    The checkable rule: every word of a tip written like a product name (a capital letter
    after its first character, as in PyTorch, LlamaIndex, vLLM, AWS) is a form or the name of
    some skill, or one of the few known non-skills above."""
    known = {form.casefold() for skill in taxonomy.skills.values() for form in skill.forms}
    known |= {skill.name.casefold() for skill in taxonomy.skills.values()}
    tips = [(skill.id, skill.tip) for skill in taxonomy.skills.values()]
    tips += [
        (f"{role.id}:{requirement.id}", requirement.tip)
        for role in taxonomy.roles.values()
        for requirement in role.requirements
        if requirement.tip
    ]
    unknown = {
        (where, word)
        for where, tip in tips
        for match in _TOOLISH.finditer(tip)
        if (word := match.group(1).rstrip(".-")).casefold() not in known and word not in NOT_SKILLS
    }
    assert unknown == set()


@pytest.mark.parametrize(
    "word",
    ["Ray", "Spark", "Triton", "Beam", "Transformers", "Evidently", "Airflow", "Flux", "Gemini",
     "Claude", "Llama", "Mistral", "Stan", "Prefect", "Luigi", "Whisper", "Feast", "Iceberg"],
)  # fmt: skip
def test_names_that_are_words_need_context(taxonomy: Taxonomy, word: str) -> None:
    assert all(
        word.casefold() not in {alias.casefold() for alias in skill.aliases}
        for skill in taxonomy.skills.values()
    ), f"{word!r} is a plain alias: it would match the English word or the name"
    prose = f"Summary\nMy colleague {word} said the weather was good, and the report was late.\n"
    assert (
        skill_ids(prose) & {skill.id for skill in taxonomy.skills.values() if word in skill.forms}
        == set()
    )


FURTHER_ROLES = ("ai-engineer", "mlops-engineer", "applied-scientist")


def test_the_further_roles_are_scored_only_when_asked_for(taxonomy: Taxonomy) -> None:
    """ai-engineer, mlops-engineer and applied-scientist are built from public postings (their
    sources are in the files): available by id, not scored by default."""
    assert {r.id for r in analyze(b"Python, PyTorch", name="cv.txt").roles} == {"mle", "rs"}
    asked = analyze(b"Python, PyTorch", name="cv.txt", roles=["ai-engineer"])
    assert [r.id for r in asked.roles] == ["ai-engineer"]
    known = {form.casefold() for skill in taxonomy.skills.values() for form in skill.forms}
    known |= {skill.name.casefold() for skill in taxonomy.skills.values()}
    for role_id in FURTHER_ROLES:
        role = taxonomy.role(role_id)
        assert not role.default and role.description, role_id
        for requirement in role.requirements:
            assert requirement.source, (role_id, requirement.id)
            assert taxonomy.tip_for(requirement)
            for match in _TOOLISH.finditer(requirement.tip or ""):
                word = match.group(1).rstrip(".-")
                assert word.casefold() in known or word in NOT_SKILLS, (role_id, word)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (('"quantitative",', '"Quantitative",'), "field 'Quantitative' is not lowercase words"),
        (('"comput*",', '"*comput",'), r"field '\*comput' is not lowercase words"),
        (
            ('any_of = ["python", "java", "cpp"]', 'any_of = ["python"]\nfields = ["data"]'),
            "requirement 'programming-language': fields need a degree in any_of",
        ),
    ],
)
def test_fields_of_a_requirement_are_checked(
    tmp_path: Path, edit: tuple[str, str], message: str
) -> None:
    folder = _copy_data(tmp_path)
    role = folder / "roles" / "mle.toml"
    assert edit[0] in role.read_text()
    role.write_text(role.read_text().replace(*edit))
    with pytest.raises(TaxonomyError, match=message):
        load_taxonomy_from(folder)


def test_the_readme_lists_every_category_id() -> None:
    """The ids `--fail-under-category` takes, as the README lists them, are the taxonomy's."""
    from skillgap.taxonomy import load_taxonomy

    from .helpers import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    listed = readme[readme.index("Category ids:") :].split("(an unknown one")[0]
    assert set(re.findall(r"`([a-z-]+)`", listed)) == set(load_taxonomy().categories)

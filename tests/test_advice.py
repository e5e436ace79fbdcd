"""Advice that fits the person: tips chosen from how the resume shows each skill, the person's
level and the lines that nearly show a skill; the templates are data (skills/tips.toml)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from skillgap.advice import LEVELS, builtin_tips, read_tips
from skillgap.analysis import analyze
from skillgap.errors import TaxonomyError
from skillgap.report import Report, RequirementResult
from skillgap.taxonomy import load_taxonomy

from .helpers import REPO

TIPS = REPO / "skills" / "tips.toml"


def _requirement(report: Report, role: str, requirement: str) -> RequirementResult:
    scored = next(r for r in report.roles if r.id == role)
    return next(r for r in scored.requirements if r.id == requirement)


def _analyze(text: str) -> Report:
    return analyze(text.encode(), name="cv.txt")


def _sentences(text: str) -> int:
    return len(re.findall(r"(?<!e\.g)(?<!i\.e)[.!?](?=\s|$)", text))


def test_a_skill_only_listed_is_to_be_shown_at_work() -> None:
    report = _analyze("Jo Doe\n\nSkills\nPython, SQL\n\nExperience\nAnalyst at Shop, 2021\n")
    python = _requirement(report, "mle", "programming-language")
    assert python.credit == 1 and python.strength == "listed"
    assert python.tip == (
        "Python is only in your skills list: show it in a bullet, saying what you built with "
        "it and the result."
    )
    shown = _analyze("Jo Doe\n\nExperience\nBuilt a pricing service in Python, 2021\n")
    assert _requirement(shown, "mle", "programming-language").tip.startswith("Learn Python")


def test_a_skill_seen_only_in_coursework_is_to_be_used_in_a_project() -> None:
    report = _analyze(
        "Jo Doe\n\nEducation\nBSc Computer Science, 2022\nCoursework: TensorFlow, databases\n"
    )
    library = _requirement(report, "mle", "ml-library")
    assert library.credit == 0.5
    assert library.tip == (
        "TensorFlow shows only in coursework, awards or interests: use it in a project and "
        "describe what it achieved."
    )


PUBLISHED_PHD = """Ada Researcher

Education
Ph.D. in Computer Science, ETH Zurich, 2016 - 2021

Publications
- A. Researcher, B. Colleague. Robust bandits. NeurIPS 2023.
"""


def test_no_leetcode_for_a_phd_with_papers() -> None:
    algorithms = _requirement(_analyze(PUBLISHED_PHD), "mle", "data-structures-algorithms")
    assert algorithms.credit == 0
    assert "LeetCode" not in algorithms.tip
    assert algorithms.tip.startswith("Your research code is algorithmic work")
    bachelor = _analyze("Jo Doe\n\nEducation\nBSc Biology, 2022\n")
    assert "LeetCode" in _requirement(bachelor, "mle", "data-structures-algorithms").tip


def test_degree_and_publication_tips_fit_the_level() -> None:
    master = _analyze("Jo Doe\n\nEducation\nMSc in Statistics, Oslo, 2021\n")
    assert _requirement(master, "rs", "phd").tip.startswith("With a master's")
    assert _requirement(master, "rs", "publications").tip.startswith("Turn your thesis")
    phd = _analyze("Jo Doe\n\nEducation\nPhD in Physics, Oslo, 2020\n")
    assert _requirement(phd, "rs", "publications").tip.startswith("A PhD usually comes with")
    student = _analyze("Jo Doe\n\nEducation\nPhD candidate in Physics, Oslo, 2022 - present\n")
    assert _requirement(student, "rs", "publications").tip.startswith("List your papers")
    published = _analyze(
        "Jo Doe\n\nEducation\nBSc Physics, 2019\n\nPublications\n- J. Doe, A. Roe. Priors. "
        "ICML 2022.\n"
    )
    assert _requirement(published, "rs", "phd").tip.startswith("Without a PhD, let your papers")


def test_a_near_miss_quotes_the_line_and_a_recognised_wording() -> None:
    report = _analyze(
        "Jo Doe\n\nExperience\nData Scientist, Shop, 2020 - 2023\n"
        "- Deployed the new weekly demand forecasting and pricing model for all stores\n"
    )
    deployment = _requirement(report, "mle", "model-deployment")
    assert deployment.credit == 0
    assert deployment.tip == (
        'Line 5 comes close: "Deployed the new weekly demand forecasting and pricing model for '
        'all…". If that is what you did, word it as skillgap recognises it, e.g. "deployed the '
        'forecasting model to production behind a REST API".'
    )
    # Without such a line, the requirement's own tip.
    plain = _analyze("Jo Doe\n\nExperience\nData Scientist, Shop, 2020 - 2023\n")
    assert _requirement(plain, "mle", "model-deployment").tip.startswith("Deploy one of your")
    # Cue words far apart in one line say other things: no line is quoted.
    apart = _analyze(
        "Jo Doe\n\nExperience\nWorked on machine learning model development, software "
        "engineering and data infrastructures, in domains from banking to satellite monitoring.\n"
    )
    assert "comes close" not in _requirement(apart, "mle", "model-monitoring").tip


def test_every_recognised_wording_is_recognised() -> None:
    for near in builtin_tips().near:
        found = {s.id for s in _analyze(f"Jo Doe\n\nExperience\n{near.wording}\n").skills}
        assert near.skill in found, f"{near.skill}: {near.wording!r} is not recognised"


def test_every_tip_is_at_most_two_sentences() -> None:
    tips = builtin_tips()
    texts = [tips.listed, tips.coursework, tips.near_miss]
    texts += [t for entry in tips.level for level in LEVELS if (t := entry.for_level(level))]
    assert len(texts) > 10
    for text in texts:
        assert 1 <= _sentences(text) <= 2, text


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    text = TIPS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "tips.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("{skill} is only", "{name} is only", "listed: Value error, unknown placeholder 'name'"),
        ('skill = "degree-phd"', 'skill = "phd-degree"', "unknown skill 'phd-degree'"),
        ("phd-student = ", "postdoc = ", "level.1.postdoc: Extra inputs are not permitted"),
        ('["algorithm*"]', '["Algorithm!"]', "cue 'Algorithm!' is not a lowercase word"),
    ],
)
def test_the_tips_file_is_checked(tmp_path: Path, old: str, new: str, message: str) -> None:
    with pytest.raises(TaxonomyError) as caught:
        read_tips(_edited(tmp_path, old, new), "skills/tips.toml", load_taxonomy())
    assert str(caught.value).startswith("skills/tips.toml: ")
    assert message in str(caught.value)


def test_a_phd_in_another_field_is_not_told_to_do_without_one() -> None:
    """Found in a new-user review: a chemist with a PhD and papers was told "without one [a
    PhD], show equivalent research output"."""
    report = _analyze(
        "Education\nPhD in Chemistry, ETH Zurich, 2018\n\nPublications\n"
        "- A. Chen. Catalysis on copper. J. Am. Chem. Soc. 2019.\n"
    )
    phd = _requirement(report, "rs", "phd")
    assert phd.credit == 0.5 and phd.note is not None and "Chemistry" in phd.note
    assert phd.tip == builtin_tips().other_field and "without one" not in phd.tip.lower()

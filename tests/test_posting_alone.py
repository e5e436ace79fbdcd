"""A tool's ambiguous name alone on an item of a posting's requirements is the tool; a field's
or an item of another section is not, and resumes are left alone."""

from __future__ import annotations

import pytest

from skillgap.analysis import read_job
from tests.helpers import skill_ids

_TOP = "Machine Learning Engineer\n\nWe build ranking models for retail.\n\n"


def _asked(body: str) -> dict[str, str]:
    role = read_job((_TOP + body).encode(), name="posting.txt")
    return {skill_id: r.importance for r in role.requirements for skill_id in r.any_of}


@pytest.mark.parametrize(
    ("body", "skill_id", "importance"),
    [
        ("Requirements:\n- Python\n- Spark\n", "apache-spark", "required"),
        ("Requirements:\n- Python\n- Go\n", "go", "required"),
        ("What you need:\n* Python\n* Scala.\n", "scala", "required"),
        ("Requirements:\n- Python\n\nNice to have:\n* Julia\n", "julia", "preferred"),
        ("Requirements:\n- Python\n\nBonus:\n- R\n", "r", "preferred"),
        ("Requirements:\n- Python\n\nPreferred:\n1. Rust;\n", "rust", "preferred"),
    ],
)
def test_a_tools_name_alone_on_an_item_is_asked(body: str, skill_id: str, importance: str) -> None:
    assert _asked(body).get(skill_id) == importance


@pytest.mark.parametrize(
    ("body", "skill_id"),
    [
        ("Requirements:\n- Python\n- Math\n", "mathematics"),  # a field, not a tool
        ("Requirements:\n- Python\n\nResponsibilities:\n- Go\n", "go"),  # no requirement
        ("Requirements:\n- Python\n- Go to the office twice a week\n", "go"),  # not alone
    ],
)
def test_other_names_alone_are_not(body: str, skill_id: str) -> None:
    assert skill_id not in _asked(body)


def test_a_resume_item_of_one_ambiguous_name_is_left_to_the_matcher() -> None:
    resume = "Jane Doe\n\nLesson Plans\n* Math\n* Go\n"
    assert {"mathematics", "go"}.isdisjoint(skill_ids(resume))

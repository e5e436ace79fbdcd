"""Soft skills and habits a posting names of the job, not of the candidate (mentoring duties,
the team the job sits in, the good code it wants written), and evaluation in a posting about
LLMs (made-up postings)."""

from __future__ import annotations

import pytest

from skillgap.analysis import read_job
from tests.helpers import skill_ids


def asked(text: str) -> set[str]:
    role = read_job(text.encode(), name="posting.txt")
    return {skill_id for requirement in role.requirements for skill_id in requirement.any_of}


def test_mentoring_duties_and_the_team_the_job_sits_in_ask_no_soft_skill() -> None:
    posting = (
        "About the role\nAs a member of our research team, you will build models.\n"
        "You'll be part of a team driven by curiosity.\n"
        "Responsibilities\n- Mentor junior engineers and interns.\n"
        "- Coach and guide junior analysts.\n- Provide mentorship to new hires.\n"
        "Requirements\n- Python.\n- 3+ years of SQL.\n"
    )
    assert not asked(posting) & {"communication", "collaboration"}


@pytest.mark.parametrize(
    ("item", "skill_id"),
    [
        ("Strong communication skills.", "communication"),
        ("You can effectively communicate with scientists and engineers.", "communication"),
        ("Communicate clearly with your peers about results.", "communication"),
        ("The ability to work with others in a closely collaborative team.", "collaboration"),
        ("You thrive in a collaborative environment.", "collaboration"),
        ("The ability to succeed in collaborative teams.", "collaboration"),
        ("Low ego and a collaborative mindset.", "collaboration"),
        ("Work collaboratively with the analytics group.", "collaboration"),
    ],
)
def test_a_stated_soft_skill_stays_a_requirement(item: str, skill_id: str) -> None:
    assert skill_id in asked(f"Requirements\n- {item}\n- Mentor junior engineers.\n- SQL.\n")


def test_mentoring_still_shows_communication_on_a_resume() -> None:
    assert "communication" in skill_ids("Experience\n- Mentored junior engineers and interns\n")


@pytest.mark.parametrize(
    "item",
    [
        "Write clean, efficient, and maintainable code, following best practices.",
        "Develop clear, maintainable code that others can extend.",
        "Maintain code quality: write well-documented Python.",
        "Produce modular code and reusable code.",
    ],
)
def test_words_for_good_code_ask_for_no_software_design(item: str) -> None:
    assert "software-design" not in asked(f"Requirements\n- {item}\n- SQL.\n")


@pytest.mark.parametrize(
    "item",
    [
        "Familiarity with object-oriented design patterns.",
        "Strong understanding of data structures, algorithms, and OO design.",
        "Experience with software architecture.",
    ],
)
def test_design_itself_stays_a_requirement(item: str) -> None:
    assert "software-design" in asked(f"Requirements\n- {item}\n- SQL.\n")


@pytest.mark.parametrize(
    "item",
    [
        "Build tools to help create and curate evaluation datasets.",
        "Implement comprehensive evaluation suites for measuring the safety of models.",
        "Own our eval pipelines and evaluation harness.",
        "Run evals before each release.",
    ],
)
def test_evaluation_in_a_posting_about_llms_is_llm_evaluation(item: str) -> None:
    posting = f"Requirements\n- Experience with LLMs and RAG.\n\nResponsibilities\n- {item}\n"
    assert "llm-evaluation" in asked(posting)


def test_evaluation_elsewhere_is_no_llm_evaluation() -> None:
    posting = (
        "Requirements\n- Experience with credit risk models in Python.\n\n"
        "Responsibilities\n- Curate evaluation datasets and evaluation suites.\n"
    )
    assert "llm-evaluation" not in asked(posting)
    llm = "Requirements\n- Experience with LLMs.\n- Evaluate and assess model performance.\n"
    assert "model-evaluation" in asked(llm)

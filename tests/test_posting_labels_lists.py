"""MoSCoW labels, sentence-case headings without a colon and "one of:" lists in postings,
each on several made-up phrasings (new-user review and red team)."""

from __future__ import annotations

import pytest

from skillgap.analysis import read_job

_TOP = "Machine Learning Engineer\n\nWe build ranking models for retail.\n\n"


def _read(body: str) -> list[tuple[frozenset[str], str]]:
    role = read_job((_TOP + body).encode(), name="posting.txt")
    return [(frozenset(r.any_of), r.importance) for r in role.requirements]


@pytest.mark.parametrize(
    "body",
    [
        "Must have: Python and SQL.\nShould have: Docker.\nCould have: Kubernetes.\n",
        "Must have:\n- Python\n- SQL\n\nShould have:\n- Docker\n\nCould have:\n- Kubernetes\n",
        "Must Haves\n- Python\n- SQL\n\nShould Haves\n- Docker\n\nCould Haves\n- Kubernetes\n",
        "Requirements:\n- Python and SQL\n- Nice: experience with Docker\n- Nice: Kubernetes\n",
        "Requirements:\n- Python and SQL\n\nWhat will set you apart\n- Docker\n- Kubernetes\n",
        "Requirements:\n- Python and SQL\n\nIt would be great if you also have\n- Docker\n"
        "- Kubernetes\n",
        "Requirements:\n- Python and SQL\n\nWhat would make you stand out\n- Docker\n"
        "- Kubernetes\n",
    ],
)
def test_moscow_labels_and_colonless_headings_say_preferred(body: str) -> None:
    found = dict(_read(body))
    assert found[frozenset({"python"})] == "required"
    assert found[frozenset({"sql"})] == "required"
    assert found[frozenset({"docker"})] == "preferred"
    assert found[frozenset({"kubernetes"})] == "preferred"


def test_you_should_have_stays_required() -> None:
    found = dict(_read("You should have:\n- Python\n- Docker\n"))
    assert found[frozenset({"docker"})] == "required"


@pytest.mark.parametrize(
    "item",
    [
        "- Experience in one of: AWS, GCP, Azure",
        "- Experience with one of AWS, GCP, Azure",
        "- Cloud experience, one of: AWS, GCP, Azure",
        "- One of: AWS, GCP, Azure",
    ],
)
def test_one_of_a_list_is_one_requirement(item: str) -> None:
    found = _read(f"Requirements:\n- Python\n{item}\n")
    assert (frozenset({"aws", "gcp", "azure"}), "required") in found
    assert not any(len(ids) == 1 and ids <= {"aws", "gcp", "azure"} for ids, _ in found)


def test_one_of_list_ends_at_and_after_its_or() -> None:
    found = _read("Requirements:\n- Proficiency in one of: Python, Java, or Scala, and Docker\n")
    assert (frozenset({"python", "java", "scala"}), "required") in found
    assert (frozenset({"docker"}), "required") in found


@pytest.mark.parametrize(
    "item",
    [
        "- Hands-on MLOps experience (MLflow, Kubeflow or SageMaker)",
        "- MLOps experience (e.g. MLflow, Kubeflow, SageMaker)",
        "- MLOps experience, e.g. MLflow, Kubeflow or SageMaker",
        "- MLOps experience such as MLflow, Kubeflow, SageMaker",
    ],
)
def test_a_practice_and_the_tools_that_show_it_are_one_requirement(item: str) -> None:
    found = _read(f"Requirements:\n- Python\n{item}\n")
    assert (frozenset({"model-deployment", "mlflow", "kubeflow", "sagemaker"}), "required") in found


@pytest.mark.parametrize(
    ("item", "apart"),
    [
        ("- MLOps experience and Docker", {"model-deployment", "docker"}),
        ("- SQL experience (PostgreSQL, MySQL)", {"sql"}),  # a tool, not a practice
    ],
)
def test_a_practice_or_tool_without_examples_stays_apart(item: str, apart: set[str]) -> None:
    found = _read(f"Requirements:\n- Python\n{item}\n")
    for skill_id in apart:
        assert (frozenset({skill_id}), "required") in found

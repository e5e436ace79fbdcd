"""Families of list wording that split one "any of" requirement apart (issue 15 part 1),
each checked on made-up requirement items in several phrasings."""

from __future__ import annotations

from skillgap.analysis import read_job


def requirements(*items: str) -> set[frozenset[str]]:
    text = "Requirements\n" + "".join(f"- {item}\n" for item in items)
    role = read_job(text.encode(), name="posting.txt")
    return {frozenset(r.any_of) for r in role.requirements}


def test_examples_in_parentheses_run_to_the_parenthesis_that_closes_them() -> None:
    # A parenthesis inside the examples had ended them: what came after was asked apart.
    found = requirements(
        "Experience with scientific computing packages (Hugging Face ecosystem "
        "(Transformers, PEFT), DeepSpeed, PyTorch, NumPy)."
    )
    assert found == {frozenset({"scientific-computing", "hugging-face", "transformer-models",
                                "peft", "deepspeed", "pytorch", "numpy"})}  # fmt: skip
    found = requirements("Experience with cloud platforms (AWS (EC2, S3), GCP) and Docker.")
    assert found == {frozenset({"cloud-computing", "aws", "gcp"}), frozenset({"docker"})}
    found = requirements("Experience with Python libraries (NumPy (incl. SciPy), pandas), and Git.")
    assert found == {frozenset({"python", "numpy", "scipy", "pandas"}), frozenset({"git"})}


def test_what_follows_the_closing_parenthesis_is_no_example() -> None:
    found = requirements(
        "Experience with NLP libraries (e.g. spaCy, Hugging Face (Transformers)), and Kubernetes."
    )
    assert frozenset({"kubernetes"}) in found, found
    assert all("kubernetes" not in group or len(group) == 1 for group in found), found

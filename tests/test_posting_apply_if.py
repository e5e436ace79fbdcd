"""A heading that says who should apply ("Please apply if:") opens the requirements, while
"How to apply" stays the application text (issue 15; a fresh batch of postings, 2026-12-02,
showed a whole requirement list lost under "Please apply if:")."""

from __future__ import annotations

import pytest

from skillgap.analysis import read_job
from skillgap.posting_sections import heading_kind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("### **Please apply if:**", "required"),
        ("Apply if you:", "required"),
        ("Who should apply?", "required"),
        ("You should apply if", "required"),
        ("How to apply", "apply"),
        ("Apply:", "apply"),
        ("## CLICK TO [APPLY](https://example.com/apply/ml-engineer)", "apply"),
    ],
)  # fmt: skip
def test_who_should_apply_is_a_requirement_heading(heading: str, kind: str) -> None:
    assert heading_kind(heading) == kind


@pytest.mark.parametrize("name", ["posting.md", "posting.txt"])
def test_the_list_under_please_apply_if_is_required(name: str) -> None:
    role = read_job(
        (
            b"### In this role, you will:\n\n"
            b"  * Build ranking models with the search team.\n\n"
            b"### **Please apply if:**\n\n"
            b"  * Strong knowledge of Python and hands-on experience with PyTorch.\n"
            b"  * Experience with Kubernetes.\n\n"
            b"### **Nice to have:**\n\n"
            b"  * Experience with Airflow.\n\n"
            b"### How to apply\n\n"
            b"Send your resume; we read applications written in Rust or Go.\n"
        ),
        name=name,
    )
    found = {r.any_of: r.importance for r in role.requirements}
    assert found.get(("python",)) == "required", found
    assert found.get(("pytorch",)) == "required", found
    assert found.get(("kubernetes",)) == "required", found
    assert found.get(("airflow",)) == "preferred", found
    ids = {skill for group in found for skill in group}
    assert not ids & {"rust", "go"}, found

"""A form that counts only in a list counts beside skills like it: a talk's "Keynote" is not
listed with Excel, reinforcement learning's "Decision Making Under Uncertainty" not with an
MBA's Game Theory; beside skills of its own kind the same forms still count."""

from __future__ import annotations

import pytest

from .helpers import skill_ids


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Skills\nKeynote, Excel, PowerPoint", "conference-presentations"),
        ("Tools\nKeynote, Excel", "conference-presentations"),
        (
            "Education\nMBA, Wharton\nCourses: Decision Making Under Uncertainty, Game Theory, "
            "Negotiation",
            "reinforcement-learning",
        ),
        ("Projects\n- Minecraft plugin: Spigot API, Java, Maven", "system-design"),
    ],
)
def test_a_neighbour_of_another_kind_makes_no_list(text: str, absent: str) -> None:
    assert absent not in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Talks\nKeynote, NeurIPS workshop on fairness, 2021", "conference-presentations"),
        (
            "Research interests\nReinforcement learning, Decision Making Under Uncertainty, "
            "Bayesian optimization",
            "reinforcement-learning",
        ),
        ("Experience\n- Built services in Python, Go and Rust", "go"),
        ("Experience\n- Deployed PyTorch and Go services", "go"),
    ],
)
def test_a_neighbour_of_its_kind_still_makes_a_list(text: str, present: str) -> None:
    assert present in skill_ids(text)

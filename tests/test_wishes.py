"""A skill only wished for, hoped for or begun is not one the person has ("keen to learn deep
learning", "Currently exploring NLP"); the same skill used, or beside an interest in another,
still counts."""

from __future__ import annotations

import pytest

from .helpers import skill_ids


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Summary\nData analyst. Currently exploring NLP in my free time.", "nlp"),
        ("Summary\nData analyst interested in exploring computer vision.", "computer-vision"),
        ("Summary\nBackend engineer keen to learn deep learning.", "deep-learning"),
        (
            "Summary\nBackend engineer hoping to work on reinforcement learning.",
            "reinforcement-learning",
        ),
        ("Summary\nAnalyst, eager to get into machine learning.", "machine-learning"),
        ("Summary\nAspiring to work in computer vision research.", "computer-vision"),
        ("Summary\nInterested in NLP and computer vision.", "computer-vision"),
    ],
)
def test_a_wish_is_no_skill(text: str, absent: str) -> None:
    assert absent not in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Experience\n- Built NLP pipelines for support tickets with spaCy", "nlp"),
        ("Experience\n- Currently exploring NLP models for ticket routing at Acme", "nlp"),
        (
            "Summary\nML engineer with 5 years in computer vision; interested in robotics.",
            "computer-vision",
        ),
        ("Summary\nKeen engineer with deep learning experience in PyTorch.", "deep-learning"),
        ("Summary\nPhD student working on reinforcement learning.", "reinforcement-learning"),
    ],
)
def test_a_skill_used_still_counts(text: str, present: str) -> None:
    assert present in skill_ids(text)

"""Concept words in their everyday senses: counts of things ("compiled crime statistics"),
products, other people's work. Each case came from a made-up resume of another trade or from a
false alarm of the tune split; the same words in the sense of the skill still count."""

from __future__ import annotations

import pytest

from .helpers import skill_ids


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # Statistics as counts of things, not the subject.
        (
            "Experience\n- Compiled election statistics and crime statistics for stories",
            "statistics",
        ),
        ("Experience\n- Collected patient statistics and survey data", "statistics"),
        ("Experience\n- Combined features to summarize statistics per customer", "statistics"),
        ("Experience\n- Tracked player stats for the school paper", "statistics"),
    ],
)
def test_everyday_senses_show_no_concept(text: str, absent: str) -> None:
    assert absent not in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Education\nB.S. in statistics, 2019", "statistics"),
        ("Summary\nResearch interests: decision-making and applied statistics.", "statistics"),
        ("Skills\npython, sql, statistics", "statistics"),
        ("Experience\n- Taught Statistics to first-year students", "statistics"),
        ("Education\nCoursework: probability and statistics", "statistics"),
    ],
)
def test_the_senses_of_the_skill_still_count(text: str, present: str) -> None:
    assert present in skill_ids(text)

"""Context for ambiguous words (issue 13): news networks, place codes, organisation
abbreviations, other people's degrees, magazine publications, fuzzy matches of different real
words and library names that are common words are no skills, while the same words in their
skill's context still are."""

from __future__ import annotations

import pytest

from .helpers import skill_ids


@pytest.mark.parametrize(
    "text",
    [
        "Produced segments for CNN and NBC",
        "Experience\nField producer, CNN International, Atlanta",
        "Appeared on CNN, Fox News and MSNBC as a commentator",
    ],
)
def test_news_networks_are_no_deep_learning(text: str) -> None:
    assert "deep-learning" not in skill_ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Trained a CNN for image classification in PyTorch",
        "Built a CNN model to detect defects",
        "Skills: CNN, LSTM, Transformers",
        "Deep learning: CNN / RNN / LSTM",
        "Trained LSTM and CNN models",
        "Architectures: CNNs and GANs",
    ],
)
def test_cnn_beside_ml_words_is_deep_learning(text: str) -> None:
    assert "deep-learning" in skill_ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Research interests: Machine Unlearning, privacy",
        "Skills\nMachine Unlearning, Python",
        "Topics: Machine Relearning, Python",
    ],
)
def test_a_prefix_makes_another_term_not_a_misspelling(text: str) -> None:
    assert "machine-learning" not in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Machin learning, Python", "machine-learning"),
        ("Skills: Machine Lerning, Python", "machine-learning"),
        ("Skills: Tensor Flw, NumPy", "tensorflow"),
        ("Built a Neutral Network model for churn prediction.", "deep-learning"),
    ],
)
def test_typos_still_match_fuzzily(text: str, skill: str) -> None:
    assert skill in skill_ids(text)

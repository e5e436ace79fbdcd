"""Words used in another sense (issue 13, context for ambiguous words): a skill that is the
topic of someone's reporting or interviews is not theirs, while a blog post, a paper or a talk
about it is the person's own work; a comedy troupe, an animal or a novelist is no tool."""

from __future__ import annotations

import pytest

from skillgap.analysis import analyze

from .helpers import skill_ids


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Experience\nInterviewed OpenAI and DeepMind researchers about large language "
            "models and the transformer architecture.",
            {"llms", "deep-learning", "nlp", "transformer-models", "machine-learning"},
        ),
        (
            "Experience\nWrote a long read on how recommendation algorithms shape what we watch.",
            {"recommender-systems"},
        ),
        (
            "Experience\nReported on machine learning in hospitals for the Guardian.",
            {"machine-learning"},
        ),
        (
            "Experience\nCovered deep learning and computer vision startups for Wired.",
            {"deep-learning", "computer-vision"},
        ),
        ("Experience\nA feature about PyTorch and the open-source AI race.", {"pytorch"}),
        (
            "Experience\nProduced a podcast episode on reinforcement learning.",
            {"reinforcement-learning"},
        ),
        ("Experience\nPublished a story about Kubernetes outages at a bank.", {"kubernetes"}),
        # a topic wrapped onto the next line of a PDF is still the topic
        ("Experience\nWrote articles about large\nlanguage models for the Atlantic.", {"llms"}),
    ],
)
def test_a_topic_reported_on_is_not_the_writers_skill(text: str, absent: set[str]) -> None:
    assert not skill_ids(text) & absent


@pytest.mark.parametrize(
    ("text", "present"),
    [
        (
            "Experience\nWrote a blog post about fine-tuning LLMs with LoRA, with code.",
            {"llms", "lora"},
        ),
        ("Experience\nGave a talk about PyTorch at PyData.", {"pytorch"}),
        ("Experience\nGave a talk covering PyTorch internals at PyData.", {"pytorch"}),
        ("Education\nCoursework covering machine learning and deep learning.", {"deep-learning"}),
        ("Experience\nWrote unit tests covering the Kubernetes operator.", {"kubernetes"}),
        # the person's own doing after the topic counts again
        (
            "Experience\nReported on AI policy and built a Python scraper for the data desk.",
            {"python"},
        ),
        ("Experience\nCovered elections using Python and SQL.", {"python", "sql"}),
        ("Experience\nInterviewed 40 users to design an NLP chatbot.", {"nlp"}),
        # a new item on the next line is no longer the topic
        (
            "Experience\n- Interviewed founders about their startups\n- Built dashboards in Python",
            {"python"},
        ),
        # a skill before the opener is the writer's
        ("Experience\nUsed Python to analyse data for stories about housing.", {"python"}),
    ],
)
def test_own_work_about_a_skill_still_shows_it(text: str, present: set[str]) -> None:
    assert present <= skill_ids(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # research words make an article a paper
        (
            "Experience\nPublished a journal article on graph neural networks.",
            "graph-neural-networks",
        ),
        (
            "Experience\nAn article on graph neural networks in the Proceedings of AAAI.",
            "graph-neural-networks",
        ),
        # the titles of the person's own papers and talks are no reporting
        ("Publications\nCovering Numbers for Deep Learning Models. NeurIPS 2021.", "deep-learning"),
        ("Talks\nReporting on machine learning fairness, PyData 2022", "machine-learning"),
        ("Skills\nPython, covering pandas and NumPy", "pandas"),
    ],
)
def test_papers_and_their_titles_are_no_topics(text: str, present: str) -> None:
    assert present in skill_ids(text)


def test_a_new_sentence_ends_the_topic() -> None:
    found = skill_ids(
        "Experience\nProduced a documentary about computer vision in farming; "
        "built the Python pipeline for its data."
    )
    assert "python" in found
    assert "computer-vision" not in found


def test_a_paper_on_transformers_is_a_publication() -> None:
    report = analyze(b"Experience\nPublished a paper on transformers.", name="resume.txt")
    assert "publications" in {skill.id for skill in report.skills}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Experience\nThe headline was a pun on the Monty Python sketch.", "python"),
        ("Interests\nMonty Python's Flying Circus, stand-up comedy", "python"),
        ("Volunteer\nCared for red pandas and giant pandas at the zoo.", "pandas"),
        ("Interests\nNovels by Franz Kafka and Albert Camus", "kafka"),
    ],
)
def test_other_senses_of_tool_names_are_no_tools(text: str, absent: str) -> None:
    assert absent not in skill_ids(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Skills: Python, pandas, Kafka", {"python", "pandas", "kafka"}),
        (
            "Experience\nBuilt Python services that stream events through Kafka.",
            {"python", "kafka"},
        ),
    ],
)
def test_the_tools_themselves_still_count(text: str, present: set[str]) -> None:
    assert present <= skill_ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nara Logics is a pioneer in neuroscience-based AI providing personalized recommendations.",
        "The Advanced Technology Group is an R&D department of the video analytics division.",
        "Cinch Financial is building an autonomous financial manager with machine learning.",
        "Acme Corp was a computer vision startup in Boston.",
        "HealthAI builds AI for healthcare, including medical imaging models and robotics.",
        "Zeta Labs develops machine learning for radiology.",
        "Vision Systems Inc. provides computer vision cameras to retailers.",
    ],
)
def test_what_an_employer_is_is_not_the_persons_skill(text: str) -> None:
    found = skill_ids(text)
    assert not found & {
        "machine-learning",
        "computer-vision",
        "neuroscience",
        "video-understanding",
    }


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Jane Doe is a PhD student working on computer vision.", "computer-vision"),
        ("Acme is a startup. I built computer vision models there.", "computer-vision"),
        ("Python is a language I use daily for machine learning.", "machine-learning"),
        ("Jane Doe develops machine learning methods for genomics.", "machine-learning"),
        ("John McDonald builds computer vision systems for farms.", "computer-vision"),
        ("Acme Inc. I built computer vision models there.", "computer-vision"),
    ],
)
def test_a_persons_bio_and_own_work_keep_their_skills(text: str, skill: str) -> None:
    assert skill in skill_ids(text)

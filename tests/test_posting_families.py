"""Families of phrasings postings use for a skill without its name (evaluating LLMs, monitoring
models, a hosted model's API, lead scoring models), each checked on several made-up phrasings,
and on resume lines the new forms must leave alone."""

from __future__ import annotations

import pytest

from skillgap.analysis import read_job
from tests.helpers import skill_ids


def asked(text: str) -> set[str]:
    role = read_job(text.encode(), name="posting.txt")
    return {skill_id for requirement in role.requirements for skill_id in requirement.any_of}


@pytest.mark.parametrize(
    ("item", "skill_id"),
    [
        # Evaluating LLMs, agents and RAG, however it is said.
        ("Deploy LLM-based apps, evaluating and improving their quality.", "llm-evaluation"),
        ("Experience evaluating LLM outputs for accuracy.", "llm-evaluation"),
        ("Evaluate prompts and responses of a chat assistant.", "llm-evaluation"),
        ("Build evaluation frameworks for agents.", "llm-evaluation"),
        ("Experience evaluating RAG pipelines.", "llm-evaluation"),
        ("Benchmark large language models on internal tasks.", "llm-evaluation"),
        ("Own agentic workflows and their evals.", "llm-evaluation"),
        # Monitoring models after release.
        ("Train, deploy and monitor models in production.", "model-monitoring"),
        ("Refactor, containerize, deploy, version, and monitor its quality.", "model-monitoring"),
        ("Experience analyzing post-deployment data.", "model-monitoring"),
        ("Implement monitoring and guardrails for generative AI features.", "model-monitoring"),
        ("Build guardrails and monitoring around the assistant.", "model-monitoring"),
        ("Build observability for ML systems in production.", "model-monitoring"),
        ("Track model performance and detect drift.", "model-monitoring"),
        ("Set up alerting on model performance degradation.", "model-monitoring"),
        # What a model must reach.
        ("Ensure that models meet performance metrics.", "model-evaluation"),
        ("Make sure the models reach accuracy targets before launch.", "model-evaluation"),
        ("Offline and online evaluation of recommender systems.", "model-evaluation"),
        (
            "Implement monitoring and guardrails around the product, with best practices"
            " for generative AI in production.",
            "ai-safety",
        ),
        # The model's life, end to end.
        ("Own the ML lifecycle from data to deployment and monitoring.", "model-deployment"),
        ("Own the ML lifecycle from data to deployment and monitoring.", "model-monitoring"),
        ("Experience serving models with low latency.", "model-deployment"),
        ("Quantize models to run on edge devices.", "quantization"),
        ("Comfortable working cross-functionally with product.", "collaboration"),
        # Making inference faster or cheaper.
        ("Optimize model latency and throughput for inference.", "inference-optimization"),
        ("Speed up inference of transformer models.", "inference-optimization"),
        ("Reduce inference cost on GPUs.", "inference-optimization"),
        ("Improve serving latency for ranking models.", "inference-optimization"),
        # A hosted model's API named by its maker, in a list of tools.
        ("Experience with Hugging Face, PyTorch, OpenAI.", "llm-apis"),
        ("Experience calling OpenAI models from Python services.", "llm-apis"),
        ("Build on Azure OpenAI.", "llm-apis"),
        ("Familiarity with the HF Hub and HF Datasets.", "hugging-face"),
        ("Measure hallucination and factuality of responses.", "llm-evaluation"),
        # LLM runtimes and libraries under their package names.
        ("Packages such as ONNX, llama-cpp and vLLM.", "llm-inference-engines"),
        ("Experience with llama-cpp-python bindings.", "llm-inference-engines"),
        ("Python and Frameworks (transformers of course + PyTorch).", "hugging-face"),
        ("Libraries (transformers, tokenizers) for NLP.", "hugging-face"),
        # Applications named by the models they run on.
        ("Develop applications that utilize large language models.", "llm-applications"),
        ("RAG or other applications leveraging LLMs.", "llm-applications"),
        ("Ship LLM-based products to customers.", "llm-applications"),
        # Research as work done.
        ("Running and analyzing research experiments.", "research-experience"),
        # Lead scoring, modelled.
        ("Experience building ML-based lead scoring models.", "marketing-science"),
        ("Build predictive lead scoring models.", "marketing-science"),
    ],
)  # fmt: skip
def test_a_family_of_phrasings_is_read(item: str, skill_id: str) -> None:
    assert skill_id in asked(f"Requirements\n- {item}\n- SQL.\n")


@pytest.mark.parametrize(
    ("item", "skill_id"),
    [
        ("Deploy and monitor microservices in production.", "model-monitoring"),
        ("Monitor the quality of our customer support tickets.", "model-monitoring"),
        ("Improve observability of microservices.", "model-monitoring"),
        ("Reduce latency of web pages.", "inference-optimization"),
        ("Set financial guardrails for team spending.", "ai-safety"),
        ("Own lead scoring and routing rules in HubSpot.", "marketing-science"),
        ("Evaluate vendors and negotiate contracts.", "llm-evaluation"),
        ("Experience with reinforcement learning in OpenAI Gym.", "llm-apis"),
        ("Packages such as ONNX, llama-cpp and vLLM.", "cpp"),
        ("Deep learning architectures (transformers, CNNs).", "hugging-face"),
        ("Help the team build tools for training and debugging models.", "build-systems"),
        ("Build mobile apps based on deep learning.", "llm-applications"),
        ("Build systems that serve models at low latency.", "build-systems"),
    ],
)  # fmt: skip
def test_words_near_a_family_ask_for_none_of_it(item: str, skill_id: str) -> None:
    assert skill_id not in asked(f"Requirements\n- {item}\n- SQL.\n")


@pytest.mark.parametrize(
    ("line", "skill_id"),
    [
        ("Research Engineer, OpenAI, 2021-2023", "llm-apis"),
        ("Serving as model UN delegate for the school", "model-deployment"),
        ("Ran user research experiments with customers", "research-experience"),
        ("Trained agents in OpenAI Gym environments", "llm-apis"),
        ("Managed lead scoring rules in Salesforce for the sales team", "marketing-science"),
        ("Deployed and monitored Kubernetes services for the payments team", "model-monitoring"),
        ("Evaluated suppliers and negotiated contracts with agents", "llm-evaluation"),
    ],
)
def test_the_new_forms_find_nothing_on_resume_lines_without_the_skill(
    line: str, skill_id: str
) -> None:
    assert skill_id not in skill_ids(f"Experience\n- {line}\n")


def test_industry_or_research_experience_in_a_field_asks_for_the_field_only() -> None:
    found = asked("Requirements\n- Industry or research experience in NLP.\n- SQL.\n")
    assert "nlp" in found and "research-experience" not in found
    assert "research-experience" in asked("Requirements\n- Research experience in NLP.\n")


def test_azure_openai_on_a_resume_shows_azure_and_an_llm_api() -> None:
    assert {"azure", "llm-apis"} <= skill_ids("Experience\n- Deployed apps on Azure OpenAI\n")


@pytest.mark.parametrize(
    ("item", "skill_id"),
    [
        ("Collaborate with data science and engineering teams.", "data-science"),
        ("Partner with the machine learning and marketing teams.", "machine-learning"),
        ("Report to the Head of Data Science.", "data-science"),
        ("Work closely with our VP of Machine Learning.", "machine-learning"),
    ],
)
def test_a_department_named_by_its_team_or_its_head_is_no_requirement(
    item: str, skill_id: str
) -> None:
    assert skill_id not in asked(f"Responsibilities\n- {item}\n- Write SQL.\n")


def test_having_been_the_head_of_a_field_asks_for_the_field() -> None:
    posting = "Requirements\n- Experience as a Director of Machine Learning.\n- SQL.\n"
    assert "machine-learning" in asked(posting)

"""How job postings' words are read as skills: phrasings recruiters write that name a skill,
and words that look like a skill's name but ask for none (made-up postings)."""

from __future__ import annotations

import pytest

from skillgap.analysis import read_job


def asked(text: str) -> dict[str, str]:
    """Every id a posting asks for, with its importance (required wins)."""
    role = read_job(text.encode(), name="posting.txt")
    found: dict[str, str] = {}
    for requirement in role.requirements:
        for skill_id in requirement.any_of:
            if found.get(skill_id) != "required":
                found[skill_id] = requirement.importance
    return found


@pytest.mark.parametrize(
    ("item", "skill_id"),
    [
        ("Adhere to source control management and code reviews.", "git"),
        ("Deliver robust and well-tested code in Go.", "testing"),
        ("Design, build and deploy NLP systems that extract insights.", "model-deployment"),
        ("You have built production-level ML and data products.", "model-deployment"),
        ("Analyze and optimize deep learning inference on edge devices.", "inference-optimization"),
        ("Experience with optimizing deep learning kernels.", "gpu-kernels"),
        ("Conduct model tuning to improve accuracy.", "hyperparameter-tuning"),
        ("Data analysis capabilities in MS Excel, and/or R.", "r"),
        ("On-prem is deployed via HELM.", "kubernetes"),
        ("Experience in the fraud management space.", "fraud-detection"),
        ("Audio captioning will be a significant advantage.", "audio-ml"),
        ("Experience with curating datasets and training models.", "data-cleaning"),
        ("Experience with diffusion architectures.", "diffusion-models"),
        ("Tuning and experimenting with foundational LLMs.", "llm-fine-tuning"),
        ("Experience as an ML DevOps Engineer.", "model-deployment"),
        ("Gather text using scraping and link crawling.", "web-scraping"),
        ("Experience integrating LLM APIs into products.", "llm-apis"),
        ("Design efficient data processing pipelines.", "etl"),
        ("Experience in Open Source software.", "open-source"),
        ("Shipped a feature in production which uses deep learning.", "model-deployment"),
        ("Implement strong testing and CI/CD practices.", "testing"),
        ("Own production retrieval and agentic systems.", "retrieval-systems"),
        ("Experience in monitoring and performance of production platforms.", "observability"),
        ("Analyze traffic to identify system bottlenecks.", "performance-engineering"),
        ("Extensive experience in machine learning systems engineering.", "ml-platform"),
        ("Experience with machine learning compilers such as TVM.", "ml-compilers"),
        ("Experience developing robust metrics to ensure model reliability.", "model-evaluation"),
        ("Good communication and documentation skills.", "technical-documentation"),
        ("Experience managing models in the cloud.", "cloud-computing"),
        ("Build tools for document extraction from invoices.", "document-ai"),
        ("Your code is readable, documented and well-tested.", "testing"),
        ("Design ML systems to prevent fraud and losses on payments.", "fraud-detection"),
    ],
)  # fmt: skip
def test_a_skill_said_in_a_recruiters_words_is_read(item: str, skill_id: str) -> None:
    assert skill_id in asked(f"Requirements\n- {item}\n- Python.\n")


def test_apis_alone_name_no_system_design_but_api_design_does() -> None:
    found = asked(
        "Requirements\n- Experience with React UI, Swagger APIs.\n"
        "- Gather text using scraping, APIs, and link crawling.\n"
    )
    assert "system-design" not in found
    assert "system-design" in asked("Requirements\n- Experience with API design in Python.\n")
    assert "system-design" in asked("Requirements\n- Experience designing scalable APIs.\n")


def test_shipping_features_without_ml_is_no_model_deployment() -> None:
    assert "model-deployment" not in asked(
        "Requirements\n- Shipped features to production for the web team in Python.\n"
    )


def test_a_field_named_inside_a_longer_skill_is_not_asked_alone() -> None:
    found = asked(
        "Requirements\n- Extensive experience in machine learning systems engineering.\n"
        "- Experience with machine learning compilers such as TVM or XLA.\n"
    )
    assert "machine-learning" not in found


def test_an_employer_named_openai_and_metric_learning_are_no_skills() -> None:
    found = asked(
        "Requirements\n- Machine Learning Engineer, OpenAI, San Francisco.\n"
        "- Research on metric learning for model compression.\n"
    )
    assert "llm-apis" not in found
    assert "model-evaluation" not in found


def test_caching_among_a_librarys_features_is_no_system_design() -> None:
    found = asked("Requirements\n- Spark, including Spark SQL, RDD caching and Spark MLlib.\n")
    assert "system-design" not in found
    assert "apache-spark" in found


def test_skills_named_as_teams_in_a_list_ask_for_nothing() -> None:
    found = asked(
        "What you'll do\n"
        "- Collaborate with cross-functional teams like Bigdata, DevOps, Infra etc. daily.\n"
        "- Work closely with the cloud platform and ML systems backend teams.\n"
        "- Train models in PyTorch.\n\n"
        "Requirements\n- Experience with Python and working in teams.\n"
        "- Experience with Kubernetes and Docker.\n"
    )
    assert "devops" not in found
    assert "cloud-computing" not in found
    assert found["pytorch"] == "preferred"
    assert found["python"] == found["kubernetes"] == found["docker"] == "required"


def test_a_company_whose_name_is_a_skill_asks_for_nothing_by_its_name() -> None:
    found = asked(
        "Redpanda is building the streaming platform for developers.\n\n"
        "Requirements\n- Experience in enterprise sales and Python.\n\n"
        "Redpanda is used by Fortune 1000 firms. Think of it as a streaming data API platform"
        " that scales with you.\n"
        "Join Redpanda if you'd enjoy a remote culture.\n"
    )
    assert found == {"python": "required"}
    # Another company's posting asks for the product by the same name.
    assert asked("Requirements\n- Experience with Redpanda or Kafka.\n- Python.\n") == {
        "stream-processing": "required", "kafka": "required", "python": "required",
    }  # fmt: skip

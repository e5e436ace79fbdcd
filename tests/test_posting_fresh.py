"""Job postings read as a recruiter reads them (issue 15): cases a fresh batch of real
postings showed, each on a small made-up posting: what the team has done is no requirement,
headings that say "what you'll need to bring", the share of time after a duty, examples
broader than their kind, and text wrapped inside its sentences."""

from __future__ import annotations

import pytest

from skillgap.analysis import read_job
from skillgap.posting_sections import heading_kind
from skillgap.posting_wraps import first_lines, unwrapped


def requirements(text: str, name: str = "posting.txt") -> dict[tuple[str, ...], str]:
    role = read_job(text.encode(), name=name)
    return {r.any_of: r.importance for r in role.requirements}


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("What you\u2019ll need to bring", "required"),
        ("What You Need To Succeed", "required"),
        ("_Some recent team accomplishments include:_", "intro"),
        ("Our recent achievements", "intro"),
        ("What we have built so far:", "intro"),
        ("What you will accomplish", None),
    ],
)  # fmt: skip
def test_a_heading_says_what_its_list_is(heading: str, kind: str | None) -> None:
    assert heading_kind(heading) == kind


def test_what_the_team_has_done_asks_nothing_of_the_candidate() -> None:
    found = requirements(
        "About this role:\n"
        "You will build fraud models with our risk team.\n\n"
        "_Some recent team accomplishments include:_\n\n"
        "- Researching, training, and deploying an XGBoost model that predicts LTV.\n"
        "- Deploying a new feature store that cut training time by half.\n\n"
        "What you'll need to bring\n\n"
        "- Expertise with Python and SQL.\n"
    )
    ids = {skill for group in found for skill in group}
    assert not ids & {"xgboost", "feature-stores"}, found
    assert found[("python",)] == "required", found
    assert found[("sql",)] == "required", found


@pytest.mark.parametrize("share", ["20%", "(20%)", "- 20 %"])
def test_the_share_of_time_after_a_duty_leaves_it_one_sentence(share: str) -> None:
    # Two sentences would make the line prose, and "clients" a line about the company.
    found = requirements(
        "Key duties/responsibilities\n\n"
        f"- Leverage feature stores to understand behaviour of our bank clients. {share}\n"
        "- Work with the analytics team on products. 20%\n"
    )
    assert found.get(("feature-stores",)) == "preferred", found


def test_an_aside_that_says_how_much_is_wanted_leaves_the_last_item_required() -> None:
    found = requirements(
        "Requirements\n"
        "- Familiarity with model monitoring, data drift detection, and anomaly detection "
        "(hands-on experience preferred).\n"
    )
    assert found[("anomaly-detection",)] == "required", found
    assert found[("model-monitoring",)] == "required", found


def test_a_cue_after_the_fields_aside_speaks_of_the_whole_degree_item() -> None:
    found = requirements(
        "Education\n"
        "- Bachelor's degree in a quantitative discipline (Computer Science, Physics) "
        "(Required).\n"
        "- Master's (MS) degree in a relative field (Statistics, Economics) (Preferred).\n"
    )
    assert found[("degree-bachelor", "degree-master", "degree-phd")] == "required", found
    assert found[("degree-master", "degree-phd")] == "preferred", found
    fields = [g for g in found if "statistics" in g or "economics" in g]
    assert fields and all(found[g] == "preferred" for g in fields), found


def test_python_and_spark_with_a_cue_after_spark_keeps_python_required() -> None:
    found = requirements("Requirements\n- Python and SQL, Spark (preferred).\n")
    assert found[("python",)] == "required", found
    assert found[("apache-spark",)] == "preferred", found


def test_an_example_broader_than_its_kind_is_no_alternative_to_it() -> None:
    # "GPT" alone is read as deep learning; as an example of LLMs it names an LLM.
    found = requirements(
        "Requirements\n- Strong understanding of deep learning.\n\n"
        "Nice to have\n- Experience with Large Language Models (LLMs) such as GPT or LLaMA.\n"
    )
    assert found[("deep-learning",)] == "required", found
    assert found[("llms", "open-weight-llms")] == "preferred", found


def test_a_word_that_begins_an_items_name_keeps_the_list_of_examples_together() -> None:
    found = requirements(
        "Requirements\n- Expertise in analytical toolkits such as Regression, Cluster "
        "Analysis, Factor Analysis, Multivariate Regression, Statistical modeling.\n"
    )
    group = ("regression", "clustering", "dimensionality-reduction", "statistics")
    assert found == {group: "required"}, found


def test_a_verb_after_a_comma_begins_no_items_name() -> None:
    found = requirements(
        "Responsibilities\n- Design cloud solutions, build MLOps on cloud (AWS, Azure, or GCP)\n"
    )
    assert any({"aws", "azure", "gcp"} <= set(group) for group in found), found


WRAPPED = (
    "Acme is seeking Research Scientists to advance our pioneering work in\n"
    "neural interfaces, which has grown out of years of research. We are a\n"
    "team of researchers developing novel methods to infer a user's intent.\n"
    "\n"
    "Minimum Qualifications:\n"
    "PhD degree in Computer Science and Engineering, Electrical\n"
    "Engineering, Statistics/Mathematics.\n"
    "\n"
    "Experience with developing machine learning models at scale from\n"
    "inception to business impact.\n"
    "\n"
    "Preferred Qualifications:\n"
    "Experience adapting research methods to data processing frameworks (e.g.\n"
    "Spark or Dask), taking the research from notebooks to production.\n"
    "\n"
    "Programming experience in Python and hands-on experience with\n"
    "frameworks such as PyTorch.\n"
)


def test_a_sentence_wrapped_over_lines_is_read_as_one() -> None:
    role = read_job(WRAPPED.encode(), name="posting.txt")
    found = {r.any_of: r for r in role.requirements}
    fields = ("computer-science", "electrical-engineering", "statistics", "mathematics")
    assert fields in found, list(found)
    assert found[fields].importance == "required"
    assert found[fields].source.startswith("line 6: PhD degree in Computer Science")
    assert found[("machine-learning",)].importance == "required", list(found)
    examples = next(g for g in found if "apache-spark" in g)
    assert {"apache-spark", "dask-ray"} <= set(examples), list(found)
    assert found[examples].source.startswith("line 13: "), found[examples].source
    assert found[("pytorch",)].importance == "preferred", list(found)


def test_unwrapping_only_turns_wraps_into_spaces_and_keeps_the_line_numbers() -> None:
    text = unwrapped(WRAPPED)
    assert len(text) == len(WRAPPED)
    assert {(a, b) for a, b in zip(WRAPPED, text, strict=True) if a != b} == {("\n", " ")}
    assert text.split("\n")[3] == (
        "PhD degree in Computer Science and Engineering, Electrical Engineering, "
        "Statistics/Mathematics."
    )
    assert first_lines(WRAPPED, text)[:5] == [1, 4, 5, 6, 8]


def test_lines_that_end_on_purpose_are_not_joined() -> None:
    short = "Requirements\nPython\nSQL\nDocker\nKubernetes\nAWS\nGCP\nSpark\nAirflow\n"
    assert unwrapped(short) == short
    items = "Requirements\n" + "".join(
        f"Experience with {tool} in production systems at a large scale\n"
        for tool in ("Python", "SQL", "Docker", "Kubernetes", "AWS", "Spark", "Airflow")
    )
    assert unwrapped(items) == items
    long_lines = WRAPPED.replace("\n", " ").replace(".  ", ".\n") + "\n" + "x " * 80 + "\n"
    assert unwrapped(long_lines) == long_lines


@pytest.mark.parametrize(
    ("item", "degree"),
    [
        ("Ph.D. in Computer Science or Statistics.", ("degree-phd",)),
        ("M.S. degree in Computer Science or Statistics.", ("degree-master", "degree-phd")),
        ("B.Sc. in Computer Science or Statistics.",
         ("degree-bachelor", "degree-master", "degree-phd")),
    ],
)  # fmt: skip
def test_the_full_stops_of_a_degrees_initials_end_no_sentence(
    item: str, degree: tuple[str, ...]
) -> None:
    found = requirements(f"Requirements\n- {item}\n")
    assert found == {degree: "required", ("computer-science", "statistics"): "required"}, found


@pytest.mark.parametrize(
    ("item", "group"),
    [
        ("Experience with Vertex AI / Kubeflow Pipelines or other MLOps tools like MLflow.",
         ("model-deployment", "vertex-ai", "kubeflow", "mlflow")),
        ("Experience with AWS, or other cloud platforms like GCP.",
         ("cloud-computing", "aws", "gcp")),
        ("Python, Java, or other programming languages such as Go.", ("python", "java", "go")),
    ],
)  # fmt: skip
def test_a_list_closed_by_or_other_then_examples_is_one_requirement(
    item: str, group: tuple[str, ...]
) -> None:
    assert requirements(f"Requirements\n- {item}\n") == {group: "required"}


def test_and_other_examples_are_a_requirement_of_their_own() -> None:
    found = requirements("Requirements\n- Python and other languages such as Go.\n")
    assert found == {("python",): "required", ("go",): "required"}, found


@pytest.mark.parametrize(
    ("item", "group"),
    [
        ("Knowledge of containerization technologies such as Docker and Kubernetes.",
         ("containers", "docker", "kubernetes")),
        ("Experience with VertexAI or SageMaker.", ("vertex-ai", "sagemaker")),
    ],
)  # fmt: skip
def test_forms_postings_write_name_their_skill(item: str, group: tuple[str, ...]) -> None:
    assert requirements(f"Requirements\n- {item}\n") == {group: "required"}


def test_productionalization_of_models_is_deploying_them() -> None:
    found = requirements(
        "Requirements\n- Experience with machine learning workflows and model "
        "productionalization.\n"
    )
    assert found.get(("model-deployment",)) == "required", found


@pytest.mark.parametrize(
    "degree",
    [
        "Bachelor's degree in Statistics, Engineering, or a related field.",
        "BS in a quantitative discipline (Statistics, Engineering, Physics).",
        "MS in Statistics or Engineering.",
    ],
)
def test_a_bare_engineering_among_a_degrees_fields_is_one_of_them(degree: str) -> None:
    found = requirements(f"Requirements\n\n- {degree}\n- Strong Python skills.\n")
    fields = [group for group in found if "statistics" in group]
    assert len(fields) == 1, found
    assert "engineering-disciplines" in fields[0], found


@pytest.mark.parametrize(
    "line",
    [
        "Bachelor's degree in Computer Science and Engineering.",
        "Bachelor's degree in Statistics; 3+ years of Software Engineering.",
        "Experience with Statistics, Engineering, or Product teams.",
    ],
)
def test_engineering_in_a_name_or_far_from_a_degree_is_no_field(line: str) -> None:
    found = requirements(f"Requirements\n\n- {line}\n- Strong Python skills.\n")
    assert not any("engineering-disciplines" in group for group in found), found


@pytest.mark.parametrize(
    ("item", "group"),
    [
        (
            "Familiarity with cloud platforms (e.g. private clouds, AWS, or GCP).",
            ("cloud-computing", "aws", "gcp"),
        ),
        (
            "Experience with parallel environments (e.g. big servers, multi-core CPUs, or GPUs).",
            ("parallel-computing", "gpu-computing"),
        ),
    ],
)
def test_examples_after_e_g_may_begin_with_an_unknown_two_word_item(
    item: str, group: tuple[str, ...]
) -> None:
    # "e.g. private clouds, AWS": the "." of "e.g." is no word of the first item.
    found = requirements(f"Requirements\n\n- {item}\n- Strong SQL skills.\n")
    assert any(set(group) <= set(g) for g in found), found


def test_bard_among_llms_is_a_hosted_llm_and_no_poet_is() -> None:
    found = requirements(
        "Nice to have\n\n- Built products on LLMs such as Bard or Llama 2.\n"
        "- A love of the Bard of Avon.\n"
    )
    assert found.get(("llms", "llm-apis", "open-weight-llms")) == "preferred", found
    assert sum("llm-apis" in group for group in found) == 1, found


def test_networking_beside_outreach_is_a_salespersons_not_computer_networking() -> None:
    found = requirements(
        "Skills:\n\n- Generates leads through cold calls, referrals, outreach and networking\n"
        "- Networking and relationship building with clinical partners\n"
        "- Strong SQL skills.\n"
    )
    assert not any("networking" in group for group in found), found
    assert found[("sql",)] == "required", found


@pytest.mark.parametrize(
    "item",
    [
        "Experience with cloud platforms used for hosting deep learning jobs, such as AWS or GCP.",
        "Familiarity with cloud platforms designed for MLOps like AWS and GCP.",
    ],
)
def test_a_kind_keeps_its_examples_across_what_it_is_for(item: str) -> None:
    found = requirements(f"Nice to have\n\n- {item}\n")
    assert found.get(("cloud-computing", "aws", "gcp")) == "preferred", found


def test_a_skill_before_what_it_is_for_is_no_kind_of_the_examples() -> None:
    # "Python" is no kind of web frameworks: only a kind named as one keeps the examples.
    found = requirements("Requirements\n\n- Python used for web APIs such as Flask or Django.\n")
    assert found.get(("python",)) == "required", found


def test_tree_based_models_and_predictive_analysis_are_known_examples() -> None:
    found = requirements(
        "Requirements\n\n- Analytical toolkits such as tree-based models, predictive analysis, "
        "or clustering.\n"
    )
    assert any(
        {"ensemble-methods", "machine-learning", "clustering"} <= set(group) for group in found
    ), found


def test_evaluating_a_models_performance_is_model_evaluation() -> None:
    found = requirements(
        "What you will do\n\n- Evaluate and assess model performance, and report it.\n"
        "- Assess model risk with the bank's auditors.\n"
    )
    assert found.get(("model-evaluation",)) == "preferred", found
    lifecycle = requirements(
        "Requirements\n\n- The whole ML lifecycle (data, training, evaluation).\n"
    )
    assert any("model-evaluation" in group for group in lifecycle), lifecycle
    assert sum("model-evaluation" in group for group in found) == 1, found


def test_ml_work_brought_from_research_to_production_is_model_deployment() -> None:
    found = requirements(
        "Preferred qualifications\n\n"
        "- Experience taking AI features from research into production.\n"
    )
    assert found.get(("model-deployment",)) == "preferred", found


def test_reports_for_stakeholders_and_derived_features_are_known() -> None:
    found = requirements(
        "Requirements\n\n- Able to build dashboards, presentations and reports for senior "
        "stakeholders.\n\nWhat you will do\n\n- Derive new features from raw click logs.\n"
    )
    assert found.get(("communication",)) == "required", found
    assert found.get(("feature-engineering",)) == "preferred", found


def test_models_that_catch_fraudulent_activity_are_fraud_detection() -> None:
    found = requirements(
        "What you will do\n\n- Train classifiers that flag fraudulent transactions.\n"
    )
    assert found.get(("fraud-detection",)) == "preferred", found
    office = requirements(
        "What you will do\n\n- Report fraudulent activity to the manager.\n- SQL.\n"
    )
    assert not any("fraud-detection" in group for group in office), office


def test_models_and_algorithms_are_no_data_structures_course() -> None:
    found = requirements(
        "What you will do\n\n- Design and build generative AI models and algorithms.\n"
        "- Strong data structures and algorithms.\n"
    )
    assert [g for g in found if "data-structures-algorithms" in g] == [
        ("data-structures-algorithms",)
    ], found
    lone = requirements("What you will do\n\n- Build NLP models and algorithms.\n- SQL.\n")
    assert ("nlp",) in lone, lone
    assert not any("data-structures-algorithms" in g for g in lone), lone


def test_what_the_candidates_work_feeds_is_the_companys_not_asked() -> None:
    found = requirements(
        "Responsibilities\n- Build data pipelines that feed our fraud-detection models.\n"
        "- Write services powering our recommendation systems.\n"
        "- Build pipelines that feed our models using Spark.\n"
        "- Serve our recommendation models at scale.\n\n"
        "Requirements\n- Python and SQL\n"
    )
    assert ("fraud-detection",) not in found
    # A tool used to build them is the candidate's; serving the models is the candidate's duty.
    assert found[("apache-spark",)] == "preferred"
    assert found[("recommender-systems",)] == "preferred"
    assert found[("python",)] == "required"


def test_tools_named_after_a_broad_foundation_are_the_requirement() -> None:
    found = requirements(
        "Requirements\n- Experience with large scale distributed systems such as Hadoop, "
        "Spark etc.\n"
        "- Strong mathematics (e.g. linear algebra, probability).\n"
        "- Numerical methods libraries such as NumPy, SciPy.\n"
    )
    # A CS degree alone does not meet "distributed systems such as Hadoop, Spark".
    assert found[("hadoop", "apache-spark")] == "required"
    assert not [group for group in found if "computer-science" in group and len(group) > 1]
    # Topics of a foundation stay its examples.
    assert found[("mathematics", "linear-algebra", "probability")] == "required"
    # Tools after a kind of tools the foundation's words name are that kind's examples.
    assert found[("mathematics", "numpy", "scipy")] == "required"


def test_a_preferred_degrees_fields_are_kept_beside_a_required_degrees() -> None:
    role = read_job(
        b"BASIC QUALIFICATIONS\n- Bachelor's degree in computer science or equivalent\n"
        b"- 3+ years of Python\n\nPREFERRED QUALIFICATIONS\n"
        b"- PhD in CS, Statistics, ML, or a related field\n",
        name="posting.txt",
    )
    fields = {r.any_of: (r.importance, r.fields) for r in role.requirements}
    assert fields[("computer-science",)][0] == "required"
    importance, accepted = fields[("computer-science", "statistics", "machine-learning")]
    assert importance == "preferred"
    assert "statistics" in accepted


def test_publications_on_a_topic_ask_for_both() -> None:
    found = requirements(
        "Preferred qualifications\n"
        "- Publications on reinforcement learning from human feedback.\n"
        "- First-author publications on diffusion models.\n"
        "Requirements\n- Python; our publications in print and online.\n"
    )
    assert found[("publications",)] == "preferred"
    assert found[("rlhf",)] == "preferred"
    assert found[("diffusion-models",)] == "preferred"

"""Job postings read as a recruiter reads them (issue 15), more cases on small made-up
postings: sentences that run on through an aside, headings written with links, curly
apostrophes or as a question to the reader, and kinds named before their examples."""

from __future__ import annotations

import pytest

from skillgap.analysis import read_job
from skillgap.posting_sections import heading_kind


def requirements(text: str) -> dict[tuple[str, ...], str]:
    role = read_job(text.encode(), name="posting.txt")
    return {r.any_of: r.importance for r in role.requirements}


@pytest.mark.parametrize("introducer", ["eg.", "e.g.", "ie.", "i.e.", "incl."])
def test_an_abbreviation_in_an_aside_ends_no_sentence(introducer: str) -> None:
    found = requirements(
        "Requirements\n"
        f"- Experience building data pipelines ({introducer} Airflow, Prefect, or similar).\n"
    )
    group = next(g for g in found if "airflow" in g)
    assert {"etl", "airflow", "workflow-orchestration"} <= set(group), found
    assert found[group] == "required"
    assert not any(len(g) == 1 and g[0] in group for g in found)


def test_a_full_stop_inside_parentheses_ends_no_sentence() -> None:
    # "B.S. " would end a sentence: the master's would be a second degree requirement.
    found = requirements(
        "Requirements\n- A degree (B.S. or M.S.) in Computer Science or Statistics.\n"
    )
    degrees = [g for g in found if g[0].startswith("degree-")]
    assert degrees == [("degree-bachelor", "degree-master", "degree-phd")], found
    assert found[degrees[0]] == "required"


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("# [Data Scientist](https://jobs.example.com/apply/data-scientist-1)", None),
        ("## Click to [apply](https://jobs.example.com/apply/1)", "apply"),
        ("**What you\u2019ll be doing:**", "responsibilities"),
        ("What you\u2019ll need", "required"),
        ("**What we expect from you:**", "required"),
        ("What We Need From You", "required"),
        ("**What to expect working here:**", "benefits"),
        ("What to expect in this role:", "responsibilities"),
        ("How to apply: www.example.com/apply", None),
    ],
)  # fmt: skip
def test_a_heading_is_read_from_its_words_not_its_link(heading: str, kind: str | None) -> None:
    assert heading_kind(heading) == kind


def test_items_under_a_linked_title_and_a_question_to_the_reader_are_read() -> None:
    found = requirements(
        "# [ML Engineer](https://jobs.example.com/apply/ml-engineer-7)\n"
        "Acme builds forecasting tools.\n\n"
        "**What you\u2019ll be doing:**\n"
        "- Build recommender systems.\n\n"
        "**What we expect from you:**\n"
        "- Proficiency in SQL.\n"
        "- A degree and experience with PyTorch.\n\n"
        "**What to expect working here:**\n"
        "- You will be part of a team that ships Kubernetes tooling.\n"
    )
    assert found[("recommender-systems",)] == "preferred"
    assert found[("sql",)] == "required"
    assert found[("pytorch",)] == "required"
    assert ("kubernetes",) not in found


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("Experience deploying and managing model endpoints (e.g. SageMaker, Vertex AI).",
         ("model-deployment", "sagemaker", "vertex-ai")),
        ("Proficiency with GenAI workflows (e.g. RAG).", ("generative-ai", "rag")),
        ("Experience with CI/CD pipelines such as GitHub Actions or Jenkins.",
         ("ci-cd",)),
    ],
)  # fmt: skip
def test_a_kind_of_workflow_endpoint_or_pipeline_is_met_by_its_examples(
    sentence: str, group: tuple[str, ...]
) -> None:
    found = requirements(f"Requirements\n- {sentence}\n")
    kept = next(g for g in found if g[0] == group[0])
    assert set(group) <= set(kept), found
    assert len(found) == 1, found


def test_the_rest_of_an_items_name_keeps_a_list_of_examples_together() -> None:
    found = requirements(
        "Nice to have\n"
        "- Knowledge of deployment tools, such as AWS managed offerings, Docker, Kubernetes, etc.\n"
    )
    assert ("aws", "docker", "kubernetes") in found, found
    assert found[("aws", "docker", "kubernetes")] == "preferred"
    # An 'and' list with the same words stays three requirements.
    found = requirements("Requirements\n- AWS managed offerings, Docker and Kubernetes.\n")
    assert set(found) == {("aws",), ("docker",), ("kubernetes",)}


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("It would be great if you have:", "preferred"),
        ("Even better if you have", "preferred"),
        ("What sets you apart", "preferred"),
        ("We'd love to see:", "preferred"),
        ("You might also have:", "preferred"),
        ("Additional skills that would be helpful:", "preferred"),
        ("You might be a good fit if:", "required"),
        ("The right candidate will have:", "required"),
        ("To be successful in this role you will have:", "required"),
        ("You will have:", "required"),
        ("Candidate Requirements", "required"),
        ("Education & Experience", "required"),
        ("The Ideal Candidate", "required"),
        ("Your background", "required"),
        ("Essential criteria", "required"),
        ("Essential", "required"),
        ("Desirable criteria", "preferred"),
        ("Person specification", "required"),
        ("Knowledge, Skills and Abilities", "required"),
        ("About the candidate", "required"),
        ("It would be nice if you had:", "preferred"),
        ("Knowledge of Python", None),
        ("Role Description", "responsibilities"),
        ("Your tasks", "responsibilities"),
        ("What's in it for you", "benefits"),
        ("Why Acme?", "benefits"),
        ("Experience with government work", None),
        ("Background in statistics", None),
    ],
)  # fmt: skip
def test_headings_as_people_write_them(heading: str, kind: str | None) -> None:
    assert heading_kind(heading) == kind


@pytest.mark.parametrize(
    "item",
    [
        "Plus: experience with Kubernetes",
        "Exposure to Kubernetes is welcome",
        "Kubernetes experience appreciated",
        "Extra points for Kubernetes",
        "Kubernetes experience would be nice",
        "Kubernetes experience considered an asset",
        "We would love to see Kubernetes experience",
        "Experience with Kubernetes is valued",
        "Experience with Kubernetes is a differentiator",
    ],
)
def test_an_item_that_says_it_is_optional_is_preferred_under_requirements(item: str) -> None:
    found = requirements(f"Requirements\n- Python.\n- {item}.\n")
    assert found == {("python",): "required", ("kubernetes",): "preferred"}


@pytest.mark.parametrize(
    ("sentence", "degree"),
    [
        ("Bachelor's/Master's degree in Computer Science.",
         ("degree-bachelor", "degree-master", "degree-phd")),
        ("An advanced degree (Master's/Ph.D.) in Computer Science.",
         ("degree-master", "degree-phd")),
        ("B.S./M.S. in Computer Science.", ("degree-bachelor", "degree-master", "degree-phd")),
        ("M.S./PhD in Statistics.", ("degree-master", "degree-phd")),
        ("M.Sc./Ph.D. in Physics.", ("degree-master", "degree-phd")),
        ("Degree in a STEM field and experience with SQL.",
         ("degree-bachelor", "degree-master", "degree-phd")),
        ("A university degree in Statistics.", ("degree-bachelor", "degree-master", "degree-phd")),
        ("An advanced degree in Statistics.", ("degree-master", "degree-phd")),
        # A degree with no skill named beside it, and one whose level is named twice.
        ("A college or university degree in a related field.",
         ("degree-bachelor", "degree-master", "degree-phd")),
        ("A four-year degree in a related field.",
         ("degree-bachelor", "degree-master", "degree-phd")),
        ("Graduate or postgraduate degree in a related field.", ("degree-master", "degree-phd")),
        # British wording: the class of an honours degree, not its level.
        ("A 2:1 honours degree in Mathematics or Physics.",
         ("degree-bachelor", "degree-master", "degree-phd")),
        ("A first or 2:1 degree in a STEM subject.",
         ("degree-bachelor", "degree-master", "degree-phd")),
    ],
)  # fmt: skip
def test_a_degree_written_with_a_slash_or_without_its_level_is_one_requirement(
    sentence: str, degree: tuple[str, ...]
) -> None:
    found = requirements(f"Requirements\n- {sentence}\n")
    assert [g for g in found if g[0].startswith("degree-")] == [degree], found


@pytest.mark.parametrize(
    "sentence",
    [
        "Work with a high degree of autonomy in Python.",
        "Give 360-degree feedback on SQL code.",
        "Degree not required: strong Python.",
    ],
)
def test_a_degree_of_something_is_no_degree(sentence: str) -> None:
    found = requirements(f"Requirements\n- {sentence}\n")
    assert not any(g[0].startswith("degree-") for g in found), found


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        # A kind that a colon introduces.
        ("Experience with any major cloud platform: AWS, GCP or Azure.",
         ("cloud-computing", "aws", "gcp", "azure")),
        ("Experience with at least one deep learning framework: PyTorch, TensorFlow, or JAX.",
         ("deep-learning", "pytorch", "tensorflow", "jax")),
        # A list closed by the kind its items are examples of.
        ("Experience with PyTorch, TensorFlow or other deep learning frameworks.",
         ("pytorch", "tensorflow", "deep-learning")),
        # Examples after 'such as' are examples, not words that only specify the kind.
        ("Experience with experiment tracking tools such as Weights & Biases or MLflow.",
         ("experiment-tracking", "weights-and-biases", "mlflow")),
    ],
)  # fmt: skip
def test_a_kind_and_its_examples_however_written_are_one_requirement(
    sentence: str, group: tuple[str, ...]
) -> None:
    assert requirements(f"Requirements\n- {sentence}\n") == {group: "required"}


def test_a_colon_after_a_label_that_is_no_kind_makes_no_group() -> None:
    found = requirements("Requirements\n- Languages: Python and SQL.\n- Cloud: AWS and Docker.\n")
    assert found == {
        ("python",): "required", ("sql",): "required",
        ("aws",): "required", ("docker",): "required",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Experience with Python (required) and Docker (preferred).",
         {("python",): "required", ("docker",): "preferred"}),
        ("Python, SQL, Docker (nice to have).",
         {("python",): "required", ("sql",): "required", ("docker",): "preferred"}),
        ("Kubernetes (optional)", {("kubernetes",): "preferred"}),
        # An aside that names a skill speaks of that skill only.
        ("Python (Docker a plus)", {("python",): "required", ("docker",): "preferred"}),
    ],
)  # fmt: skip
def test_an_aside_that_is_only_a_cue_speaks_of_the_item_before_it(
    item: str, expected: dict[tuple[str, ...], str]
) -> None:
    assert requirements(f"Requirements\n- {item}\n") == expected


def test_a_posting_of_prose_says_whom_it_is_looking_for() -> None:
    found = requirements(
        "We're looking for a senior engineer with 3+ years of Python experience and "
        "familiarity with AWS. Experience with Kubernetes is a plus.\n"
    )
    assert found == {("python",): "required", ("aws",): "required", ("kubernetes",): "preferred"}
    # Whom it looks for and what they will do is no qualification.
    found = requirements(
        "We are looking for a data scientist to build our forecasting models.\n"
        "Requirements\n- SQL\n"
    )
    assert found == {("sql",): "required"}


def test_what_the_candidate_has_among_the_duties_is_required() -> None:
    found = requirements(
        "Job Description\n"
        "You will build data products with Spark. You have 5+ years of Python. "
        "You will have the opportunity to learn Kubernetes.\n"
    )
    assert found[("python",)] == "required"
    assert found[("apache-spark",)] == "preferred"
    assert found.get(("kubernetes",)) != "required"


@pytest.mark.parametrize(
    "sentence",
    [
        "5+ years of industry experience or equivalent with a Master's or PhD.",
        "5+ years of experience, or 3+ years with a PhD in Computer Science.",
    ],
)
def test_a_degree_named_as_another_route_to_the_experience_is_only_a_plus(sentence: str) -> None:
    found = requirements(f"Requirements\n- {sentence}\n- Python\n")
    assert found[("python",)] == "required"
    assert {g: i for g, i in found.items() if g != ("python",)}
    assert all(i == "preferred" for g, i in found.items() if g != ("python",)), found


def test_a_degree_beside_years_of_a_skill_is_still_required() -> None:
    found = requirements(
        "Requirements\n- 3+ years of experience in Python or Java with a Bachelor's degree.\n"
    )
    assert found[("degree-bachelor", "degree-master", "degree-phd")] == "required"


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("Experience with stream processing, including but not limited to Spark and Flink.",
         ("stream-processing", "apache-spark", "flink")),
        ("Experience with tools such as (but not limited to) Kubeflow, Dagster.",
         ("kubeflow", "workflow-orchestration")),
        ("Experience with a modern data warehouse (Snowflake, BigQuery, Redshift).",
         ("snowflake", "bigquery", "redshift")),
    ],
)  # fmt: skip
def test_examples_not_limited_to_those_named_are_one_requirement(
    sentence: str, group: tuple[str, ...]
) -> None:
    found = requirements(f"Requirements\n- {sentence}\n")
    assert len(found) == 1 and set(group) <= set(next(iter(found))), found


def test_a_sentence_that_hopes_the_reader_is_excited_asks_only_a_plus() -> None:
    found = requirements(
        "At Acme we build procurement software. If you're excited about leveraging tools like "
        "Hugging Face and PyTorch, we want you on our team.\n"
        "Requirements\n- SQL\n"
    )
    assert found == {("sql",): "required", ("hugging-face", "pytorch"): "preferred"}


@pytest.mark.parametrize(
    "item",
    [
        "Strong Python skills and ideally experience with Docker.",
        "Experience with Python and preferably Docker.",
        "Python and, ideally, Docker.",
        "Experience with Python, and Docker would be a bonus.",
    ],
)
def test_the_rest_of_a_sentence_after_ideally_or_a_clause_of_its_own_is_preferred(
    item: str,
) -> None:
    assert requirements(f"Requirements\n- {item}\n") == {
        ("python",): "required", ("docker",): "preferred",
    }  # fmt: skip
    # Said first, 'ideally' makes the whole item preferred.
    assert requirements("Requirements\n- Ideally, Python and Docker.\n") == {
        ("python",): "preferred", ("docker",): "preferred",
    }  # fmt: skip


def test_a_label_on_the_line_says_what_a_line_outside_any_section_is() -> None:
    found = requirements(
        "Acme is hiring.\n"
        "About us: our platform runs on Kafka.\n"
        "Responsibilities: build models with PyTorch.\n"
        "Requirements: Python, SQL and 3+ years of machine learning.\n"
        "Nice to have: Docker.\n"
    )
    assert found == {
        ("pytorch",): "preferred", ("python",): "required", ("sql",): "required",
        ("machine-learning",): "required", ("docker",): "preferred",
    }  # fmt: skip
    # Inside a section, a label of the item does not change the section.
    found = requirements("Preferred\n- Experience: Kubernetes.\n")
    assert found == {("kubernetes",): "preferred"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("2 years of experience with machine learning and TensorFlow or JAX.",
         {("machine-learning",), ("tensorflow", "jax")}),
        ("Python or Scala and SQL.", {("python", "scala"), ("sql",)}),
        ("AWS, GCP, or Azure and Docker.", {("aws", "gcp", "azure"), ("docker",)}),
        # A list of examples stays one requirement however it is joined.
        ("Docker and Kubernetes or similar.", {("docker", "kubernetes")}),
    ],
)  # fmt: skip
def test_and_parts_what_or_joins(sentence: str, expected: set[tuple[str, ...]]) -> None:
    assert set(requirements(f"Requirements\n- {sentence}\n")) == expected


@pytest.mark.parametrize(
    "item",
    [
        "Python is required and Docker is preferred.",
        "Python is mandatory while Docker is a bonus.",
        "Python is a must, but Docker is a plus.",
    ],
)
def test_a_clause_that_says_it_is_optional_after_one_that_asks_outright(item: str) -> None:
    assert requirements(f"Requirements\n- {item}\n") == {
        ("python",): "required", ("docker",): "preferred",
    }  # fmt: skip


def test_an_item_that_opens_an_any_of_list_ends_with_its_sub_items() -> None:
    found = requirements(
        "Requirements\n- Python\n- Experience with at least one of:\n"
        "  - PyTorch\n  - TensorFlow\n  - JAX\n- SQL\n"
    )
    assert found == {
        ("python",): "required", ("pytorch", "tensorflow", "jax"): "required",
        ("sql",): "required",
    }  # fmt: skip
    found = requirements(
        "Requirements\nExperience in one of the following areas:\n- NLP\n- Computer vision\n"
    )
    assert found == {("nlp", "computer-vision"): "required"}


def test_the_fields_of_a_degree_carry_no_years_and_roles_are_kinds() -> None:
    role = read_job(
        b"Requirements\n- A degree in Computer Science, Statistics or a related field and "
        b"3+ years of Python.\n- 2+ years in an ML engineer role, or a related role such as "
        b"backend engineer.\n",
        name="posting.txt",
    )
    years = {r.any_of: r.years for r in role.requirements}
    assert years[("computer-science", "statistics")] is None
    assert years[("python",)] == 3
    assert years[("machine-learning", "backend-development")] == 2


def markdown_requirements(text: str) -> dict[tuple[str, ...], str]:
    role = read_job(text.encode(), name="posting.md")
    return {r.any_of: r.importance for r in role.requirements}


_CLOUD_POSTING = (
    "# Data Scientist\n\n## Qualifications\n"
    "{b} Experience with any of the following cloud providers:\n"
    "{i}{b} AWS\n{i}{b} GCP\n{i}{b} Azure\n"
    "{b} Experience with NLP techniques (e.g., named entity recognition, topic modeling)\n"
    "{b} Master's degree in a STEM field; PhD a plus\n"
    "{b} Excellent written and verbal communication skills\n"
)


@pytest.mark.parametrize("indent", ["  ", "   ", ""])
@pytest.mark.parametrize("bullet", ["-", "*", "+", "1."])
def test_a_markdown_any_of_list_ends_where_its_items_end(bullet: str, indent: str) -> None:
    # The Markdown reader flattens nested lists: "Experience with NLP..." was an alternative
    # of the cloud providers, and with it the degree and communication.
    found = markdown_requirements(_CLOUD_POSTING.format(b=bullet, i=indent))
    assert found[("aws", "gcp", "azure")] == "required", found
    nlp = next(g for g in found if "nlp" in g)
    assert "aws" not in nlp and "topic-modeling" in nlp
    assert found[("degree-master", "degree-phd")] == "required"
    assert found[("degree-phd",)] == "preferred"
    assert found[("communication",)] == "required"


@pytest.mark.parametrize("bullet", ["-", "*", "\u2022"])
@pytest.mark.parametrize("indent", ["  ", ""])
def test_a_plain_text_any_of_list_ends_where_its_items_end(bullet: str, indent: str) -> None:
    found = requirements(
        f"Requirements\n{bullet} Proficiency in one of the following:\n"
        f"{indent}{bullet} PyTorch\n{indent}{bullet} TensorFlow\n"
        f"{bullet} Experience with Docker\n{bullet} SQL\n"
    )
    assert found == {
        ("pytorch", "tensorflow"): "required", ("docker",): "required", ("sql",): "required",
    }  # fmt: skip


def test_a_list_under_an_any_of_heading_ends_at_a_full_requirement() -> None:
    found = requirements(
        "Requirements\nAny of the following:\n- AWS\n- Google Cloud\n\n"
        "- Strong SQL skills\n- Experience with Docker and Kubernetes\n"
    )
    assert found == {
        ("aws", "gcp"): "required", ("sql",): "required", ("docker",): "required",
        ("kubernetes",): "required",
    }  # fmt: skip


def test_a_lead_in_whose_items_are_sentences_makes_them_one_set_to_the_next_heading() -> None:
    # "Looking for experience in any of the following:" and labelled lines of tools.
    found = requirements(
        "About the role\nLooking for experience in any of the following:\n"
        "* Training: PyTorch, JAX\n* Serving: Docker, Kubernetes\nBenefits\n- Python lunch\n"
    )
    assert found == {("pytorch", "jax", "docker", "kubernetes"): "required"}


def test_an_any_of_item_among_preferred_ones_keeps_its_section() -> None:
    found = requirements(
        "Nice to have\n- Experience with any of the following:\n  - AWS\n  - GCP\n"
        "- Experience with Docker\n"
    )
    assert found == {("aws", "gcp"): "preferred", ("docker",): "preferred"}


def test_an_ambiguous_name_alone_in_a_list_of_one_name_a_line_is_the_skill() -> None:
    from skillgap.matching import find_skills
    from skillgap.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()

    def found(text: str) -> set[str]:
        return {h.skill_id for h in find_skills(text, taxonomy).hits}

    assert "azure" in found("Cloud providers:\n- AWS\n\n- GCP\n\n- Azure\n")
    assert "azure" in found("Cloud providers:\n  * AWS\n  * Azure\n  * GCP\n")
    # Beside a sentence, or with more words on its line, a name is not known by its list.
    assert "azure" not in found("We ship every day with AWS.\nAzure\n")
    assert "azure" not in found("AWS\nAzure skies over the bay\n")
    # Only a list of its kind: Meteor's Blaze beside MongoDB is no build system.
    assert "build-systems" not in found("Meteor\n Blaze\n MongoDB\n")


def test_a_nested_markdown_list_keeps_its_indent_so_a_short_item_after_it_stands_apart() -> None:
    from skillgap.readers.markup import markdown_to_text

    source = (
        "## Nice to have\n* Experience with at least one of:\n    * PyTorch\n    * JAX\n"
        "* Kubernetes\n"
    )
    assert "\n  PyTorch\n" in markdown_to_text(source)
    assert markdown_requirements(source) == {
        ("pytorch", "jax"): "preferred", ("kubernetes",): "preferred",
    }  # fmt: skip


@pytest.mark.parametrize(
    "item",
    [
        "Kubernetes experience will be a significant advantage",
        "Experience with Kubernetes is a real plus",
        "Kubernetes experience is considered a plus",
    ],
)
def test_an_advantage_or_a_plus_said_with_any_adjective_is_preferred(item: str) -> None:
    found = requirements(f"Requirements\n- Python.\n- {item}.\n")
    assert found == {("python",): "required", ("kubernetes",): "preferred"}


def test_what_a_company_wants_of_its_own_people_asks_nothing_of_the_candidate() -> None:
    about = "About us\nWe want our engineers to run Kubernetes clusters. We offer equity.\n"
    assert ("kubernetes",) not in requirements(f"{about}Requirements\n- Python.\n")
    asked = requirements("About us\nWe want you to know Kubernetes.\nRequirements\n- Python.\n")
    assert asked[("kubernetes",)] == "required"


def test_whom_a_company_is_searching_for_in_a_paragraph_about_the_role_asks() -> None:
    found = requirements(
        "About the role\nYou will build our libraries. We are searching for someone who has "
        "shipped Kubernetes services. We build everything in the open.\nRequirements\n- Python.\n"
    )
    assert found == {("python",): "required", ("kubernetes",): "preferred"}


def test_an_example_whose_name_begins_with_an_unknown_word_stays_in_its_list() -> None:
    found = requirements(
        "Requirements\n- Built products such as OCR, custom scraping, and contract tools.\n"
        "- Design cloud platforms, build MLOps (AWS, Azure, or GCP).\n"
    )
    assert ("document-ai", "web-scraping") in found, found
    # Outside a list of examples, a word before a skill starts a clause of its own.
    assert ("cloud-computing",) in found and ("aws", "azure", "gcp") in found, found


def test_whoever_a_posting_is_looking_for_who_has_a_skill_is_the_candidate() -> None:
    found = requirements(
        "About the role\nWe build our platform in the open. We're looking for a creative "
        "problem solver who has a deep understanding of Kubernetes.\nRequirements\n- Python.\n"
    )
    assert found == {("python",): "required", ("kubernetes",): "preferred"}


def test_a_paragraph_about_the_role_names_the_tools_the_candidate_will_use() -> None:
    found = requirements(
        "About the role\nThe ML Engineer role is responsible for data products that serve our "
        "clients. This includes taking projects to production with Kubernetes and Airflow. "
        "Our offices are in Berlin.\nRequirements\n- Python.\n"
    )
    assert found == {
        ("python",): "required",
        ("kubernetes",): "preferred",
        ("airflow",): "preferred",
    }
    # A paragraph about the company still asks for nothing.
    found = requirements(
        "About the role\nAcme builds data products for clients. It runs them with Kubernetes "
        "and Airflow. Our offices are in Berlin.\nRequirements\n- Python.\n"
    )
    assert found == {("python",): "required"}


def test_a_full_stop_before_a_word_in_lower_case_ends_no_sentence() -> None:
    # "PhD. in ...": the fields are the degree's, one requirement beside it, not three apart.
    found = requirements(
        "Requirements\n- M.S., or PhD. in Statistics, Computer Science, Math, or other "
        "quantitative fields.\n"
    )
    assert found == {
        ("degree-master", "degree-phd"): "required",
        ("statistics", "computer-science", "mathematics"): "required",
    }, found


def test_a_posting_of_prose_that_is_hiring_or_calls_a_skill_indispensable() -> None:
    # A short posting with no headings, as a founder writes one: whom they hire, and what is
    # indispensable. The company's own sentence still asks nothing.
    found = requirements(
        "Acme - AI Engineer - Remote\n\n"
        "At Acme our platform runs on Go.\n"
        "We're hiring an engineer with experience in Kubernetes.\n"
        "Written communication skills are paramount.\n"
        "Strong SQL is critical for this role.\n"
    )
    assert found == {
        ("kubernetes",): "required",
        ("communication",): "required",
        ("sql",): "required",
    }, found


@pytest.mark.parametrize(
    "preferred",
    [
        # Workday's template, in Markdown: labelled lists inside the preferred section.
        "### Preferred Qualifications\n- Education: Masters degree in statistics\n"
        "- Technical Skills or Knowledge:\n  - Proficient with Python and Matlab.\n"
        "- Application Documents:\n  - Resume/CV (required)\n",
        # The same as plain text: a label over items set further in.
        "Preferred Qualifications\nTechnical Skills or Knowledge:\n    Proficient with Python "
        "and Matlab.\n",
    ],
)
def test_a_labelled_list_inside_a_preferred_section_stays_preferred(preferred: str) -> None:
    found = requirements(
        f"### Minimum Qualifications\n- A college or university degree.\n\n{preferred}"
        "Requirements:\nKubernetes\n"
    )
    assert found[("python",)] == found[("matlab",)] == "preferred", found
    # A heading set level with the sections, not over a list of its own, still opens one.
    assert found[("kubernetes",)] == "required", found


@pytest.mark.parametrize(
    ("sentence", "skill_id"),
    [
        ("To succeed you'll need 3+ years of experience with Kubernetes.", "kubernetes"),
        ("You will need strong SQL.", "sql"),
        ("Experience with XGBoost is essential.", "xgboost"),
        ("They'd like someone comfortable with Airflow.", "airflow"),
        ("The client would like someone with Terraform experience.", "infrastructure-as-code"),
    ],
)
def test_prose_before_any_heading_that_asks_the_candidate_is_required(
    sentence: str, skill_id: str
) -> None:
    # A recruiter's email or a posting of paragraphs: no heading says what is asked.
    found = requirements(
        "Hi Sam,\n\nI'm reaching out about an ML engineer role at a client of mine.\n\n"
        f"They're looking for someone with strong Python. {sentence}\n\nBest,\nJess\n"
    )
    assert found.get((skill_id,)) == "required", found
    assert found.get(("python",)) == "required", found


def test_what_a_company_calls_essential_asks_nothing_of_the_candidate() -> None:
    found = requirements(
        "Acme builds fraud models with Kafka. Reliable Kafka is essential to our customers.\n\n"
        "Requirements\n- Python\n"
    )
    assert ("kafka",) not in found, found


@pytest.mark.parametrize(
    "item",
    [
        "Nice if you know Kubernetes.",
        "Experience with Kubernetes will make you stand out.",
        "Kubernetes experience sets you apart.",
        "We'd love it if you've used Kubernetes.",
        "We\u2019d love if you have Kubernetes experience.",
    ],
)
def test_an_item_that_would_only_distinguish_the_candidate_is_preferred(item: str) -> None:
    found = requirements(f"Requirements\n- Python\n- {item}\n")
    assert found.get(("kubernetes",)) == "preferred", found
    assert found.get(("python",)) == "required", found


def test_a_paragraph_of_requirements_that_opens_with_a_degree_or_a_record_is_read() -> None:
    # A posting converted from a PDF: the qualifications are one paragraph, no bullets.
    found = requirements(
        "Qualifications\n"
        "A PhD in Computer Science or a closely related field. Strong publication record "
        "at NeurIPS or ICML. The group also runs Kafka clusters for the campus.\n"
        "Excellent programming skills in Python.\n"
    )
    assert found.get(("degree-phd",)) == "required", found
    # "publication record at NeurIPS": publications, the venues only specify them.
    assert found.get(("publications",)) == "required", found
    assert found.get(("python",)) == "required", found
    assert ("kafka",) not in found, found


def test_a_bold_label_with_its_colon_inside_the_markup_says_what_its_line_is() -> None:
    found = requirements(
        "**Role:** LLM Engineer\n**Location:** Remote\n\n"
        "**Key Skills:** Python, LangChain, Docker\n\n"
        "**Responsibilities:**\n- Build pipelines for enterprise documents\n"
    )
    for skill_id in ("python", "langchain", "docker"):
        assert found.get((skill_id,)) == "required", found


def test_what_the_candidate_will_need_among_the_duties_is_required() -> None:
    found = requirements(
        "About the role\nIn this role you'll build churn models with XGBoost. "
        "You will need a PhD in Statistics. You'll need to work closely with Go engineers.\n\n"
        "Requirements\n- Python\n"
    )
    assert found.get(("degree-phd",)) == "required", found
    assert found.get(("xgboost",)) == "preferred", found
    assert found.get(("go",)) != "required", found


def test_what_a_line_says_is_required_is_required_in_any_section() -> None:
    # LinkedIn's "About the job" holds the whole posting: a "Requirements:" label still says
    # what its line is, and "is required" among the duties is required ("where required" is not).
    found = requirements(
        "About the job\nWe build maps.\nRequirements: SQL, Kubernetes\n\nResponsibilities\n"
        "- Ship models. Docker experience is required.\n- Use Python (required)\n"
        "- Where required, mentor analysts in Tableau\n- Build pipelines in Apache Airflow\n"
    )
    assert found[("sql",)] == found[("kubernetes",)] == "required", found
    assert found[("docker",)] == found[("python",)] == "required", found
    assert found[("airflow",)] == "preferred", found
    assert found.get(("bi-tools",)) in (None, "preferred"), found
    # An item's own label keeps the section it stands in.
    assert requirements("Nice to have\n- Experience: Kubernetes\n") == {
        ("kubernetes",): "preferred"
    }


def test_years_of_experience_offered_instead_of_a_degree_relax_it() -> None:
    # "PhD ... or 5+ years of industry research experience": the PhD is one route, not a must.
    role = read_job(
        b"Requirements\n- PhD in Computer Science or 5+ years of industry research experience\n",
        name="posting.txt",
    )
    [phd] = [r for r in role.requirements if r.any_of == ("degree-phd",)]
    assert phd.or_experience

"""Job postings read as a recruiter reads them: sections, alternatives, degrees, years,
unknown terms and warnings (issue 15), each on a small posting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillgap.analysis import analyze, read_job
from skillgap.cli import app
from skillgap.errors import ExitCode
from skillgap.posting_sections import heading_kind
from skillgap.report import RequirementResult
from skillgap.taxonomy import Role

runner = CliRunner()


def requirements(text: str) -> dict[tuple[str, ...], str]:
    role = read_job(text.encode(), name="posting.txt")
    return {r.any_of: r.importance for r in role.requirements}


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("Experience with Python libraries such as TensorFlow, Keras, scikit-learn, etc.",
         ("python", "tensorflow", "keras", "scikit-learn")),
        ("Docker, Kubernetes, or some other containerization technology.",
         ("docker", "kubernetes")),
        ("Experience with Python, Scala, Java, or another language.", ("python", "scala", "java")),
        ("Deep knowledge of data stores (e.g. Kafka, MySQL, Oracle).", ("kafka", "sql")),
        ("Experience with a cloud platform (AWS, GCP).", ("cloud-computing", "aws", "gcp")),
        ("Experience with Airflow, Spark or similar tools.", ("airflow", "apache-spark")),
        ("Hands-on with tools like MLflow and Polars.", ("mlflow", "dataframe-libraries")),
    ],
)  # fmt: skip
def test_a_list_of_examples_is_one_requirement(sentence: str, group: tuple[str, ...]) -> None:
    found = requirements(f"Requirements\n- {sentence}\n")
    assert group in found, found
    assert not any(len(g) == 1 and g[0] in group for g in found)


def test_and_keeps_two_requirements_and_a_skill_before_examples_stays_one() -> None:
    assert requirements("Requirements\n- Experience with SQL and Spark.\n") == {
        ("sql",): "required", ("apache-spark",): "required",
    }  # fmt: skip
    found = requirements("Requirements\n- Strong Python (pandas, NumPy).\n")
    assert found == {("python",): "required", ("pandas", "numpy"): "required"}


def test_a_kind_before_its_examples_is_met_by_itself_or_any_of_them() -> None:
    found = requirements(
        "Requirements\n- Experience with deep learning frameworks such as TensorFlow and JAX.\n"
    )
    assert found == {("deep-learning", "tensorflow", "jax"): "required"}
    # Required on its own elsewhere, the kind leaves its examples as the preferred part.
    found = requirements(
        "Requirements\n- Deep learning experience.\n\n"
        "Nice to have\n- Deep learning frameworks such as TensorFlow or JAX.\n"
    )
    assert found == {("deep-learning",): "required", ("tensorflow", "jax"): "preferred"}
    # A skill followed by other words before the kind noun is no kind of the examples.
    found = requirements("Requirements\n- Deep learning at scale and tools like PyTorch.\n")
    assert found == {("deep-learning",): "required", ("pytorch",): "required"}


def test_names_the_taxonomy_does_not_know_do_not_break_a_list() -> None:
    found = requirements(
        "Requirements\n- Packages such as NumPy, SciPy, Zorblib, Quux Kit, pandas, Keras.\n"
    )
    assert found == {("numpy", "scipy", "pandas", "keras"): "required"}
    # A phrase between two skills is no name: the list stops there.
    found = requirements("Requirements\n- Python, experience with Go, and Docker.\n")
    assert found == {("python",): "required", ("go",): "required", ("docker",): "required"}


def test_a_list_closed_by_or_related_after_unknown_names_is_one_requirement() -> None:
    found = requirements(
        "Requirements\n- Bachelor degree in Computer Science, Applied Mathematics, "
        "Computational Physics/Chemistry or related subject area.\n"
    )
    # One requirement for the whole list (with the fields the taxonomy knows of its last item).
    [fields] = [group for group in found if "computer-science" in group]
    assert {"computer-science", "mathematics"} <= set(fields), found
    assert len(found) == 2, found  # the fields and the degree
    # Words of a phrase before "or similar" are no names: the list is not closed by it.
    found = requirements("Requirements\n- Python and SQL, strong in Java or similar.\n")
    assert found == {("python",): "required", ("sql",): "required", ("java",): "required"}


def test_models_and_methods_are_kinds_their_examples_belong_to() -> None:
    found = requirements(
        "Requirements\n- Apply machine learning models (supervised, unsupervised, reinforcement "
        "learning, causal inference, etc.) to business problems.\n"
    )
    assert found == {("machine-learning", "reinforcement-learning", "causal-inference"): "required"}


def test_names_joined_by_a_slash_are_one_requirement_inside_a_list() -> None:
    found = requirements("Requirements\n- Strong programming skills in C/C++ and Python.\n")
    assert found == {("c", "cpp"): "required", ("python",): "required"}


def test_the_introduction_benefits_and_eeo_text_ask_for_nothing() -> None:
    found = requirements(
        "About us\nOur platform is built on Java and Scala, serving millions of users.\n\n"
        "Requirements\n- Python, Go, or another language.\n\n"
        "Benefits\n- We pay for your AWS certification.\n\n"
        "Equal opportunity\nWe are an equal opportunity employer and love Kubernetes.\n"
    )
    assert found == {("python", "go"): "required"}


def test_responsibilities_add_preferred_items_but_not_the_companys_own_stack() -> None:
    found = requirements(
        "What you'll do\n- Train models in PyTorch.\n- Our data lives in Snowflake.\n\n"
        "Requirements\n- Experience with SQL.\n"
    )
    assert found == {("pytorch",): "preferred", ("sql",): "required"}


def test_a_duty_that_names_the_company_still_asks_for_its_skills() -> None:
    found = requirements(
        "What you'll do\n- Deploy models on our Kubernetes clusters.\n"
        "- Working closely with our data engineers on Airflow pipelines.\n"
        "- Our team runs Kafka in production.\n"
        "- We use Snowflake and dbt. Design pipelines with our team.\n\n"
        "Requirements\n- Experience with SQL.\n"
    )
    assert found == {
        ("model-deployment",): "preferred",
        ("kubernetes",): "preferred",
        ("collaboration",): "preferred",
        ("airflow",): "preferred",
        ("sql",): "required",
    }


def test_a_qualification_among_the_duties_is_required() -> None:
    found = requirements(
        "Job Description\n- Design and deploy models on Vertex AI.\n"
        "- Experience with Kubeflow or Airflow.\n- Fluency in Python\n"
        "- Familiarity with Docker is a plus.\n"
    )
    assert found == {
        ("model-deployment",): "preferred",
        ("vertex-ai",): "preferred",
        ("kubeflow", "airflow"): "required",
        ("python",): "required",
        ("docker",): "preferred",
    }


def test_what_the_candidate_will_do_under_a_requirement_heading_is_preferred() -> None:
    found = requirements(
        "About us\nWe build finance tools.\n\n📝 What you have\n"
        "- Solid background in algorithms and data structures\n\n"
        "🔍 What we're looking for\n- You'll build AI agents with LangChain.\n- SQL\n"
    )
    assert found == {
        ("data-structures-algorithms",): "required",
        ("ai-agents",): "preferred",
        ("langchain",): "preferred",
        ("sql",): "required",
    }


def test_a_preferred_heading_and_preferred_words_make_items_preferred() -> None:
    found = requirements(
        "Minimum qualifications\n- Experience with SQL.\n- Docker is a plus.\n\n"
        "Preferred Experience\n- Experience with Airflow.\n"
    )
    assert found == {
        ("sql",): "required", ("docker",): "preferred", ("airflow",): "preferred",
    }  # fmt: skip


def test_headings_are_read_from_their_words_not_their_place() -> None:
    assert heading_kind("### **Nice to have:**") == "preferred"
    assert heading_kind("What you'll bring") == "required"
    assert heading_kind("## About the company") == "intro"
    assert heading_kind("Perks & benefits") == "benefits"
    assert heading_kind("  * Experience with government contracting") is None  # a list item
    assert heading_kind("We are hiring engineers who love data.") is None
    assert heading_kind("📝 What you have") == "required"
    assert heading_kind("🔍 What we\u2019re looking for") == "required"
    assert heading_kind("We are hiring") is None


def test_a_sentence_leading_into_a_list_says_what_the_list_is() -> None:
    found = requirements(
        "You will work in a collaborative environment.\n"
        "This role requires a variety of strengths and capabilities including:\n"
        "- Experience with Docker or similar container technologies\n"
        "- Experience with Kubernetes is beneficial\n"
    )
    assert found == {("docker",): "required", ("kubernetes",): "preferred"}


def test_an_intro_sentence_that_speaks_to_the_candidate_asks() -> None:
    found = requirements(
        "Acme builds music models with PyTorch. Experience with diffusion models is preferred. "
        "Very strong Python skills required.\n"
    )
    assert found == {("diffusion-models",): "preferred", ("python",): "required"}


def test_degrees_named_together_are_one_requirement_met_by_the_lowest() -> None:
    role = read_job(
        "Requirements\n- Bachelor\u2019s or Master's degree in a technical field.\n- SQL.\n"
        "- MS or PhD, or equivalent experience.\n\nPreferred\n- PhD preferred.\n".encode(),
        name="posting.txt",
    )
    degrees = [r for r in role.requirements if r.any_of[0].startswith("degree-")]
    assert [(r.any_of, r.importance) for r in degrees] == [
        (("degree-bachelor", "degree-master", "degree-phd"), "required"),
        # A bachelor's is accepted, so the master's the posting also names is preferred.
        (("degree-master", "degree-phd"), "preferred"),
        (("degree-phd",), "preferred"),
    ]
    assert degrees[1].name == "Master's degree or higher, or equivalent experience"
    resume = b"Education\nBachelor of Science in Computer Science, 2019\n\nSkills\nSQL\n"
    job = next(r for r in analyze(resume, name="r.txt", job=role).roles if r.id == "job")
    met = {r.any_of[0]: r.met for r in job.requirements}
    assert met["degree-bachelor"] and not met["degree-master"]


def test_a_lower_degree_also_accepted_makes_the_higher_one_preferred() -> None:
    found = requirements(
        "Qualifications\n- PhD in Toxicology or a related discipline.\n"
        "- Candidates with a Bachelor's degree and 3+ years of experience will be considered.\n"
    )
    assert found == {
        ("degree-phd",): "preferred",
        ("degree-bachelor", "degree-master", "degree-phd"): "required",
    }


def test_a_preferred_aside_is_preferred() -> None:
    found = requirements("Requirements\n- Bachelor's degree in Economics (Master's preferred).\n")
    assert found == {
        ("degree-bachelor", "degree-master", "degree-phd"): "required",
        ("degree-master", "degree-phd"): "preferred",
        # The field is asked for too: a degree in another field does not show it.
        ("economics",): "required",
    }  # fmt: skip


def test_a_last_clause_that_says_it_is_optional_is_preferred_alone() -> None:
    found = requirements(
        "Requirements\n- Proficient in Python and Spark, Scala a plus.\n"
        "- Familiarity with projects like Ray, vLLM, Dask is a plus.\n"
    )
    assert found == {
        ("python",): "required",
        ("apache-spark",): "required",
        ("scala",): "preferred",
        ("dask-ray", "vllm"): "preferred",
    }


def test_an_item_asking_for_an_interest_is_preferred() -> None:
    found = requirements(
        "Requirements\n- Passionate about self-driving technology.\n"
        "- Strong interest in recommender systems.\n"
        "- A passionate engineer proficient with Python.\n"
    )
    assert found == {
        ("autonomous-driving",): "preferred",
        ("recommender-systems",): "preferred",
        ("python",): "required",
    }


def test_a_skill_that_only_specifies_the_one_before_it_is_no_requirement() -> None:
    found = requirements(
        "Requirements\n- Publications at NeurIPS, ICLR or ICML.\n"
        "- Natural language processing to analyze sentiment analysis.\n"
        "- Machine learning, especially deep learning.\n"
    )
    assert found == {
        ("publications",): "required",
        ("nlp",): "required",
        ("text-classification",): "required",
        ("machine-learning",): "required",
        ("deep-learning",): "required",
    }


def test_years_of_experience_are_kept_and_shown_not_scored() -> None:
    role = read_job(
        b"Requirements\n- 5+ years of Python.\n- Three to five years with SQL.\n- Docker.\n",
        name="posting.txt",
    )
    years = {r.any_of: (r.years, r.name) for r in role.requirements}
    assert years[("python",)] == (5, "Python (5+ years)")
    assert years[("sql",)] == (3, "SQL (3+ years)")
    assert years[("docker",)] == (None, "Docker")
    report = analyze(b"Skills\nPython, SQL, Docker\n", name="r.txt", job=role)
    [job] = report.roles
    assert job.score == 100 and job.requirements[0].years == 5


def test_years_of_practice_never_go_to_a_degrees_field() -> None:
    role = read_job(
        b"Requirements\n- Bachelor's degree in Computer Science or a related field.\n"
        b"- 5+ years of professional software engineering experience.\n",
        name="posting.txt",
    )
    asks = [(r.any_of, r.years, bool(r.fields)) for r in role.requirements]
    # The field of the degree and the practice are two asks, the years the practice's.
    assert (("computer-science",), None, True) in asks
    assert (("computer-science",), 5, False) in asks


POSTING = (
    "Requirements\n- Experience with PyTorch and SQL.\n- Hands-on with Quiltdb and Docker.\n\n"
    "Nice to have\n- Experience with Kubernetes, Dagster, and FooFlow.\n"
)


def test_unknown_terms_are_listed_and_matched_literally_without_changing_the_score() -> None:
    role = read_job(POSTING.encode(), name="posting.txt")
    assert [(t.term, t.line, t.importance) for t in role.unrecognised] == [
        ("Quiltdb", 3, "required"), ("FooFlow", 6, "preferred"),
    ]  # fmt: skip
    with_term = analyze(b"Skills\nPyTorch, SQL, Quiltdb\n", name="r.txt", job=role).roles[0]
    without = analyze(b"Skills\nPyTorch, SQL\n", name="r.txt", job=role).roles[0]
    assert [(t.term, t.found) for t in with_term.unrecognised] == [
        ("Quiltdb", True), ("FooFlow", False),
    ]  # fmt: skip
    assert not any(t.found for t in without.unrecognised)
    assert with_term.score == without.score


def test_a_name_the_posting_passes_a_verdict_on_is_asked_for() -> None:
    # An ambiguous name needs no cue word when the posting judges it: "Scala is a plus".
    found = requirements(
        "Requirements\n- Python.\n- Scala is a plus.\n- Go experience preferred.\n"
    )
    assert found == {("python",): "required", ("scala",): "preferred", ("go",): "preferred"}
    # A frame of know-how introduces a name too; a common word after one is no name.
    found = requirements("Requirements\n- Knowledge of Spark.\n- A spark of curiosity.\n")
    assert found == {("apache-spark",): "required"}
    found = requirements("Requirements\n- Python.\n- An understanding of marketing funnels.\n")
    assert found == {("python",): "required"}
    # Without the verdict the same words name no language.
    found = requirements("Requirements\n- Python.\n- Our office is near La Scala.\n")
    assert found == {("python",): "required"}
    # A name the taxonomy does not know is listed when judged, even alone in its sentence.
    role = read_job(
        b"Requirements\n- Python.\n- Experience with Zorblib or similar tools.\n"
        b"- Quuxflow is a plus.\n- Travel is required.\n- Familiarity with Barqueue.\n",
        name="posting.txt",
    )
    # A name alone before its verdict is a sentence's first word, as "Travel" is: not listed.
    assert [(t.term, t.importance) for t in role.unrecognised] == [
        ("Zorblib", "required"), ("Barqueue", "required"),
    ]  # fmt: skip


def test_a_name_listed_beside_an_unknown_name_asked_for_is_listed() -> None:
    # "Outreach" stands beside "Salesforce", which a frame introduces: both are asked for.
    role = read_job(
        b"Requirements\n- Python and PyTorch.\n- Experience with Salesforce and Outreach.\n"
        b"- Experience with Google Ads and Google Tag Manager.\n- Travel and Flexibility.\n"
        b"- Knowledge of Zorbsuite and Applied Mathematics.\n",
        name="posting.txt",
    )
    assert [t.term for t in role.unrecognised] == [
        "Salesforce", "Outreach", "Google Ads", "Google Tag Manager", "Zorbsuite",
    ]  # fmt: skip


def test_terms_of_employment_and_hours_are_no_unknown_skills() -> None:
    role = read_job(
        b"Requirements\n- Start ASAP, overlap with EST or PST hours, W2 or C2C (no H1B).\n"
        b"- 5+ years of Python.\n- Experience with Zorblib or similar tools.\n",
        name="posting.txt",
    )
    assert [t.term for t in role.unrecognised] == ["Zorblib"]


def test_an_item_that_opens_with_how_well_one_knows_a_name_asks_for_it() -> None:
    # "Go" and "Rust" are ambiguous: "Strong" opening an item frames them as "knowledge of" does.
    found = requirements("Requirements\n- Strong Go or Rust\n1. Solid Scala\n- Python\n")
    assert found == {("go", "rust"): "required", ("scala",): "required", ("python",): "required"}
    # Not inside a sentence, nor before a hyphenated phrase.
    found = requirements(
        "About us\nWe have a strong Go culture.\n\nRequirements\n- Python\n"
        "- Strong Go-to-market sense\n"
    )
    assert found == {("python",): "required"}


def test_an_ambiguous_name_after_years_of_is_asked_for() -> None:
    found = requirements("Requirements\n- Python\n- 3+ years of Scala\n- 2 years of Go.\n")
    assert found == {("python",): "required", ("scala",): "required", ("go",): "required"}
    found = requirements("Requirements\n- Python\n- 5 years of Go-to-market work\n")
    assert found == {("python",): "required"}


def test_a_stack_label_among_the_requirements_gives_preferred_items() -> None:
    posting = (
        "Must-haves\n- Python and SQL.\n\nTools we use: Airflow, Databricks, Metaflow3.\n\n"
        "Nice-to-haves\n- Docker.\n"
    )
    found = requirements(posting)
    assert found[("airflow",)] == "preferred" and found[("databricks",)] == "preferred"
    assert found[("python",)] == "required"
    role = read_job(posting.encode(), name="posting.txt")
    assert [(t.term, t.importance) for t in role.unrecognised] == [("Metaflow3", "preferred")]


def test_an_adjective_of_know_how_introduces_unknown_names() -> None:
    role = read_job(
        b"Requirements\n- Python.\n- Proficient in Salesforce, Gong and Outreach.\n"
        b"- Hands-on with Zorblib.\n- Proficient in communicating results.\n",
        name="posting.txt",
    )
    assert [t.term for t in role.unrecognised] == ["Salesforce", "Gong", "Outreach", "Zorblib"]


def test_a_line_outside_any_section_that_passes_a_verdict_lists_unknown_names() -> None:
    # A table with no heading over it: a row that says "nice to have" asks by its own words.
    role = read_job(
        b"Speech engineer\n\n| Skill | Level |\n|---|---|\n| Python | required |\n"
        b"| PyTorch | required |\n| WaveKit | nice to have |\n\n"
        b"About us: our stack is BlipDB and Python.\n",
        name="posting.txt",
    )
    assert [(t.term, t.importance) for t in role.unrecognised] == [("WaveKit", "preferred")]


NURSING = (
    "Registered Nurse, Hospice\n\nRequirements\n- Current RN license and BLS certification.\n"
    "- Bachelor's degree in Nursing.\n- Excellent communication skills.\n"
    "- Ability to collaborate with physicians, patients and families.\n"
    "- Experience with wound care, care planning and patient assessment.\n"
)


def _nursing_role(tmp_path: Path) -> tuple[Path, Path]:
    posting = tmp_path / "nurse.txt"
    posting.write_text(NURSING, encoding="utf-8")
    resume = tmp_path / "resume.txt"
    resume.write_text("Skills\nPython, PyTorch, communication\n", encoding="utf-8")
    return posting, resume


def test_an_off_domain_posting_carries_a_warning_in_every_format(tmp_path: Path) -> None:
    posting, resume = _nursing_role(tmp_path)
    role: Role = read_job(posting)
    assert any("outside" in w for w in role.warnings)
    outputs = {}
    for output in ("table", "json", "jsonl", "markdown", "github"):
        result = runner.invoke(app, ["analyze", str(resume), "--job", str(posting), "-f", output])
        assert result.exit_code in (ExitCode.OK, ExitCode.THRESHOLD_FAILED), result.stderr
        outputs[output] = result.stdout
    [job] = json.loads(outputs["json"])["roles"]
    assert job["warnings"] == list(role.warnings)
    assert json.loads(outputs["jsonl"])["roles"][0]["warnings"] == list(role.warnings)
    assert "warning: most of the posting's requirements are outside" in outputs["table"]
    assert "> **Warning:** most of the posting's requirements are outside" in outputs["markdown"]
    assert "::warning file=" in outputs["github"] and "outside the ML" in outputs["github"]
    for output in ("table", "json", "markdown"):
        ranked = runner.invoke(app, ["compare", str(resume), "--job", str(posting), "-f", output])
        assert "outside the ML" in ranked.stdout, output


def test_etl_pipelines_earn_half_of_a_data_engineering_requirement() -> None:
    role = read_job(b"Requirements\n- 5+ years of data engineering.\n", name="posting.txt")
    resume = b"Experience\n- Built ETL pipelines into the data warehouse with Hive.\n"
    [requirement] = analyze(resume, name="r.txt", job=role).roles[0].requirements
    assert requirement.credit == 0.5 and requirement.adjacent == ["etl"]


def test_every_requirement_read_is_listed_met_or_not(tmp_path: Path) -> None:
    """The reading can be checked: Markdown folds every requirement with its line and whether
    it is met; the table lists them with --details and says where to find them without."""
    posting = tmp_path / "posting.md"
    posting.write_text("Requirements\n- Python and Kubernetes.\n\nNice to have\n- Docker.\n")
    resume = tmp_path / "resume.txt"
    resume.write_text("Skills\nPython\n")
    markdown = runner.invoke(app, ["analyze", str(resume), "--job", str(posting), "-f", "markdown"])
    assert "<summary>Requirements read from the posting (3)</summary>" in markdown.stdout
    assert "| Python | required | yes | line 2: Python and Kubernetes. |" in markdown.stdout
    assert "| Docker | preferred | no | line 5: Docker. |" in markdown.stdout
    # A gap says where the posting asks for it, as the table does.
    assert "The posting: line 2: Python and Kubernetes." in markdown.stdout
    details = runner.invoke(app, ["analyze", str(resume), "--job", str(posting), "--details"])
    assert "Requirements read from the posting (3):" in details.stdout
    assert "Python [required]: met  line 2" in details.stdout
    plain = runner.invoke(app, ["analyze", str(resume), "--job", str(posting)])
    assert "all 3 requirements read from the posting, met or not: --details" in plain.stdout
    assert "Requirements read from the posting (3):" not in plain.stdout


def test_an_ml_posting_carries_no_warning() -> None:
    role = read_job(
        b"Requirements\n- Python and PyTorch.\n- Experience with Kubernetes and MLflow.\n"
        b"- Strong statistics.\n",
        name="posting.txt",
    )
    assert role.warnings == ()


def test_a_posting_with_few_known_skills_warns() -> None:
    role = read_job(b"Requirements\n- Experience with Python.\n", name="posting.txt")
    assert role.warnings and "only 1 skill" in role.warnings[0]


def test_a_hostile_posting_line_is_read_whole() -> None:
    """Thousands of unknown names on one line are each listed once; nested parentheses of
    skills do not recurse without end."""
    names = ", ".join(f"Tool{n}X" for n in range(5000))
    role = read_job(f"Requirements\n- Python, {names}\n".encode(), name="posting.txt")
    assert len(role.unrecognised) == 5000 and role.unrecognised[-1].term == "Tool4999X"
    assert any("unknown to skillgap" in w for w in role.warnings)
    nested = " (".join(["Python", "SQL", "Docker"] * 700)
    found = requirements(f"Requirements\n- {nested}\n")
    assert {skill for group in found for skill in group} == {"python", "sql", "docker"}


def test_a_skill_that_names_a_team_or_colleagues_asks_for_nothing() -> None:
    found = requirements(
        "What you'll do\n- Partner with our MLOps team and the NLP Research Team.\n"
        "- Review code with software engineers, data scientists and researchers.\n"
        "- Train models in PyTorch.\n\nRequirements\n- Experience with MLOps.\n"
    )
    assert found == {
        ("collaboration",): "preferred",  # partnering with a team is collaboration
        ("pytorch",): "preferred",
        ("model-deployment",): "required",
    }


def test_the_companys_own_product_asks_for_nothing_but_its_tools_do() -> None:
    found = requirements(
        "What you'll do\n- Shape the future of Acme's AI platform.\n"
        "- Build software similar to github.com/acme/server.\n"
        "- Scale our ML infrastructure.\n- Deploy models on our Kubernetes clusters.\n"
        "- Improve our recommendation systems.\n\n"
        "Requirements\n- Experience with Python.\n"
    )
    assert found == {
        ("ml-platform",): "preferred",  # the candidate will scale it
        ("model-deployment",): "preferred",
        ("kubernetes",): "preferred",
        ("recommender-systems",): "preferred",
        ("python",): "required",
    }


def test_a_name_that_begins_inside_a_longer_one_is_not_read() -> None:
    found = requirements(
        "Requirements\n- Proficient in Markov Chain Monte Carlo methods and SQL.\n"
    )
    assert found == {("bayesian-methods",): "required", ("sql",): "required"}


def test_everyday_senses_of_skill_names_in_duties_ask_for_nothing() -> None:
    found = requirements(
        "What you'll do\n- Keep up with the field through continual learning.\n"
        "- Build tools to help label data.\n- Run product safety evaluations.\n\n"
        "Requirements\n- Python, CNTK, SQL.\n- Familiar with WnB and MLflow.\n"
    )
    assert found == {
        ("python",): "required",
        ("other-dl-frameworks",): "required",
        ("sql",): "required",
        ("weights-and-biases",): "required",
        ("mlflow",): "required",
    }


def test_roles_named_as_alternatives_are_one_requirement_and_an_item_may_say_more() -> None:
    found = requirements(
        "What you'll do\n- Experience building systems as a DevOps Engineer or Data Engineer."
        " GCP experience preferred.\n- Train models in PyTorch.\n"
    )
    assert found == {
        ("devops", "data-engineering"): "required",
        ("gcp",): "preferred",
        ("pytorch",): "preferred",
    }


def test_product_names_one_letter_from_a_skill_are_no_misspellings_of_it() -> None:
    found = requirements(
        "Requirements\n- Lead author of an accepted paper.\n- Python, Google Ads and PostgresML.\n"
    )
    assert found == {("publications",): "required", ("python",): "required"}
    published = requirements("Preferred\n- Published research.\n- Python.\n")
    assert published == {("publications",): "preferred", ("python",): "preferred"}


def test_a_paragraph_about_the_role_asks_only_through_what_it_says_of_the_candidate() -> None:
    found = requirements(
        "The Opportunity\nThe research team works across CV and NLP. Its agenda shapes Acme's "
        "product. You will train models in PyTorch. This individual will analyze large datasets"
        " using SQL. Your day includes Apache Airflow.\n\n"
        "What you'll do\n- Own projects end to end. Engage in planning and code reviews.\n\n"
        "Requirements\n- Python.\n"
    )
    assert found == {
        ("pytorch",): "preferred",
        ("sql",): "preferred",
        ("airflow",): "preferred",
        ("code-review",): "preferred",
        ("python",): "required",
    }


def test_an_abbreviation_ends_no_sentence() -> None:
    found = requirements(
        "Requirements\n- Python.\n- Experience with tools such as Airflow, Dagster, etc. is a "
        "plus.\n"
    )
    assert found == {("python",): "required", ("airflow", "workflow-orchestration"): "preferred"}


def test_prose_among_the_requirements_asks_only_what_it_asks_of_the_candidate() -> None:
    found = requirements(
        "Requirements\n- Python.\n"
        "Acme serves thousands of teams. Think of it as a streaming data platform. It scales to"
        " petabytes. Candidates need SQL.\n"
    )
    assert found == {("python",): "required", ("sql",): "required"}


def test_a_posting_with_data_skills_but_almost_no_ml_skill_carries_a_warning() -> None:
    marketing = read_job(
        b"Requirements\n- Bachelor's degree in Marketing or Economics.\n"
        b"- Experience with A/B testing and conversion optimization.\n"
        b"- Proficiency in data analysis tools (e.g., Google Analytics, SQL).\n"
        b"- Basic HTML/CSS.\n- Strong communication skills.\n",
        name="posting.txt",
    )
    assert [w for w in marketing.warnings if "is a machine-learning skill" in w]
    # The figures are those the user sees: the requirements listed, and the skills they name.
    listed = len(marketing.requirements)
    skills = len({s for r in marketing.requirements for s in r.any_of})
    assert listed != skills
    assert any(f"{skills} skills" in w and f"posting's {listed} requirements" in w
               for w in marketing.warnings)  # fmt: skip
    data_science = read_job(
        b"Requirements\n- SQL, statistics and A/B testing.\n- Experience with scikit-learn.\n",
        name="posting.txt",
    )
    assert data_science.warnings == ()


def test_llms_and_a_statistical_background_are_read_in_a_postings_words() -> None:
    found = requirements(
        "Requirements\n- Deploying LLMs in production.\n- A strong statistical background.\n"
    )
    assert found == {("model-deployment",): "required", ("llms",): "required",
                     ("statistics",): "required"}  # fmt: skip
    law = requirements("Requirements\n- An LLM from a law school.\n- Python.\n")
    assert law == {("python",): "required"}


def test_praise_and_interest_are_no_requirements_of_a_skill() -> None:
    found = requirements(
        "Requirements\n- Integrate cutting-edge AI technologies with Python.\n"
        "- Exposure or interest in finance.\n"
    )
    assert found == {("python",): "required", ("finance-domain",): "preferred"}


def test_model_training_is_no_misspelling_of_model_chaining() -> None:
    found = requirements(
        "Requirements\n- Experience with Model Training, Evaluation, and Versioning platforms:"
        " MLflow.\n- Generative model training.\n"
    )
    assert found == {("mlflow",): "required", ("machine-learning",): "required"}


def test_a_list_written_with_spaced_stops_is_no_paragraph() -> None:
    found = requirements(
        "Requirements\nKnowledge on C# . NET Framework and . NET Core T-SQL ( MS SQL Server) "
        "Object-Oriented Design .\n"
    )
    assert ("sql",) in found and found[("sql",)] == "required"


def test_llms_in_the_plural_and_version_controlling_are_read() -> None:
    found = requirements(
        "Preferred\n- Experience with LLMs for non conversational use cases.\n"
        "- Familiarity with version controlling.\n"
    )
    assert found == {("llms",): "preferred", ("git",): "preferred"}


def test_the_label_of_a_list_is_no_requirement_but_its_items_are() -> None:
    found = requirements(
        "Requirements\n* Devops: Docker, Conda\n* ML Domains: Vision Language Models, LLMs\n"
        "* Machine learning: you know it well.\n"
    )
    assert found == {
        ("docker",): "required",
        ("python-environments",): "required",
        ("vision-language-models",): "required",
        ("llms",): "required",
        ("machine-learning",): "required",
    }


def test_algorithmic_efficiency_is_data_structures_and_algorithms() -> None:
    found = requirements("Requirements\n- You can reason about algorithmic efficiency.\n")
    assert found == {("data-structures-algorithms",): "required"}


def test_leading_a_team_of_a_field_asks_for_the_field() -> None:
    found = requirements("Requirements\n- Experience leading machine learning teams.\n")
    assert found == {("machine-learning",): "required", ("collaboration",): "required"}


def test_a_skill_with_its_own_details_after_a_colon_is_no_label() -> None:
    found = requirements("Requirements\n- Python: 3+ years, mostly with pandas.\n")
    assert found == {("python",): "required", ("pandas",): "required"}


def test_prose_requirements_that_speak_to_the_reader_ask() -> None:
    found = requirements(
        "Requirements\nWe love data here. Python and SQL are your daily tools. Kafka runs"
        " our pipelines.\n"
    )
    assert found == {("python",): "required", ("sql",): "required"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Examples the taxonomy files under the skill before them are that skill's examples.
        ("Knowledge of statistics (i.e. hypothesis testing, regression).",
         {("statistics", "regression")}),
        # Parentheses end where they close: what follows is a requirement of its own.
        ("Familiarity with GPU kernels (CUDA, Triton) and quantization (AWQ, GPTQ).",
         {("gpu-kernels", "cuda", "triton-kernels"), ("quantization",)}),
        ("Strong ML fundamentals (e.g. PyTorch or JAX) and Docker.",
         {("machine-learning",), ("pytorch", "jax"), ("docker",)}),
        # A phrase of several skills names the kind of the examples after it.
        ("Experience training on multi-node GPU clusters (FSDP, DeepSpeed, Megatron-LM).",
         {("distributed-training", "gpu-computing", "fsdp", "deepspeed", "megatron")}),
        # The same skill in parentheses is a detail, and the list goes on after it.
        ("Frameworks such as Hadoop (MapR), Spark, DASK etc.",
         {("hadoop", "apache-spark", "dask-ray")}),
    ],
)  # fmt: skip
def test_parentheses_hold_examples_up_to_where_they_close(
    sentence: str, expected: set[tuple[str, ...]]
) -> None:
    found = set(requirements(f"Requirements\n- {sentence}\n"))
    assert found == expected


def test_a_labelled_line_among_the_requirements_is_what_its_label_says() -> None:
    found = requirements(
        "What we're looking for\nYou know SQL inside out.\n"
        "Must have: Python; Docker.\nNice to have: causal inference; Streamlit dashboards.\n"
    )
    assert found[("python",)] == "required" and found[("docker",)] == "required"
    # The label holds for every sentence of its line, not only the first.
    assert found[("causal-inference",)] == "preferred"
    assert found[("web-frameworks",)] == "preferred"
    # A label of what the line is not ("Responsibilities:", "Salary:") holds there too.
    found = requirements(
        "Requirements\n- Python.\nResponsibilities: run Agile ceremonies in Jira.\n"
        "Salary: $150k plus a Coursera budget.\n- Docker.\n"
    )
    assert found == {("python",): "required", ("agile",): "preferred", ("docker",): "required"}


def test_a_last_clause_that_speaks_of_the_rest_makes_all_of_it_optional() -> None:
    found = requirements(
        "Requirements\n- Python.\n- We value experience with Kubernetes, but it is not required.\n"
        "- SQL and Spark, but Docker is optional.\n"
    )
    assert found[("kubernetes",)] == "preferred" and found[("docker",)] == "preferred"
    assert found[("sql",)] == "required" and found[("apache-spark",)] == "required"


def test_lower_case_spellings_of_tools_are_the_tools() -> None:
    found = requirements(
        "Requirements\n- Experience with tensorflow2 or jax.\n- Deploying on k8s with helm.\n"
        "- Comfortable with json, yaml and lucene.\n"
    )
    assert ("tensorflow", "jax") in found and ("kubernetes",) in found
    assert ("data-formats",) in found and ("search-engines",) in found


def test_cs_after_in_is_a_degree_s_field() -> None:
    found = requirements(
        "Requirements\n- Bachelor's degree in CS or equivalent experience.\n"
        "- BS in CS, Math or a related field.\n"
    )
    assert ("computer-science",) in found and ("computer-science", "mathematics") in found
    # Not a course code.
    assert "computer-science" not in {
        s for g in requirements("Requirements\n- CS 229.\n- Python.\n") for s in g
    }


def test_closed_parentheses_introduce_no_list_after_them() -> None:
    # On the next item, or after the parentheses have closed, "SQL and Spark" are two asks.
    for posting in (
        "You'll thrive if you know:\n- time series forecasting (Prophet, statsmodels)\n"
        "- SQL and Spark\n",
        "Requirements\n- Time series forecasting (Prophet, statsmodels), SQL and Spark.\n",
    ):
        found = requirements(posting)
        assert ("sql",) in found and ("apache-spark",) in found
        assert ("sql", "apache-spark") not in found


def test_the_fields_a_degree_may_be_in_are_one_requirement_met_by_the_degree() -> None:
    """An economist was told to "bring economics into an ML project" for a posting asking
    for a "Master's degree or PhD in Statistics, Economics, or a quantitative field"."""
    from skillgap.analysis import analyze

    posting = (
        "Requirements\n- Master's degree or PhD in Statistics, Economics, or a quantitative "
        "field.\n- Publications at top venues (e.g., CVPR, NeurIPS).\n"
        "- Large-scale training on multi-node GPU clusters (FSDP, DeepSpeed).\n"
    )
    found = requirements(posting)
    assert ("statistics", "economics") in found and ("statistics",) not in found
    assert ("publications", "research-venues") in found and ("publications",) not in found
    assert ("distributed-training",) not in found  # the kind of the examples that follow
    role = read_job(posting.encode(), name="posting.txt")
    resume = b"Education\nM.A. in Economics, Columbia University, 2019\n"
    [result] = analyze(resume, name="cv.txt", job=role).roles
    fields = next(r for r in result.requirements if r.any_of == ["statistics", "economics"])
    assert fields.credit == 1  # the degree's field, not coursework


def test_years_go_to_the_skill_they_are_said_of() -> None:
    """Found in a review: both requirements took the smaller figure of the sentence."""
    posting = "Requirements\n- 5+ years of experience in software engineering, 3+ years in ML.\n"
    years = {r.any_of: r.years for r in read_job(posting.encode(), name="p.txt").requirements}
    assert years == {("computer-science",): 5, ("machine-learning",): 3}
    one = "Requirements\n- Python and SQL (3+ years).\n"
    assert {r.years for r in read_job(one.encode(), name="p.txt").requirements} == {3}


@pytest.mark.parametrize(
    ("posting_line", "degree", "met"),
    [
        # An open list ("or a related quantitative field"): a kindred field meets it.
        ("Bachelor's degree in Computer Science, Statistics, or a related quantitative field",
         "B.S. in Physics, University of Texas, 2018", True),
        ("BS/MS in Computer Science, Mathematics or similar technical discipline",
         "M.Sc. in Electrical Engineering, TU Delft, 2020", True),
        # ... but not any field at all.
        ("Bachelor's degree in Computer Science, Statistics, or a related quantitative field",
         "B.A. in History, University of Texas, 2018", False),
        # A closed list names the fields it accepts.
        ("Bachelor's degree in Computer Science or Statistics",
         "B.S. in Physics, University of Texas, 2018", False),
    ],
)  # fmt: skip
def test_an_open_list_of_fields_is_met_by_a_degree_in_a_kindred_field(
    posting_line: str, degree: str, met: bool
) -> None:
    role = read_job(f"Requirements\n- {posting_line}.\n".encode(), name="posting.txt")
    resume = f"Education\n{degree}\n\nExperience\nAnalyst, Acme: wrote Python scripts.\n"
    [result] = analyze(resume.encode(), name="cv.txt", job=role).roles
    [fields] = [r for r in result.requirements if "computer-science" in r.any_of]
    assert fields.met is met and fields.credit == (1.0 if met else 0.0)
    assert ("or a related field" in fields.name) is (
        "similar" in posting_line or "related" in posting_line
    )
    if met:
        assert (
            fields.shown_by is not None and degree.split(" in ")[1].split(",")[0] in fields.shown_by
        )


def test_a_closed_list_of_fields_is_decided_by_the_degree_not_by_skills_elsewhere() -> None:
    """Found in a new-user review: "MS in Computer Science, Machine Learning or Electrical
    Engineering" was met by a physicist's ML work."""
    role = read_job(
        b"Requirements\n- MS in Computer Science, Machine Learning or Electrical Engineering.\n",
        name="posting.txt",
    )
    work = "\n\nExperience\nML engineer: trained deep learning models in PyTorch.\n"

    def fields(education: str) -> RequirementResult:
        [result] = analyze((education + work).encode(), name="cv.txt", job=role).roles
        return next(r for r in result.requirements if "computer-science" in r.any_of)

    physics = fields("Education\nM.Sc. in Physics, ETH Zurich, 2019")
    assert physics.credit == 0 and physics.note is not None and "Physics" in physics.note
    assert fields("Education\nM.Sc. in Electrical Engineering, TU Delft, 2019").credit == 1
    assert fields("Education\nM.Sc., ETH Zurich, 2019").credit == 1  # no field stated: skills


def test_or_equivalent_experience_gives_work_experience_half_the_degree() -> None:
    """Found in a new-user review: a senior ML engineer without a degree had full gaps for
    "Bachelor's degree in Computer Science or equivalent practical experience"."""
    posting = (
        b"Requirements\n- Bachelor's degree in Computer Science or equivalent practical "
        b"experience.\n- Python.\n"
    )
    role = read_job(posting, name="posting.txt")
    worked = "Experience\nSenior ML Engineer, Acme (2014-2024): built models in Python.\n"
    [result] = analyze(worked.encode(), name="cv.txt", job=role).roles
    relaxed = [r for r in result.requirements if r.id != "python"]
    assert relaxed and all(
        r.credit == 0.5 and "equivalent experience" in (r.note or "") for r in relaxed
    )
    # Without "or equivalent experience", no degree is no degree.
    strict = read_job(
        b"Requirements\n- Bachelor's degree in Computer Science.\n- Python.\n", name="p.txt"
    )
    [result] = analyze(worked.encode(), name="cv.txt", job=strict).roles
    assert all(r.credit == 0 for r in result.requirements if r.id != "python")


def test_a_name_listed_with_the_companys_other_products_is_one_of_them() -> None:
    text = "Responsibilities\n- Integrate AI into Marketplace and our other products.\n"
    role = read_job(f"{text}Requirements\n- Python.\n".encode(), name="posting.txt")
    assert [r.any_of for r in role.requirements] == [("python",)]
    role = read_job(b"Requirements\n- Experience with marketplaces and Python.\n", name="p.txt")
    assert ("ecommerce-domain",) in [r.any_of for r in role.requirements]


def test_a_pattern_of_words_that_begins_inside_a_name_is_still_read() -> None:
    # "Cloud deployment" is cloud computing; "deployment of ML systems" is model deployment.
    role = read_job(b"Requirements\n- Cloud deployment of ML systems.\n", name="posting.txt")
    found = {r.any_of: r.importance for r in role.requirements}
    assert found[("cloud-computing",)] == "required"
    assert found[("model-deployment",)] == "required"


def test_a_tool_named_with_the_companys_tools_is_still_asked() -> None:
    role = read_job(b"Requirements\n- Experience with Kubernetes and our tools.\n", name="p.txt")
    assert ("kubernetes",) in [r.any_of for r in role.requirements]


@pytest.mark.parametrize(
    "tools",
    [
        "MLflow",
        "Weights & Biases and experiment tracking",
        "energy forecasting models for power grids",
    ],
)
def test_an_mlops_posting_whose_only_ml_skill_is_a_tracking_tool_carries_no_warning(
    tools: str,
) -> None:
    # Kubernetes, Terraform and Prometheus are no ML skills; MLflow, its kind and an
    # application of ML ("energy-ml") are.
    role = read_job(
        "Senior MLOps Engineer\n\nRequirements\n- Strong Python\n- Production Kubernetes\n"
        f"- Terraform\n- Prometheus\n- Experience with {tools}\n".encode(),
        name="posting.txt",
    )
    assert role.warnings == (), role.warnings


def test_a_cook_is_no_chef_of_infrastructure_as_code() -> None:
    found = requirements(
        "Requirements\n- 5+ years as Sous Chef or Head Chef\n- Experience with Chef and Terraform\n"
    )
    assert found == {("infrastructure-as-code",): "required"}
    assert requirements("Requirements\n- 5+ years as Sous Chef or Head Chef\n- Python\n") == {
        ("python",): "required"
    }


@pytest.mark.parametrize(
    "item",
    [
        "Strong publication record in machine learning",
        "Track record of publications at top ML venues",
        "A strong publication record",
    ],
)
def test_a_publication_record_is_asked_for(item: str) -> None:
    # New-user review: these gave no publications requirement, so a resume with no paper
    # scored 100 against a research posting.
    assert ("publications",) in requirements(f"Requirements\n- {item}\n- Python\n")


def test_models_deployed_to_edge_devices_are_no_iot_system() -> None:
    found = requirements("Requirements\n- Experience deploying models to edge devices\n")
    assert ("iot",) not in found, found
    assert requirements("Requirements\n- Experience with IoT and edge devices\n") == {
        ("iot",): "required"
    }

"""Alternatives in job postings (issue 15 part 1), red-teamed on made-up requirement items
the reader had never seen: how lists of examples, "or" lists and shared kinds are grouped."""

from __future__ import annotations

from skillgap.analysis import read_job


def requirements(text: str) -> dict[tuple[str, ...], str]:
    role = read_job(text.encode(), name="posting.txt")
    return {r.any_of: r.importance for r in role.requirements}


def test_e_g_with_a_comma_after_it_still_introduces_examples() -> None:
    # "e.g.," read as the name of an unknown item had joined the kind to its first example.
    found = requirements(
        "Requirements\n- Experience with experiment tracking tools e.g., MLflow, Neptune.\n"
    )
    assert found == {("experiment-tracking", "mlflow"): "required"}


def test_names_slashed_before_a_kind_noun_are_that_kind_with_its_examples() -> None:
    found = requirements(
        "Requirements\n- Experience with JavaScript/TypeScript frameworks such as React or Vue.\n"
    )
    assert found == {("typescript", "javascript", "web-frameworks"): "required"}


def test_names_and_joins_before_a_kind_noun_stay_two_and_share_the_examples() -> None:
    # "SQL and NoSQL databases": two requirements; Postgres is an example of SQL only.
    found = requirements(
        "Requirements\n- Experience with SQL and NoSQL databases (e.g. Postgres, Cassandra).\n"
    )
    assert found == {("sql",): "required", ("nosql",): "required"}


def test_a_list_closed_by_and_similar_or_and_other_kinds_is_one_requirement() -> None:
    for closer in ("and similar technologies", "and related tools", "and other container tools"):
        found = requirements(f"Requirements\n- Experience with Docker, Kubernetes {closer}.\n")
        assert found == {("docker", "kubernetes"): "required"}, closer
    # "and other" before people, not a kind of things, closes no list.
    found = requirements("Requirements\n- Work with Python and SQL and other engineers.\n")
    assert found == {("python",): "required", ("sql",): "required"}


def test_a_list_item_going_on_indented_on_the_next_line_is_one_item() -> None:
    # The document is not wrapped at a width: the indent under the bullet says it goes on.
    found = requirements(
        "Requirements\n- Experience with workflow managers such as Airflow,\n"
        "  Luigi or Kubeflow Pipelines.\n- SQL\n"
    )
    assert found == {("airflow", "workflow-orchestration", "kubeflow"): "required",
                     ("sql",): "required"}  # fmt: skip
    # A line that ends its sentence, or one not indented under the bullet, is no part of it.
    found = requirements("Requirements\n- Python.\n  Docker\n- Go or Rust,\nKubernetes\n")
    assert ("python", "docker") not in found and ("kubernetes",) in found, found


def test_a_cue_after_the_last_of_an_either_or_list_speaks_of_the_whole_list() -> None:
    found = requirements(
        "Requirements\n- Experience with Snowflake, Databricks, and/or BigQuery preferred.\n"
    )
    assert found == {("snowflake", "databricks", "bigquery"): "preferred"}
    found = requirements(
        "Requirements\n- Python and SQL required; Spark, Hive, or Presto a plus.\n"
    )
    assert found == {("python",): "required", ("sql",): "required",
                     ("apache-spark", "hive"): "preferred"}  # fmt: skip
    # After "and", the cue still speaks of the last item alone.
    found = requirements("Requirements\n- Python and Spark, Scala a plus.\n")
    assert found == {("python",): "required", ("apache-spark",): "required",
                     ("scala",): "preferred"}  # fmt: skip


def test_or_after_a_kind_and_its_examples_in_parentheses_goes_on_with_them() -> None:
    found = requirements(
        "Requirements\n- Experience with AWS (SageMaker, Lambda) or equivalent cloud services.\n"
    )
    assert found == {("aws", "sagemaker", "serverless", "cloud-computing"): "required"}
    found = requirements("Requirements\n- Experience with AWS (SageMaker) and GCP (Vertex AI).\n")
    assert found == {("aws", "sagemaker"): "required", ("gcp", "vertex-ai"): "required"}


def test_and_after_the_or_that_closes_a_list_of_examples_begins_the_next_requirement() -> None:
    found = requirements(
        "Requirements\n- Experience with cloud platforms such as AWS, Azure or GCP, and Linux.\n"
    )
    assert found == {("cloud-computing", "aws", "azure", "gcp"): "required",
                     ("linux",): "required"}  # fmt: skip


def test_an_aside_that_opens_with_or_goes_on_with_the_list_before_it() -> None:
    found = requirements(
        "Requirements\n- Experience with MLflow or W&B (or similar experiment tracking).\n"
    )
    assert found == {("mlflow", "weights-and-biases", "experiment-tracking"): "required"}


def test_we_would_like_you_to_addresses_the_candidate() -> None:
    # The sentence spoke of "we", so it was read as the company's own stack: nothing asked.
    found = requirements("Requirements\n- We'd like you to know Python or R.\n")
    assert found == {("python", "r"): "required"}


def test_an_aside_naming_no_skill_does_not_break_an_or_list() -> None:
    found = requirements("Requirements\n- Experience with PyTorch (Lightning) or TensorFlow.\n")
    assert found == {("pytorch", "tensorflow"): "required"}

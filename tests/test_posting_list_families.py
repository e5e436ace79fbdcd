"""Families of list wording that split one "any of" requirement apart (issue 15 part 1),
each checked on made-up requirement items in several phrasings."""

from __future__ import annotations

from skillgap.analysis import read_job


def requirements(*items: str) -> set[frozenset[str]]:
    text = "Requirements\n" + "".join(f"- {item}\n" for item in items)
    role = read_job(text.encode(), name="posting.txt")
    return {frozenset(r.any_of) for r in role.requirements}


def test_examples_in_parentheses_run_to_the_parenthesis_that_closes_them() -> None:
    # A parenthesis inside the examples had ended them: what came after was asked apart.
    found = requirements(
        "Experience with scientific computing packages (Hugging Face ecosystem "
        "(Transformers, PEFT), DeepSpeed, PyTorch, NumPy)."
    )
    assert found == {frozenset({"scientific-computing", "hugging-face", "transformer-models",
                                "peft", "deepspeed", "pytorch", "numpy"})}  # fmt: skip
    found = requirements("Experience with cloud platforms (AWS (EC2, S3), GCP) and Docker.")
    assert found == {frozenset({"cloud-computing", "aws", "gcp"}), frozenset({"docker"})}
    found = requirements("Experience with Python libraries (NumPy (incl. SciPy), pandas), and Git.")
    assert found == {frozenset({"python", "numpy", "scipy", "pandas"}), frozenset({"git"})}
    # No kind the taxonomy knows before the parentheses: they are one list of examples still.
    found = requirements("Experience with scientific packages (NumPy (incl. SciPy), pandas).")
    assert found == {frozenset({"numpy", "scipy", "pandas"})}


def test_what_follows_the_closing_parenthesis_is_no_example() -> None:
    found = requirements(
        "Experience with NLP libraries (e.g. spaCy, Hugging Face (Transformers)), and Kubernetes."
    )
    assert frozenset({"kubernetes"}) in found, found
    assert all("kubernetes" not in group or len(group) == 1 for group in found), found


def test_a_list_a_lead_introduces_inside_its_sentence_is_one_requirement() -> None:
    # Names the taxonomy does not know between the items had cut the list into pieces.
    for lead in ("Experience in one or more of the following areas:", "Familiarity with any of:",
                 "At least one of the following research topics:"):  # fmt: skip
        found = requirements(
            f"{lead} reaction pathway design, reinforcement learning, bandit feedback, active "
            "learning, space exploration, knowledge graphs, crystal packing"
        )
        assert found == {frozenset({"reinforcement-learning", "active-learning",
                                    "knowledge-graphs"})}, lead  # fmt: skip


def test_a_lead_of_alternatives_speaks_only_of_its_own_list() -> None:
    # The next sentence, or ", and" after the "or" that closed the list, asks apart.
    found = requirements("Familiarity with any of the following: Kafka, Flink. Also Docker.")
    assert found == {frozenset({"kafka", "flink"}), frozenset({"docker"})}
    found = requirements("At least one of: Python, Go, or Scala, and Docker.")
    assert found == {frozenset({"python", "go", "scala"}), frozenset({"docker"})}


def test_semicolons_set_off_the_items_of_a_list_of_alternatives() -> None:
    for items in ("PyTorch; TensorFlow; JAX", "PyTorch; TensorFlow; or JAX"):
        found = requirements(f"Experience in one or more of: {items}.")
        assert found == {frozenset({"pytorch", "tensorflow", "jax"})}, items
    # A clause after the last item is a sentence of its own.
    found = requirements("Knowledge of any of: Go, Rust, or C++; Kubernetes is a plus.")
    assert found == {frozenset({"go", "rust", "cpp"}), frozenset({"kubernetes"})}


def test_a_name_slashed_to_a_known_one_is_an_item_of_the_list() -> None:
    # "FasterTransformer/" (a name the taxonomy does not know) had broken the list in two.
    for items in ("vLLM, FasterTransformer/TensorRT-LLM, Triton Inference Server",
                  "vLLM, TensorRT-LLM, Caffe2/Triton Inference Server"):  # fmt: skip
        found = requirements(f"Experience with LLM serving tools such as {items}.")
        assert len(found) == 1, (items, found)
    found = requirements("Experience with ONNX, FasterTransformer/TensorRT-LLM, or vLLM.")
    assert found == {frozenset({"onnx", "tensorrt-llm", "vllm"})}


def test_a_slash_joins_two_names_not_the_list_they_stand_in() -> None:
    # "Python, C/C++, and SQL" had been one requirement: the slash was read as "or".
    found = requirements("Experience with Python, C/C++, and SQL.")
    assert found == {frozenset({"python"}), frozenset({"c", "cpp"}), frozenset({"sql"})}
    found = requirements("Experience with Python, Java, or C/C++.")
    assert found == {frozenset({"python", "java", "c", "cpp"})}
    found = requirements("Experience with PyTorch, TensorFlow/JAX.")
    assert found == {frozenset({"pytorch"}), frozenset({"tensorflow", "jax"})}


def test_a_kind_noun_both_names_share_keeps_them_one_list() -> None:
    # "RAG pipelines and/or agent frameworks": the noun after the first name broke the list.
    for joiner in ("and/or", "and or", "or"):
        found = requirements(f"Experience with RAG pipelines {joiner} agent frameworks.")
        assert found == {frozenset({"rag", "ai-agents"})}, joiner
    # "And" still makes two, and the shared noun does not hide it.
    found = requirements("Experience with RAG pipelines and LangChain or LlamaIndex.")
    assert found == {frozenset({"rag"}), frozenset({"langchain"})}
    found = requirements("Experience with SQL databases and NoSQL databases.")
    assert found == {frozenset({"sql"}), frozenset({"nosql"})}


def test_a_list_right_after_a_kind_noun_gives_examples_of_it() -> None:
    found = requirements("Knowledge of different training techniques SFT, DPO, PPO.")
    assert len(found) == 1, found
    found = requirements("Familiarity with deep learning architectures RNNs, transformers.")
    assert found == {frozenset({"deep-learning", "transformer-models"})}
    # A label at the start of the line names no kind of the items: they are asked apart.
    found = requirements("Frameworks PyTorch, Docker, SQL")
    assert len(found) == 3, found


def test_or_other_and_a_few_words_before_the_kind_close_the_list() -> None:
    found = requirements("Experience with MLflow or other tools for experiment tracking.")
    assert found == {frozenset({"mlflow", "experiment-tracking"})}
    # The kind is the skill its words name ("applications built on LLMs"), not the broader
    # "LLMs" inside them.
    found = requirements("Experience with RAG or other applications built on LLMs.")
    assert found == {frozenset({"rag", "llm-applications"})}
    # After an aside that closes with the name again ("... (RAG) or other ...").
    found = requirements(
        "Experience with Retrieval-Augmented Generation (RAG) or other applications "
        "leveraging Large Language Models."
    )
    assert found == {frozenset({"rag", "llm-applications"})}
    # "And" in the words between ends the list.
    found = requirements("Experience with Python or other languages and SQL.")
    assert found == {frozenset({"python"}), frozenset({"sql"})}

"""A red-team table of made-up list sentences (issue 15 part 1): which named skills a
recruiter reads as one requirement met by any of them, and which as requirements apart.

Each row gives the parts a sentence's skills fall in: the skills of one part stand in one
requirement, and skills of two parts never do. Skills of a kind named before its examples
("cloud platforms such as") may join a part; they are not listed."""

from __future__ import annotations

import pytest

from skillgap.analysis import read_job

#: (sentence, its parts): "a|b" is one requirement met by either, parts apart are separate.
TABLE = [
    # Grouped: one requirement.
    ("Proficiency in Python or Java.", "python|java"),
    ("Experience with PyTorch/TensorFlow.", "pytorch|tensorflow"),
    ("Experience with Snowflake and/or BigQuery.", "snowflake|bigquery"),
    ("Comfort with Java and/or Scala.", "java|scala"),
    ("Experience with either PyTorch or JAX.", "pytorch|jax"),
    ("Experience with data warehouses such as Snowflake, BigQuery, Redshift.",
     "snowflake|bigquery|redshift"),
    ("Familiarity with orchestration tools, e.g. Airflow, Kubeflow.", "airflow|kubeflow"),
    ("Experience with Docker, Kubernetes, or similar.", "docker|kubernetes"),
    ("Knowledge of Spark, Hadoop, etc.", "apache-spark|hadoop"),
    ("Experience with a cloud platform (AWS, GCP).", "aws|gcp"),
    ("Experience with at least one of Python, Java, Scala.", "python|java|scala"),
    ("Familiarity with any of the following: Kafka, Flink, Spark Streaming.",
     "kafka|flink|apache-spark"),
    ("Experience in one or more of: PyTorch; TensorFlow; JAX.", "pytorch|tensorflow|jax"),
    ("Experience with ML libraries (scikit-learn, PyTorch (incl. Lightning), XGBoost).",
     "scikit-learn|pytorch|xgboost"),
    ("Experience with LLM serving tools such as vLLM, FasterTransformer/TensorRT-LLM, Triton "
     "Inference Server.", "vllm|tensorrt-llm|model-serving-frameworks"),
    ("Experience with ONNX, FasterTransformer/TensorRT-LLM, or vLLM.", "onnx|tensorrt-llm|vllm"),
    ("Experience with vector databases and/or graph databases.",
     "vector-databases|graph-databases"),
    ("Experience with popular frameworks PyTorch, JAX, TensorFlow.", "pytorch|jax|tensorflow"),
    ("Experience with MLflow or other experiment tracking tools.", "mlflow|experiment-tracking"),
    ("Experience with MLflow or other tools for experiment tracking.",
     "mlflow|experiment-tracking"),
    ("Experience with Redshift or other cloud data warehouses like Snowflake.",
     "redshift|snowflake"),
    ("Experience with big data tools, for example Spark or Hive.", "apache-spark|hive"),
    ("Experience with languages like Go, Rust and C++.", "go|rust|cpp"),
    ("Experience in Python, R, or a similar language.", "python|r"),
    ("Experience with scikit-learn, XGBoost, LightGBM or comparable libraries.",
     "scikit-learn|xgboost|lightgbm"),
    ("Experience with PyTorch, TensorFlow, JAX, or other deep learning frameworks.",
     "pytorch|tensorflow|jax"),
    ("Experience with RAG pipelines and or agent frameworks.", "rag|ai-agents"),
    ("Experience with retrieval augmented generation solutions and/or multi-agent solutions.",
     "rag|multi-agent-systems"),
    ("Experience with scientific packages (NumPy (incl. SciPy), pandas).", "numpy|scipy|pandas"),
    ("Experience with RAG or other applications built on LLMs.", "rag|llm-applications"),
    ("Experience in at least one of the following areas: computer vision, NLP, speech "
     "recognition.", "computer-vision|nlp|speech-processing"),
    ("Experience in one or more of the following research areas: bandit feedback, "
     "reinforcement learning, crystal packing, active learning.",
     "reinforcement-learning|active-learning"),
    ("Experience with MLflow or W&B (or similar experiment tracking).",
     "mlflow|weights-and-biases"),
    ("Experience with Spark, Flink, or another distributed processing engine.",
     "apache-spark|flink"),
    ("Hands-on experience with Kubeflow, SageMaker or Vertex AI.", "kubeflow|sagemaker|vertex-ai"),
    ("Knowledge of training techniques such as SFT, DPO or RLHF.",
     "instruction-tuning|preference-optimization|rlhf"),
    ("Experience with container orchestration (Kubernetes, ECS, or Nomad).", "kubernetes|aws"),
    ("Deep knowledge of one major cloud provider - AWS, Azure or GCP.", "aws|azure|gcp"),
    ("Experience with Java, Kotlin, or equivalent JVM languages.", "java|kotlin"),
    ("Experience with experiment tracking tools (MLflow / Weights & Biases / Neptune).",
     "mlflow|weights-and-biases"),
    ("Experience in computer vision or NLP.", "computer-vision|nlp"),
    ("Proficient in any major programming language (Python, Java, C++).", "python|java|cpp"),
    ("Experience with PyTorch, JAX and/or TensorFlow.", "pytorch|jax|tensorflow"),
    ("Experience with GCP (BigQuery, Vertex AI) or AWS (Redshift, SageMaker).",
     "gcp|bigquery|aws|redshift"),
    # Apart, or partly apart.
    ("Solid grasp of SQL plus one scripting language (Python, Bash).", "sql python|shell"),
    ("Experience working with LLM APIs (OpenAI, Anthropic) and vector stores.",
     "llm-apis vector-databases"),
    ("Strong skills in Python; knowledge of C++ or CUDA is a plus.", "python cpp|cuda"),
    ("BI tools such as Tableau or Looker, and SQL.", "bi-tools sql"),
    ("Experience with relational databases (Postgres, MySQL) as well as NoSQL databases "
     "(MongoDB).", "sql nosql"),
    ("Experience with Docker & Kubernetes.", "docker kubernetes"),
    ("Use Python, SQL, and dbt daily.", "python sql dbt"),
    ("Experience with cloud platforms (AWS (EC2, S3), GCP) and Docker.", "aws|gcp docker"),
    ("Experience with Python and SQL.", "python sql"),
    ("Python, SQL and Spark.", "python sql apache-spark"),
    ("Experience with Docker and Kubernetes.", "docker kubernetes"),
    ("Strong Python, SQL, and Git skills.", "python sql git"),
    ("Experience with AWS; experience with Terraform.", "aws infrastructure-as-code"),
    ("Proficiency in Python as well as Java.", "python java"),
    ("Experience with machine learning, especially deep learning.",
     "machine-learning deep-learning"),
    ("Experience with Python (pandas, NumPy) and SQL.", "python pandas|numpy sql"),
    ("Knowledge of statistics, machine learning and data visualization.",
     "statistics machine-learning"),
    ("Experience with Docker and Kubernetes in production, and Terraform.",
     "docker kubernetes infrastructure-as-code"),
    ("Experience with Git, and CI/CD.", "git ci-cd"),
    ("Experience with Python and one of Java or Scala.", "python java|scala"),
    ("Experience with cloud platforms such as AWS or GCP, and with Docker.", "aws|gcp docker"),
    ("Experience with TensorFlow and PyTorch, as well as Kubernetes.",
     "tensorflow pytorch kubernetes"),
    ("Must know SQL and Python; Spark or Flink is a plus.", "sql python apache-spark|flink"),
    ("Experience with Python, C/C++, and SQL.", "python c|cpp sql"),
    ("Experience with PyTorch, TensorFlow/JAX.", "pytorch tensorflow|jax"),
    ("Experience with RAG pipelines and LangChain or LlamaIndex.", "rag langchain"),
    ("Experience with SQL databases and NoSQL databases.", "sql nosql"),
    ("Knowledge of any of: Go, Rust, or C++; Kubernetes is a plus.", "go|rust|cpp kubernetes"),
    ("Familiarity with any of the following: Kafka, Flink. Also Docker.", "kafka|flink docker"),
    ("At least one of: Python, Go, or Scala, and Docker.", "python|go|scala docker"),
    ("Experience with NLP libraries (e.g. spaCy, Hugging Face (Transformers)), and Kubernetes.",
     "hugging-face|transformer-models kubernetes"),
    ("Experience with Python or other languages and SQL.", "python sql"),
    ("Frameworks PyTorch, Docker, SQL", "pytorch docker sql"),
    ("Experience with Spark and Kafka, plus Terraform.",
     "apache-spark kafka infrastructure-as-code"),
    ("Experience building models and deploying them with Docker and Kubernetes.",
     "docker kubernetes"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "parts"), TABLE, ids=[row[0][:60] for row in TABLE])
def test_a_list_sentence_falls_in_the_requirements_a_recruiter_reads(
    sentence: str, parts: str
) -> None:
    role = read_job(f"Requirements\n- {sentence}\n".encode(), name="posting.txt")
    found = [set(r.any_of) for r in role.requirements]
    wanted = [set(part.split("|")) for part in parts.split()]
    for part in wanted:
        assert any(part <= requirement for requirement in found), (part, found)
    for index, part in enumerate(wanted):
        for other in wanted[index + 1 :]:
            shared = [r for r in found if r & part and r & other]
            assert not shared, (part, other, found)

"""Evaluation in a posting about LLMs is LLM evaluation: "build tools to create and curate
evaluation datasets", "implement comprehensive evaluation suites", "own our evals".

Alone, an evaluation suite or dataset is any model's (a credit-risk model's backtests are
evaluated too), so the matcher reads no skill in it. A posting that asks for LLMs, RAG,
agents or prompts builds its evaluations for them, and a recruiter reads them so. Evaluating
a model's performance stays model evaluation ("evaluate and assess model performance"):
only the things evaluations are made of (suites, datasets, frameworks, harnesses,
pipelines) and the bare "evals" are read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from skillgap.matching import Hit

_LLM_EVALUATION = "llm-evaluation"
#: Evaluation the matcher read already, at the place or around it.
_EVALUATION_IDS = frozenset({_LLM_EVALUATION, "model-evaluation"})
#: The skills that make a posting one about LLMs.
_LLM_SKILLS = frozenset(
    {"llms", "rag", "ai-agents", "multi-agent-systems", "llm-applications", "llm-apis",
     "prompt-engineering", "llm-fine-tuning", "open-weight-llms", "langchain"}
)  # fmt: skip
#: What evaluations are made of ("evaluation suites", "eval datasets"), and the bare "evals".
_EVALUATIONS = re.compile(
    r"\b(?:evaluation|eval)s?[ \t]+(?:suites?|data[ \t]?sets?|frameworks?|harness(?:es)?|"
    r"pipelines?|sets?|tooling|infrastructure)\b|\bevals\b",
    re.IGNORECASE,
)


def llm_evaluation_hits(text: str, hits: Sequence[Hit]) -> list[Hit]:
    """Hits of LLM evaluation for the evaluation suites, datasets... of a posting that asks
    for LLMs, where no evaluation was read already ("curate evaluation datasets" is also data
    curation)."""
    if not any(h.skill_id in _LLM_SKILLS for h in hits):
        return []
    found = []
    for match in _EVALUATIONS.finditer(text):
        start, end = match.span()
        if any(h.start < end and start < h.end for h in hits if h.skill_id in _EVALUATION_IDS):
            continue
        line = text.count("\n", 0, start) + 1
        found.append(
            Hit(_LLM_EVALUATION, start, end, match.group(), line, None, "rule", 0.8,
                "evaluation in a posting that asks for LLMs")
        )  # fmt: skip
    return found

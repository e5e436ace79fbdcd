"""A broad foundation named before tools: "distributed systems such as Hadoop, Spark etc."
asks for Hadoop or Spark, which a computer-science degree alone does not meet, so the tools
are no examples of the foundation. A foundation's topics ("mathematics (e.g. linear algebra,
probability)") stay its examples, and so do tools after a kind of tools the foundation's
words name ("statistical software such as R", "numerical libraries such as NumPy")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from skillgap.matching import Hit
from skillgap.taxonomy import Taxonomy

#: Categories of what a foundation's examples may be ("mathematics such as linear algebra").
_STUDIED = frozenset({"foundations", "ml-methods", "fields", "application-areas", "domains"})
#: Nouns that make the words before the examples a kind of tools ("statistical software").
_TOOL_KIND = re.compile(
    r"\b(software|librar(y|ies)|languages?|packages?|tools?|tooling|toolkits?|frameworks?|"
    r"platforms?|suites?)\b",
    re.IGNORECASE,
)


def foundation_of_tools(text: str, kind: Hit, examples: Sequence[Hit], taxonomy: Taxonomy) -> bool:
    """Whether ``kind`` is a broad foundation named before tools that are no examples of it."""
    if taxonomy.skills[kind.skill_id].category != "foundations" or not examples:
        return False
    if _TOOL_KIND.search(text, kind.start, examples[0].start):
        return False
    return not any(taxonomy.skills[h.skill_id].category in _STUDIED for h in examples)

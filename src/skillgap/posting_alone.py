"""A tool's ambiguous name alone on an item of a posting's requirements ("- Go", "- Spark",
"* Julia", "- R"): a posting's list of what it asks for names tools, so the name is the tool.

Only tools (languages, libraries, platforms), and only in a posting's required or preferred
section: a resume's "* Math" under "Lesson Plans" is no mathematics, and a field or soft skill
alone on an item ("- Vision") says too little.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from skillgap.matching import Hit
from skillgap.posting_lists import BULLET
from skillgap.posting_sections import Section
from skillgap.taxonomy import Taxonomy

#: Marks after the name on its item ("- Go;", "- Scala.").
_END = re.compile(r"[\s.;,]*$")


def alone_tool_hits(
    text: str, hits: Sequence[Hit], taxonomy: Taxonomy, sections: Sequence[Section]
) -> list[Hit]:
    """Hits for a tool's ambiguous form that is all of a bulleted item of a required or
    preferred section, where the matcher found no skill; ``sections``: each line's."""
    forms = _tool_forms(taxonomy)
    lines = text.split("\n")
    taken = {h.line for h in hits}
    found: list[Hit] = []
    start = 0
    for number, line in enumerate(lines, start=1):
        bullet = BULLET.match(line.lstrip())
        if bullet and number not in taken and sections[number - 1] in ("required", "preferred"):
            body = line.lstrip()[bullet.end() :]
            name = _END.sub("", body)
            if name in forms:
                at = start + line.index(body)
                found.append(
                    Hit(forms[name], at, at + len(name), name, number, None, "exact", 0.8,
                        "alone on an item of the requirements")
                )  # fmt: skip
        start += len(line) + 1
    return found


def _tool_forms(taxonomy: Taxonomy) -> dict[str, str]:
    """Each tool's ambiguous forms, as written, to its skill id."""
    tools = {c.id for c in taxonomy.categories.values() if c.kind == "tool"}
    return {
        form: skill.id
        for skill in taxonomy.skills.values()
        if skill.category in tools
        for form in skill.ambiguous
    }

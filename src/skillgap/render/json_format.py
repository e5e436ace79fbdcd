"""JSON: one object for one input, a list for several."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from skillgap.records import Record
from skillgap.render import RenderOptions


def render(records: Sequence[Record], options: RenderOptions) -> str:
    """One object indented by two spaces, as ``json.dumps(..., indent=2)`` writes it; a list of
    them for several inputs."""
    return join_objects([record.model_dump_json(indent=2) + "\n" for record in records])


def render_lines(records: Sequence[Record], options: RenderOptions) -> str:
    """JSON Lines: one compact object per input."""
    return "".join(record.model_dump_json() + "\n" for record in records)


def join_objects(rendered: Sequence[str]) -> str:
    """Records rendered one by one, as one JSON list: the text ``json.dumps`` gives the list."""
    if len(rendered) == 1:
        return rendered[0]
    items = ",\n".join(textwrap.indent(text.rstrip("\n"), "  ") for text in rendered)
    return f"[\n{items}\n]\n"

"""JSON: one object for one input, a list for several."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from skillgap.records import Record
from skillgap.render import RenderOptions

#: What opens and closes a list of records; each record in it is a :func:`list_item`.
LIST_START, LIST_END = "[\n", "\n]\n"


def render(records: Sequence[Record], options: RenderOptions) -> str:
    """One object indented by two spaces, as ``json.dumps(..., indent=2)`` writes it; a list of
    them for several inputs."""
    texts = [record.model_dump_json(indent=2) + "\n" for record in records]
    if len(texts) == 1:
        return texts[0]
    return LIST_START + "".join(list_item(text, i) for i, text in enumerate(texts)) + LIST_END


def render_lines(records: Sequence[Record], options: RenderOptions) -> str:
    """JSON Lines: one compact object per input."""
    return "".join(record.model_dump_json() + "\n" for record in records)


def list_item(rendered: str, index: int) -> str:
    """A record rendered on its own, as item ``index`` of a JSON list: a batch writes the list
    item by item (the text ``json.dumps`` gives the list), never holding all of it."""
    return ("" if index == 0 else ",\n") + textwrap.indent(rendered.rstrip("\n"), "  ")

"""JSON: one object for one input, a list for several."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from typing import Any

from skillgap.records import Failure, Record
from skillgap.render import RenderOptions


def record_to_json(record: Record) -> dict[str, Any]:
    if isinstance(record, Failure):
        return record.to_json()
    return record.model_dump(mode="json")


def render(records: Sequence[Record], options: RenderOptions) -> str:
    payload: Any = [record_to_json(r) for r in records]
    if len(payload) == 1:
        payload = payload[0]
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def render_lines(records: Sequence[Record], options: RenderOptions) -> str:
    """JSON Lines: one compact object per input."""
    return "".join(json.dumps(record_to_json(r), ensure_ascii=False) + "\n" for r in records)


def join_objects(rendered: Sequence[str]) -> str:
    """Records rendered one by one, as one JSON list: the same text ``render`` gives a list."""
    if len(rendered) == 1:
        return rendered[0]
    items = ",\n".join(textwrap.indent(text.rstrip("\n"), "  ") for text in rendered)
    return f"[\n{items}\n]\n"

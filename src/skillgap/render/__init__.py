"""Output formats: one renderer per format behind one interface.

A renderer takes the records of a run (analysed reports and failures, in input order) and
returns the text to write. :data:`RENDERERS` names the renderer of every :class:`OutputFormat`
member (a test renders a report in each); only the module of the one a run uses is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from skillgap.records import Record


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    github = "github"


@dataclass(frozen=True)
class RenderOptions:
    """What a renderer may need to know about where its text goes."""

    width: int = 80
    color: bool = False


Renderer = Callable[[Sequence[Record], RenderOptions], str]


#: The module in ``skillgap.render`` and the function that render each format.
RENDERERS: dict[OutputFormat, tuple[str, str]] = {
    OutputFormat.table: ("table", "render"),
    OutputFormat.json: ("json_format", "render"),
    OutputFormat.jsonl: ("json_format", "render_lines"),
    OutputFormat.markdown: ("markdown", "render"),
    OutputFormat.github: ("github", "render"),
}


def renderer_for(output_format: OutputFormat) -> Renderer:
    from importlib import import_module

    module, function = RENDERERS[output_format]
    renderer: Renderer = getattr(import_module(f"skillgap.render.{module}"), function)
    return renderer

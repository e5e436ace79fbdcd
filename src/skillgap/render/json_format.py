"""JSON and JSON Lines, for any items: a list is framed here, item by item, never held whole."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from skillgap.render.base import Renderer

T = TypeVar("T")


class JsonRecord(Protocol):
    """A record that writes its own JSON (reports and failures, with pydantic's serializer)."""

    def model_dump_json(self, *, indent: int | None = None) -> str: ...


def record_json(record: JsonRecord) -> str:
    return record.model_dump_json(indent=2)


def record_json_line(record: JsonRecord) -> str:
    return record.model_dump_json()


def payload_json(payload: Callable[[T], Any]) -> Callable[[T], str]:
    """The JSON of ``payload(item)``, indented by two spaces, as ``json.dumps`` writes it."""
    return lambda item: json.dumps(payload(item), indent=2)


def payload_json_line(payload: Callable[[T], Any]) -> Callable[[T], str]:
    return lambda item: json.dumps(payload(item))


class JsonRenderer(Renderer[T]):
    """One JSON value per item, indented by two spaces; with ``as_list``, a list of them.

    ``dump`` gives an item's JSON indented by two spaces, without a final newline. The list is
    written item by item and reads as the text ``json.dumps(items, indent=2)`` gives (tested):
    ``[`` comes with the first item, since an empty list is ``[]``.
    """

    def __init__(self, dump: Callable[[T], str], *, as_list: bool) -> None:
        self.dump = dump
        self.as_list = as_list
        self.written = 0

    def text(self, item: T) -> str:
        return self.dump(item)

    def place(self, text: str) -> str:
        if not self.as_list:
            return text + "\n"
        opening = ",\n" if self.written else "[\n"
        self.written += 1
        return opening + textwrap.indent(text, "  ")

    def end(self) -> str:
        if not self.as_list:
            return ""
        return "\n]\n" if self.written else "[]\n"


class JsonLinesRenderer(Renderer[T]):
    """JSON Lines: one compact JSON value per item and line; ``dump`` writes it."""

    def __init__(self, dump: Callable[[T], str]) -> None:
        self.dump = dump

    def text(self, item: T) -> str:
        return self.dump(item) + "\n"

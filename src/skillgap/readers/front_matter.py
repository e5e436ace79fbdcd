"""Front matter: YAML between ``---`` lines or TOML between ``+++`` lines atop a page.

Author pages of Hugo Academic (Wowchemy, HugoBlox) and some Jekyll CV pages keep the whole CV
there (education, skills, work, interests, bio); it is read as a YAML resume is. Front matter
of page metadata only (title, layout, permalink) is not content and is dropped, as front
matter that does not parse is. Nothing is ever shown raw.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

import yaml
from frontmatter.default_handlers import BaseHandler, YAMLHandler

from skillgap.limits import TextBudget
from skillgap.readers.structured import (
    LIBYAML_MAX_DEPTH,
    front_matter_to_text,
    yaml_lines_fallback,
    yaml_nesting,
)


class TomlHandler(BaseHandler):
    """python-frontmatter's own TOML handler needs the ``toml`` package; this one uses the
    standard library's parser."""

    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)

    def load(self, fm: str, **kwargs: object) -> Any:
        return tomllib.loads(fm)


def split(source: str, budget: TextBudget | None = None) -> tuple[str, str]:
    """The text of the front matter of ``source`` when it holds resume content, else an empty
    string; and the rest of the page."""
    handler: BaseHandler = YAMLHandler() if source.startswith("---") else TomlHandler()
    if not handler.detect(source):
        return "", source
    try:
        head, body = handler.split(source)
    except ValueError:  # no closing line: not front matter
        return "", source
    # python-frontmatter loads YAML with libyaml's loader, which would crash on deep nesting:
    # PyYAML's own loader takes that, and stops at Python's recursion limit.
    deep = isinstance(handler, YAMLHandler) and yaml_nesting(head)[0] > LIBYAML_MAX_DEPTH
    try:
        data = yaml.load(head, Loader=yaml.SafeLoader) if deep else handler.load(head)
    except yaml.MarkedYAMLError as error:
        start = _valid_start(head, error, budget)
        return (start + "\n", body) if start else ("", body)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, RecursionError, ValueError):
        return "", body
    text = front_matter_to_text(data, budget)
    return (text + "\n", body) if text else ("", body)


def _valid_start(head: str, error: yaml.MarkedYAMLError, budget: TextBudget | None) -> str:
    """YAML front matter that parses up to a line and not past it, most often an author page
    whose bio paragraphs were typed inside the block below the keys: the keys up to that line
    read as YAML, and the lines from there on as the YAML reader reads malformed YAML (values
    without their keys). Only when those keys hold resume content; else nothing."""
    marks = [mark.line for mark in (error.context_mark, error.problem_mark) if mark is not None]
    lines = head.splitlines()
    cut = min(marks, default=0)
    if cut == 0:
        return ""
    try:
        data = yaml.load("\n".join(lines[:cut]), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError, ValueError):
        return ""
    text = front_matter_to_text(data, budget)
    return text + yaml_lines_fallback("\n".join(lines[cut:])) if text else ""

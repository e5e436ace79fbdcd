"""Front matter: YAML between ``---`` lines or TOML between ``+++`` lines atop a page.

Author pages of Hugo Academic (Wowchemy, HugoBlox) and some Jekyll CV pages keep the whole CV
there (education, skills, work, interests, bio); it is read as a YAML resume is. Front matter
of page metadata only (title, layout, permalink) is not content and is dropped. YAML front
matter that does not parse is read line by line when it holds resume content (keys dropped,
values kept), else dropped. Nothing is ever shown raw.
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
    front_matter_lines,
    front_matter_to_text,
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
    yaml_handler = isinstance(handler, YAMLHandler)
    deep = yaml_handler and yaml_nesting(head)[0] > LIBYAML_MAX_DEPTH
    try:
        data = yaml.load(head, Loader=yaml.SafeLoader) if deep else handler.load(head)
    except tomllib.TOMLDecodeError:  # a ValueError: caught first
        return "", body
    except (yaml.YAMLError, RecursionError, ValueError):
        # Nesting hundreds deep is no author page: only a shallow block is read line by line.
        lines = front_matter_lines(head, budget) if yaml_handler and not deep else None
        return (lines, body) if lines else ("", body)
    text = front_matter_to_text(data, budget)
    return (text + "\n", body) if text else ("", body)

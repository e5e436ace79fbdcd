"""Reading skillgap's TOML data files (the taxonomy, roles files, the section data): every
problem is a :class:`~skillgap.errors.TaxonomyError` that names the file."""

from __future__ import annotations

import tomllib
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from skillgap.errors import TaxonomyError

#: The advice templates beside the skills (``skills/tips.toml``, read by
#: :mod:`skillgap.advice`): data of the taxonomy's folder that holds no skills.
TIPS_FILE = "tips.toml"


def read_toml(source: Traversable | Path, label: str) -> dict[str, Any]:
    """The TOML of a data file; ``label`` names it in errors."""
    try:
        return parse_toml(source.read_text(encoding="utf-8"), label)
    except OSError as error:
        raise TaxonomyError(f"{label}: cannot read: {error.strerror}") from None


def parse_toml(text: str, label: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TaxonomyError(f"{label}: not valid TOML: {error}") from None


def validation_message(error: ValidationError) -> str:
    """The first problem pydantic found, where it is first: ``tip: String should have...``."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else first["msg"]

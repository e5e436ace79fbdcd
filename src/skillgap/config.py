"""CI defaults from ``.skillgap.toml`` or ``[tool.skillgap]`` in ``pyproject.toml``.

The nearest file from the working directory upward wins; in one folder ``.skillgap.toml``
wins over ``pyproject.toml``. Keys mirror the command-line flags; flags override them.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from skillgap.errors import UsageError

CONFIG_FILE = ".skillgap.toml"


class Config(BaseModel):
    """The keys a config may set, named as the flags are (without the dashes)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    roles: list[str] | None = None
    format: Literal["table", "json", "jsonl", "markdown", "github"] | None = None
    fail_under: float | None = Field(default=None, alias="fail-under", ge=0, le=100)
    fail_under_category: dict[str, float] | None = Field(default=None, alias="fail-under-category")
    require: list[str] | None = None
    roles_file: list[str] | None = Field(default=None, alias="roles-file")
    max_bytes: int | None = Field(default=None, alias="max-bytes", gt=0)
    max_pages: int | None = Field(default=None, alias="max-pages", gt=0)
    max_chars: int | None = Field(default=None, alias="max-chars", gt=0)
    timeout: float | None = Field(default=None, ge=0)


class LoadedConfig(BaseModel):
    model_config = ConfigDict(frozen=True)

    path: Path | None
    values: Config


def find_config(start: Path) -> Path | None:
    """The config file that applies in ``start``: the nearest one upward."""
    for folder in [start, *start.parents]:
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # someone else's broken pyproject is not ours to report
    return isinstance(data.get("tool"), dict) and "skillgap" in data["tool"]


def load_config(path: Path | None) -> LoadedConfig:
    """Read and validate a config file; errors name the file and the key."""
    if path is None:
        return LoadedConfig(path=None, values=Config())
    try:
        data: Any = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read the config: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{path}: not valid TOML: {error}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("skillgap", {})
    for key in ("roles", "require", "roles-file"):
        if isinstance(data.get(key), str):
            data[key] = [part.strip() for part in data[key].split(",") if part.strip()]
    try:
        values = Config.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or "(file)"
        where = "[tool.skillgap] " if path.name == "pyproject.toml" else ""
        raise UsageError(f"{path}: {where}key {key!r}: {first['msg']}") from None
    return LoadedConfig(path=path, values=values)

"""The settings of ``analyze``: its flags over CI defaults from a config file over defaults.

The config is ``.skillgap.toml`` or ``[tool.skillgap]`` in ``pyproject.toml``: the nearest file
from the working directory upward wins; in one folder ``.skillgap.toml`` wins over
``pyproject.toml``. Keys mirror the command-line flags; flags override them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from skillgap.checks import Thresholds, parse_category_thresholds
from skillgap.errors import UsageError
from skillgap.limits import DEFAULT_LIMITS, Limits
from skillgap.render.base import OutputFormat

CONFIG_FILE = ".skillgap.toml"
#: The environment variable that may hold the password of encrypted PDFs.
PASSWORD_VARIABLE = "SKILLGAP_PDF_PASSWORD"

T = TypeVar("T")


class Config(BaseModel):
    """The keys a config may set, named as the flags are (without the dashes)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    roles: list[str] | None = None
    format: OutputFormat | None = None
    fail_under: float | None = Field(default=None, alias="fail-under", ge=0, le=100)
    fail_under_category: dict[str, float] | None = Field(default=None, alias="fail-under-category")
    require: list[str] | None = None
    roles_file: list[str] | None = Field(default=None, alias="roles-file")
    max_bytes: int | None = Field(default=None, alias="max-bytes", gt=0)
    max_pages: int | None = Field(default=None, alias="max-pages", gt=0)
    max_chars: int | None = Field(default=None, alias="max-chars", gt=0)
    timeout: float | None = Field(default=None, ge=0)
    max_memory: int | None = Field(default=None, alias="max-memory", ge=0)


class LoadedConfig(BaseModel):
    """A config's values and the file they come from (None: no config file applies)."""

    model_config = ConfigDict(frozen=True)

    path: Path | None
    values: Config


def find_config(start: Path) -> Path | None:
    """The config file that applies in ``start``: the nearest one upward, up to the root of
    the repository (a folder holding ``.git``) or the home folder, whichever comes first; a
    file above those belongs to someone else's project, or to no project."""
    home = _home()
    for folder in [start, *start.parents]:
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
        if (folder / ".git").exists() or folder.resolve() == home:
            return None
    return None


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except (RuntimeError, OSError):  # no HOME and no password entry
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


@dataclass(frozen=True)
class Flags:
    """The options of ``analyze`` as given on the command line: None or empty where not given.

    Options that take ids (``roles``, ``require``) may also hold comma-separated lists.
    """

    roles: Sequence[str] = ()
    output_format: OutputFormat | None = None
    output: Path | None = None
    fail_under: float | None = None
    fail_under_category: Sequence[str] = ()
    """``CATEGORY=N`` values."""
    require: Sequence[str] = ()
    roles_files: Sequence[Path] = ()
    max_bytes: int | None = None
    max_pages: int | None = None
    max_chars: int | None = None
    timeout: float | None = None
    max_memory: int | None = None
    jobs: int | None = None
    config: Path | None = None
    job_posting: str | None = None
    password: str | None = None


@dataclass(frozen=True)
class Settings:
    """Every option of ``analyze``, resolved by :func:`resolve_settings`."""

    roles: tuple[str, ...] | None = None
    """Role ids to score; None: every role (only the posting's with ``job_posting``)."""
    output_format: OutputFormat = OutputFormat.table
    output: Path | None = None
    """The file the report is written to; None: standard output."""
    thresholds: Thresholds = field(default_factory=Thresholds)
    limits: Limits = DEFAULT_LIMITS
    roles_files: tuple[Path, ...] = ()
    jobs: int | None = None
    """Worker processes for a batch; None: one per core, one for a single input."""
    config: Path | None = None
    """The config file read, if any."""
    job_posting: str | None = None
    """A job posting to score against (a path, or ``-`` for standard input)."""
    password: str | None = None

    def files_read(self) -> list[Path | str]:
        """The files a run reads besides its resumes: posting, roles files and config."""
        posting = [self.job_posting] if self.job_posting not in (None, "-") else []
        config = [self.config] if self.config is not None else []
        return [*posting, *self.roles_files, *config]


#: What applies when neither a flag nor the config sets an option.
DEFAULTS = Settings()


def load_settings(flags: Flags, cwd: Path) -> Settings:
    """The settings for a run in ``cwd``: the config given with ``--config``, else the one
    that applies in ``cwd``. Raises UsageError naming the config file when it is invalid."""
    config = load_config(flags.config if flags.config is not None else find_config(cwd))
    return resolve_settings(flags, config, DEFAULTS)


def resolve_settings(flags: Flags, config: LoadedConfig, defaults: Settings) -> Settings:
    """Each option from its flag, else from the config, else from ``defaults``: the one place
    where they meet. Roles files named in a config are relative to its folder. Raises
    UsageError for a malformed ``--fail-under-category``."""
    values = config.values
    folder = config.path.parent if config.path is not None else Path.cwd()
    if flags.fail_under_category:
        categories = parse_category_thresholds(flags.fail_under_category)
    elif values.fail_under_category is not None:
        categories = dict(values.fail_under_category)
    else:
        categories = dict(defaults.thresholds.categories)
    limits = defaults.limits
    roles = _ids(flags.roles) or tuple(values.roles or ()) or defaults.roles
    if flags.job_posting and roles and "job" in roles:  # the posting's role, as reports name it
        roles = tuple(r for r in roles if r != "job") or None
    return Settings(
        roles=roles,
        output_format=_pick(flags.output_format, values.format, defaults.output_format),
        output=_pick(flags.output, None, defaults.output),
        thresholds=Thresholds(
            fail_under=_pick(flags.fail_under, values.fail_under, defaults.thresholds.fail_under),
            categories=categories,
            require=_ids(flags.require)
            or tuple(values.require or ())
            or defaults.thresholds.require,
        ),
        limits=Limits(
            max_bytes=_pick(flags.max_bytes, values.max_bytes, limits.max_bytes),
            max_pages=_pick(flags.max_pages, values.max_pages, limits.max_pages),
            max_chars=_pick(flags.max_chars, values.max_chars, limits.max_chars),
            timeout=_pick(flags.timeout, values.timeout, limits.timeout),
            max_memory=_pick(flags.max_memory, values.max_memory, limits.max_memory),
        ),
        roles_files=(
            tuple(flags.roles_files)
            or tuple(folder / name for name in values.roles_file or ())
            or defaults.roles_files
        ),
        jobs=_pick(flags.jobs, None, defaults.jobs),
        config=config.path,
        job_posting=_pick(flags.job_posting, None, defaults.job_posting),
        password=_pick(flags.password, None, defaults.password),
    )


def pdf_password(
    password: str | None, password_file: Path | None, environ: Mapping[str, str]
) -> str | None:
    """The password of encrypted PDFs: ``--password``, else the first line of
    ``--password-file``, else ``SKILLGAP_PDF_PASSWORD``. Raises UsageError when both flags
    are given or the file cannot be read."""
    if password is not None and password_file is not None:
        raise UsageError("give --password or --password-file, not both")
    if password_file is not None:
        try:
            with password_file.open(encoding="utf-8") as file:
                return file.readline(_LONGEST_PASSWORD).rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
            raise UsageError(f"{password_file}: cannot read the password file: {reason}") from None
    return password if password is not None else environ.get(PASSWORD_VARIABLE) or None


#: Characters of a password file read at most: a password, not whatever the file holds.
_LONGEST_PASSWORD = 4096


def _pick(flag: T | None, configured: T | None, default: T) -> T:
    if flag is not None:
        return flag
    return configured if configured is not None else default


def _ids(values: Sequence[str]) -> tuple[str, ...]:
    """Ids from repeated and comma-separated values: ``["mle,rs"]`` -> ``("mle", "rs")``."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())

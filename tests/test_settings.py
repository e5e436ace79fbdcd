"""Settings of analyze: flags over the config file over the defaults, resolved in one place."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillgap.checks import Thresholds
from skillgap.cli import app
from skillgap.config import DEFAULTS, Config, Flags, LoadedConfig, Settings, resolve_settings
from skillgap.errors import ExitCode, UsageError
from skillgap.limits import DEFAULT_LIMITS, Limits
from skillgap.render.base import OutputFormat

from .helpers import EXAMPLES

CONFIG = LoadedConfig(
    path=Path("/ci/.skillgap.toml"),
    values=Config.model_validate(
        {
            "roles": ["rs"],
            "format": "markdown",
            "fail-under": 60,
            "fail-under-category": {"cloud": 50},
            "require": ["python"],
            "roles-file": ["roles/mine.toml"],
            "max-pages": 10,
            "timeout": 5,
        }
    ),
)
NO_CONFIG = LoadedConfig(path=None, values=Config())


def test_without_flags_or_config_the_defaults_apply() -> None:
    assert resolve_settings(Flags(), NO_CONFIG, DEFAULTS) == Settings()
    assert DEFAULTS.output_format is OutputFormat.table and DEFAULTS.limits == DEFAULT_LIMITS


def test_the_config_fills_what_no_flag_sets() -> None:
    settings = resolve_settings(Flags(max_chars=500), CONFIG, DEFAULTS)
    assert settings == Settings(
        roles=("rs",),
        output_format=OutputFormat.markdown,
        thresholds=Thresholds(fail_under=60, categories={"cloud": 50}, require=("python",)),
        limits=Limits(max_pages=10, max_chars=500, timeout=5),
        roles_files=(Path("/ci/roles/mine.toml"),),  # relative to the config's folder
        config=Path("/ci/.skillgap.toml"),
    )


def test_flags_win_over_the_config() -> None:
    flags = Flags(
        roles=["mle,rs", "job"],
        output_format=OutputFormat.json,
        output=Path("out.json"),
        fail_under=0,
        fail_under_category=["research=70"],
        require=["go"],
        roles_files=[Path("other.toml")],
        max_pages=3,
        timeout=0,
        jobs=2,
        job_posting="-",
        password="secret",
    )
    settings = resolve_settings(flags, CONFIG, DEFAULTS)
    assert settings == Settings(
        roles=("mle", "rs"),  # with a posting, "job" is its role, scored anyway
        output_format=OutputFormat.json,
        output=Path("out.json"),
        thresholds=Thresholds(fail_under=0, categories={"research": 70}, require=("go",)),
        limits=Limits(max_pages=3, timeout=0),
        roles_files=(Path("other.toml"),),
        jobs=2,
        config=Path("/ci/.skillgap.toml"),
        job_posting="-",
        password="secret",
    )


def test_other_defaults_can_be_given() -> None:
    defaults = Settings(output_format=OutputFormat.jsonl, limits=Limits(max_bytes=10))
    settings = resolve_settings(Flags(), NO_CONFIG, defaults)
    assert settings.output_format is OutputFormat.jsonl and settings.limits.max_bytes == 10


def test_a_malformed_category_flag_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="CATEGORY=N"):
        resolve_settings(Flags(fail_under_category=["cloud"]), NO_CONFIG, DEFAULTS)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("timeout = -1\n", "key 'timeout'"),
        ("max-pages = 'ten'\n", "key 'max-pages'"),
        ("format = 'github-actions'\n", "key 'format'"),
        ("roles = 3\n", "key 'roles'"),
        ("[tool]\n", "key 'tool'"),
    ],
)
def test_a_config_error_is_one_line_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, message: str
) -> None:
    config = tmp_path / "ci.toml"
    config.write_text(content)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["analyze", str(EXAMPLES / "mle-resume.txt"), "--config",
                                      str(config)])  # fmt: skip
    assert result.exit_code == ExitCode.USAGE and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"skillgap: error: {config}: ") and message in line


def test_a_missing_config_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    result = CliRunner().invoke(
        app, ["analyze", str(EXAMPLES / "mle-resume.txt"), "--config", str(missing)]
    )
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith(f"skillgap: error: {missing}: cannot read the config")


def test_roles_files_from_the_config_are_relative_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "roles").mkdir()
    roles_file = EXAMPLES / "roles" / "data-scientist.toml"
    (tmp_path / "roles" / "ds.toml").write_text(roles_file.read_text())
    (tmp_path / ".skillgap.toml").write_text('roles-file = "roles/ds.toml"\nformat = "jsonl"\n')
    nested = tmp_path / "cv"
    nested.mkdir()
    monkeypatch.chdir(nested)
    result = CliRunner().invoke(app, ["analyze", str(EXAMPLES / "mle-resume.txt")])
    assert result.exit_code == ExitCode.OK, result.stderr
    assert '"id":"data-scientist"' in result.stdout

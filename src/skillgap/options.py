"""The command line's arguments and options, each declared once, and how its help reads.

Every option names its value in help (``FILE``, ``N``, ``SECONDS``), and :class:`Command`
shows arguments by their metavar, so that help never shows Python types (``<list[str]>``).
Kept free of heavy imports: ``--help`` reads only this.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from skillgap.render.base import OutputFormat
from skillgap.render.formats import FORMATS


class Command(TyperCommand):
    """Help as users read it: arguments by their metavar (``RESUME...``), without the type
    labels Typer adds to them (``<list[str]>``)."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        arguments = [p for p in self.get_params(ctx) if p.param_type_name == "argument"]
        return pieces + [_argument_name(argument) for argument in arguments]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        sections: dict[str, list[tuple[str, str]]] = {"Arguments": [], "Options": []}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                sections["Arguments"].append((_argument_name(param), record[1]))
            else:
                sections["Options"].append(record)
        for title, rows in sections.items():
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


#: Click's usage error, as the click that Typer uses defines it (recent Typer releases carry a
#: click of their own, whose errors are not the ``click`` package's).
ClickUsageError: type[Any] = next(
    kind for kind in typer.BadParameter.__mro__ if kind.__name__ == "UsageError"
)


class UsageError(ClickUsageError):  # type: ignore[misc]
    """A usage error as one line, like every other error of skillgap, with where to find
    help: click prints the usage, a hint and the error on four lines."""

    def show(self, file: Any = None) -> None:
        path = self.ctx.command_path if self.ctx is not None else "skillgap"
        # pydantic's "Value error, " before a validator's own words says nothing to a user.
        message = self.format_message().replace("Value error, ", "")
        typer.echo(f"skillgap: error: {message} (see '{path} --help')", file=file, err=True)

    @classmethod
    def of(cls, error: Any) -> Any:
        return error if isinstance(error, cls) else cls(error.format_message(), error.ctx)


class OneLineUsage:
    """A command (or group) whose own usage errors are one line (:class:`UsageError`)."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)  # type: ignore[misc]
        except ClickUsageError as error:
            raise UsageError.of(error) from None


def _argument_name(param: Any) -> str:
    return str(param.metavar or param.name.upper())


def format_option(command: str) -> Any:
    """``--format`` of a command: every command parses every format, and refuses (exit 2) those
    it cannot write; its help lists those it can (``FORMATS``)."""
    default, *others = FORMATS[command]
    return typer.Option(
        "--format", "-f", metavar="FORMAT", case_sensitive=False, show_default=False,
        help=f"Output format: {default} (default), {', '.join(others)}.",
    )  # fmt: skip


Resumes = Annotated[
    list[str],
    typer.Argument(
        metavar="RESUME...",
        help="Resume files (PDF, DOCX, text, Markdown, LaTeX, JSON Resume, YAML, HTML), "
        "directories (searched recursively), glob patterns, or - for standard input.",
    ),
]
Resume = Annotated[
    str, typer.Argument(metavar="RESUME", help="A resume file, or - for standard input.")
]
ResumesToRank = Annotated[
    list[str], typer.Argument(metavar="RESUME...", help="Resumes, folders or patterns.")
]
RoleId = Annotated[str, typer.Argument(metavar="ROLE", help="A role id, e.g. mle or rs.")]
TaxonomyFiles = Annotated[
    list[Path], typer.Argument(metavar="FILE...", help="Roles or skills files.")
]
ReportFormat = Annotated[OutputFormat | None, format_option("analyze")]
RankingFormat = Annotated[OutputFormat, format_option("compare")]
RolesFormat = Annotated[OutputFormat, format_option("roles")]
SkillsFormat = Annotated[OutputFormat, format_option("skills")]
Roles = Annotated[
    list[str] | None,
    typer.Option(
        "--role",
        "-r",
        metavar="ID",
        help="Role id(s) to score, e.g. mle or rs (default: the default roles, mle and rs).",
    ),
]
RankFor = Annotated[
    str | None, typer.Option("--role", "-r", metavar="ID", help="The role to rank for.")
]
RankForJob = Annotated[
    str | None,
    typer.Option("--job", metavar="POSTING", help="Rank for this job posting instead."),
]
Output = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="FILE",
        help="Write the report to this file, replacing it only when the report is complete.",
    ),
]  # fmt: skip
FailUnder = Annotated[
    float | None,
    typer.Option("--fail-under", metavar="N", help="Exit 1 if a role scores under N."),
]
FailUnderCategory = Annotated[
    list[str] | None,
    typer.Option(
        "--fail-under-category", metavar="CATEGORY=N",
        help="Exit 1 if a category of a role scores under N (repeatable).",
    ),
]  # fmt: skip
Require = Annotated[
    list[str] | None,
    typer.Option("--require", metavar="ID[,ID...]", help="Exit 1 unless these skills are found."),
]
Password = Annotated[
    str | None,
    typer.Option(
        "--password", metavar="TEXT",
        help="Password of an encrypted PDF (seen by other users in the process list: prefer "
        "--password-file or SKILLGAP_PDF_PASSWORD).",
    ),
]  # fmt: skip
PasswordFile = Annotated[
    Path | None,
    typer.Option(
        "--password-file", metavar="FILE", help="Read the PDF password from the first line of FILE."
    ),
]
MaxBytes = Annotated[
    int | None,
    typer.Option("--max-bytes", min=1, metavar="BYTES", help="Largest file read, in bytes."),
]
MaxPages = Annotated[
    int | None, typer.Option("--max-pages", min=1, metavar="N", help="Most PDF pages read.")
]
MaxChars = Annotated[
    int | None,
    typer.Option("--max-chars", min=1, metavar="N", help="Most characters of text analysed."),
]
Timeout = Annotated[
    float | None,
    typer.Option(
        "--timeout", min=0, metavar="SECONDS", help="Seconds one input may take (0: no limit)."
    ),
]
MaxMemory = Annotated[
    int | None,
    typer.Option(
        "--max-memory", min=0, metavar="MIB",
        help="Memory one input may use, in MiB, beyond the analyser's own (0: no limit).",
    ),
]  # fmt: skip
JobPosting = Annotated[
    str | None,
    typer.Option(
        "--job", metavar="POSTING",
        help="A job posting (text, Markdown, PDF, DOCX, or -) to score against, as role "
        "'job'; alone, it replaces the built-in roles.",
    ),
]  # fmt: skip
RolesFiles = Annotated[
    list[Path] | None,
    typer.Option(
        "--roles-file", metavar="FILE",
        help="Add or replace roles and skills from a TOML file (repeatable).",
    ),
]  # fmt: skip
Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        metavar="N",
        help="Worker processes for a batch (default: the cores).",
    ),
]
Details = Annotated[
    bool,
    typer.Option(
        "--details", help="Table: every skill found with its evidence, not only the names."
    ),
]
Config = Annotated[
    Path | None,
    typer.Option(
        "--config", metavar="FILE",
        help="Config file (default: the nearest .skillgap.toml or pyproject.toml "
        "[tool.skillgap] upward from here).",
    ),
]  # fmt: skip

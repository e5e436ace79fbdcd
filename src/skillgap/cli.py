"""The command line: thin Typer wrappers over the core, which never prints or exits.

Only this module turns errors into one line on stderr and an exit code (see ``ExitCode``).
Every command with ``--format`` writes through the renderer ``skillgap.render.formats`` picks,
or refuses the format (exit 2). Heavy modules are imported inside the commands so that
``--help`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from skillgap import __version__
from skillgap.errors import ExitCode, SkillgapError
from skillgap.inputs import STDIN
from skillgap.limits import DEFAULT_LIMITS, Limits
from skillgap.render.base import OutputFormat, Renderer

if TYPE_CHECKING:
    from skillgap.batch import Outcome
    from skillgap.config import LoadedConfig
    from skillgap.taxonomy import Role, Taxonomy

app = typer.Typer(
    name="skillgap",
    help="How well does a resume cover a Machine Learning Engineer or Research Scientist role?",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)

T = TypeVar("T")


def _fail(message: str, code: ExitCode) -> NoReturn:
    typer.echo(f"skillgap: error: {message}", err=True)
    raise typer.Exit(int(code)) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"skillgap {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """skillgap reads a resume (PDF, text, Markdown, LaTeX) and reports, per role, the skills
    found with their evidence and the gaps with tips for closing them.

    Exit codes: 0 analysed, 1 a threshold failed, 2 usage error, 3 an input could not be read.
    """


def _role_ids(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _taxonomy(roles_files: list[Path] | None = None) -> Taxonomy:
    """The built-in taxonomy, extended by user roles files; raises TaxonomyError."""
    from skillgap.taxonomy import extend_taxonomy, load_taxonomy

    taxonomy = load_taxonomy()
    return extend_taxonomy(taxonomy, roles_files) if roles_files else taxonomy


@contextmanager
def _reported() -> Iterator[None]:
    """Errors of the core as one line on stderr, and their exit code."""
    try:
        yield
    except SkillgapError as error:
        _fail(str(error), error.exit_code)


def _write_stream(renderer: Renderer[T], items: Iterable[T]) -> None:
    from skillgap.render.base import stream

    for text in stream(renderer, items):
        _write(text, None)


def _taxonomy_or_fail(roles_files: list[Path] | None) -> Taxonomy:
    try:
        return _taxonomy(roles_files)
    except SkillgapError as error:
        _fail(str(error), error.exit_code)


def _roles_files(flags: list[Path] | None, loaded: LoadedConfig) -> list[Path]:
    """Roles files from the flags, else from the config (relative to the config's folder)."""
    if flags:
        return flags
    folder = loaded.path.parent if loaded.path is not None else Path.cwd()
    return [folder / name for name in loaded.values.roles_file or []]


def _read_job(posting: str | None, taxonomy: Taxonomy, limits: Limits) -> Role | None:
    """The posting given with --job, as a role; raises InputError when it cannot be read."""
    if posting is None:
        return None
    from skillgap.analysis import read_job

    if posting == STDIN:
        return read_job(sys.stdin.buffer.read(limits.max_bytes + 1), name="<stdin posting>",
                        taxonomy=taxonomy, limits=limits)  # fmt: skip
    return read_job(posting, taxonomy=taxonomy, limits=limits)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        with output.open("a", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as error:
        _fail(f"cannot write {output}: {error.strerror}", ExitCode.USAGE)


JobsOption = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Worker processes for a batch (default: the cores)."),
]
RoleOption = Annotated[
    list[str] | None,
    typer.Option(
        "--role", "-r", metavar="ID", help="Role id(s) to score, e.g. mle or rs (default: all)."
    ),
]
FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
RolesFileOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--roles-file", metavar="FILE",
        help="Add or replace roles and skills from a TOML file (repeatable).",
    ),
]  # fmt: skip
OptionalFormat = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format", "-f", case_sensitive=False,
        help="Output format: table (default), json, jsonl, markdown, github.",
    ),
]  # fmt: skip


@app.command()
def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="RESUME",
            help="Resume files (PDF, DOCX, text, Markdown, LaTeX, JSON Resume, YAML, HTML), "
            "directories (searched recursively), glob patterns, or - for standard input.",
        ),
    ],
    role: RoleOption = None,
    output_format: OptionalFormat = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the report to this file."),
    ] = None,
    fail_under: Annotated[
        float | None,
        typer.Option("--fail-under", metavar="N", help="Exit 1 if a role scores under N."),
    ] = None,
    fail_under_category: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-under-category",
            metavar="CATEGORY=N",
            help="Exit 1 if a category of a role scores under N (repeatable).",
        ),
    ] = None,
    require: Annotated[
        list[str] | None,
        typer.Option(
            "--require", metavar="ID[,ID...]", help="Exit 1 unless these skills are found."
        ),
    ] = None,
    password: Annotated[
        str | None,
        typer.Option("--password", metavar="TEXT", help="Password of an encrypted PDF."),
    ] = None,
    max_bytes: Annotated[
        int | None, typer.Option("--max-bytes", min=1, help="Largest file read, in bytes.")
    ] = None,
    max_pages: Annotated[
        int | None, typer.Option("--max-pages", min=1, help="Most PDF pages read.")
    ] = None,
    max_chars: Annotated[
        int | None, typer.Option("--max-chars", min=1, help="Most characters of text analysed.")
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option("--timeout", min=0, help="Seconds one input may take (0: no limit)."),
    ] = None,
    job_posting: Annotated[
        str | None,
        typer.Option(
            "--job",
            metavar="POSTING",
            help="A job posting (text, Markdown, PDF, DOCX, or -) to score against, as role "
            "'job'; alone, it replaces the built-in roles.",
        ),
    ] = None,
    roles_file: Annotated[
        list[Path] | None,
        typer.Option(
            "--roles-file",
            metavar="FILE",
            help="Add or replace roles and skills from a TOML file (repeatable).",
        ),
    ] = None,
    jobs: JobsOption = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar="FILE",
            help="Config file (default: the nearest .skillgap.toml or pyproject.toml "
            "[tool.skillgap] upward from here).",
        ),
    ] = None,
) -> None:
    """Score resumes against roles: skills found with evidence, gaps with tips.

    Limits default to 20 MiB, 200 pages, 1,000,000 characters and 60 seconds per input.
    """
    from skillgap.batch import Job, default_jobs, process_all
    from skillgap.checks import Thresholds, parse_category_thresholds
    from skillgap.config import find_config, load_config
    from skillgap.inputs import expand_inputs
    from skillgap.render.base import RenderOptions
    from skillgap.render.formats import report_renderer

    try:
        loaded = load_config(config if config is not None else find_config(Path.cwd()))
        settings = loaded.values
        taxonomy = _taxonomy(_roles_files(roles_file, loaded))
        roles = _role_ids(role) or settings.roles
        for role_id in roles or []:
            taxonomy.role(role_id)
        thresholds = Thresholds(
            fail_under=_first(fail_under, settings.fail_under),
            categories=(
                parse_category_thresholds(fail_under_category)
                if fail_under_category
                else dict(settings.fail_under_category or {})
            ),
            require=_role_ids(require) or settings.require or (),
        )
        thresholds.validate(taxonomy)
    except SkillgapError as error:
        _fail(str(error), error.exit_code)
    fmt = output_format or OutputFormat(settings.format or "table")
    limits = Limits(
        max_bytes=_first(max_bytes, settings.max_bytes, DEFAULT_LIMITS.max_bytes),
        max_pages=_first(max_pages, settings.max_pages, DEFAULT_LIMITS.max_pages),
        max_chars=_first(max_chars, settings.max_chars, DEFAULT_LIMITS.max_chars),
        timeout=_first(timeout, settings.timeout, DEFAULT_LIMITS.timeout),
    )
    inputs = expand_inputs(paths)
    if job_posting == STDIN and STDIN in inputs:
        _fail("standard input can hold the resumes or the posting, not both", ExitCode.USAGE)
    try:
        job_role = _read_job(job_posting, taxonomy, limits)
    except SkillgapError as error:
        _fail(str(error), error.exit_code)
    if output is not None:
        _truncate(output)
    to_terminal = output is None and sys.stdout.isatty()
    stdin = sys.stdin.buffer.read(limits.max_bytes + 1) if STDIN in inputs else None
    options = RenderOptions(width=_width() if to_terminal else 80, color=to_terminal)
    renderer = report_renderer(fmt, options, inputs=len(inputs))
    job = Job(
        taxonomy=taxonomy,
        roles=roles,
        password=password,
        limits=limits,
        thresholds=thresholds,
        renderer=renderer,
        stdin=stdin,
        job_role=job_role,
    )
    workers = jobs if jobs is not None else default_jobs(len(inputs))
    failures, failed_checks = _write_outcomes(
        process_all(inputs, job, jobs=workers),
        renderer,
        lambda text: _write(text, output),
        total=len(inputs),
    )
    if failures:
        raise typer.Exit(int(ExitCode.INPUT_ERROR))
    if failed_checks:
        raise typer.Exit(int(ExitCode.THRESHOLD_FAILED))


def _write_outcomes(
    outcomes: Iterable[Outcome], renderer: Renderer[Any], write: Callable[[str], None],
    *, total: int,
) -> tuple[int, int]:  # fmt: skip
    """Each outcome's record placed in the stream, its errors and failed thresholds on stderr;
    returns how many inputs failed and how many thresholds."""
    failures = failed_checks = 0
    write(renderer.begin())
    with _progress(total) as advance:
        for outcome in outcomes:
            advance()
            for message in outcome.failed_checks:
                typer.echo(f"skillgap: {outcome.path}: threshold failed: {message}", err=True)
            failed_checks += len(outcome.failed_checks)
            if outcome.failure is not None:
                failures += 1
                typer.echo(f"skillgap: error: {outcome.failure.message}", err=True)
            write(renderer.place(outcome.rendered))
    write(renderer.end())
    return failures, failed_checks


def _first(*values: Any) -> Any:
    """The first value that is set: a flag, then the config, then the default."""
    return next((value for value in values if value is not None), None)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr for batches, only when stderr is a terminal."""
    if total < 2 or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Analysing", total=total)
        yield lambda: progress.advance(task)


def _truncate(output: Path) -> None:
    try:
        output.write_text("", encoding="utf-8")
    except OSError as error:
        _fail(f"cannot write {output}: {error.strerror}", ExitCode.USAGE)


def _width() -> int:
    import shutil

    return max(60, min(120, shutil.get_terminal_size((80, 24)).columns))


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="A resume file, or - for standard input.")],
    password: Annotated[
        str | None, typer.Option("--password", help="Password of an encrypted PDF.")
    ] = None,
) -> None:
    """Print the text skillgap reads from a resume, to check extraction."""
    from skillgap.analysis import assess_quality
    from skillgap.readers import read_bytes, read_document

    try:
        if path == STDIN:
            document = read_bytes(sys.stdin.buffer.read(), "<stdin>", password=password)
        else:
            document = read_document(path, password=password)
    except SkillgapError as error:
        _fail(str(error), error.exit_code)
    for warning in assess_quality(document.text).warnings:
        typer.echo(f"skillgap: warning: {warning}", err=True)
    _write(document.text, None)


@app.command()
def roles(
    output_format: FormatOption = OutputFormat.table,
    roles_file: RolesFileOption = None,
) -> None:
    """List the roles: built in, and from --roles-file."""
    from skillgap.catalog import role_summaries
    from skillgap.render.formats import roles_renderer

    with _reported():
        renderer = roles_renderer(output_format)
        summaries = role_summaries(_taxonomy(roles_file))
    _write_stream(renderer, summaries)


@app.command()
def skills(
    role_id: Annotated[str, typer.Argument(metavar="ROLE", help="A role id, e.g. mle or rs.")],
    output_format: FormatOption = OutputFormat.table,
    roles_file: RolesFileOption = None,
) -> None:
    """Show a role's requirements and the skills that meet each of them."""
    from skillgap.catalog import role_skills
    from skillgap.render.formats import skills_renderer

    with _reported():
        renderer = skills_renderer(output_format)
        sheet = role_skills(_taxonomy(roles_file), role_id)
    _write_stream(renderer, [sheet])


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(metavar="FILE", help="Roles or skills files.")],
) -> None:
    """Check roles and skills files as --roles-file would read them (exit 2 when invalid)."""
    taxonomy = _taxonomy_or_fail(files)
    from skillgap.taxonomy import load_taxonomy

    builtin = load_taxonomy()
    new_roles = sorted(set(taxonomy.roles) - set(builtin.roles))
    new_skills = len(set(taxonomy.skills) - set(builtin.skills))
    typer.echo(
        f"ok: {len(taxonomy.roles)} roles ({len(new_roles)} new: {', '.join(new_roles) or '-'}), "
        f"{len(taxonomy.skills)} skills ({new_skills} new)"
    )


@app.command()
def compare(
    paths: Annotated[
        list[str], typer.Argument(metavar="RESUME", help="Resumes, folders or patterns.")
    ],
    role: Annotated[
        str | None, typer.Option("--role", "-r", metavar="ID", help="The role to rank for.")
    ] = None,
    job_posting: Annotated[
        str | None,
        typer.Option("--job", metavar="POSTING", help="Rank for this job posting instead."),
    ] = None,
    output_format: FormatOption = OutputFormat.table,
    roles_file: RolesFileOption = None,
    jobs: JobsOption = None,
) -> None:
    """Rank resumes for one role or one job posting, best first."""
    from skillgap.batch import Job, default_jobs, in_order
    from skillgap.inputs import expand_inputs
    from skillgap.ranking import entry, rank
    from skillgap.render.formats import ranking_renderer

    if (role is None) == (job_posting is None):
        _fail("compare needs exactly one of --role ID or --job POSTING", ExitCode.USAGE)
    with _reported():
        renderer = ranking_renderer(output_format, role_id=role or "job")
        taxonomy = _taxonomy(roles_file)
        if role is not None:
            taxonomy.role(role)
        job_role = _read_job(job_posting, taxonomy, DEFAULT_LIMITS)
    job = Job(taxonomy=taxonomy, roles=[role] if role else None, job_role=job_role)
    inputs = expand_inputs(paths)
    workers = jobs if jobs is not None else default_jobs(len(inputs))
    ranking = rank(in_order(entry, inputs, job, jobs=workers), role or "job")
    for failure in ranking.failures:
        typer.echo(f"skillgap: error: {failure.message}", err=True)
    _write_stream(renderer, ranking.items())
    if ranking.failures:
        raise typer.Exit(int(ExitCode.INPUT_ERROR))


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the JSON report."""
    from importlib.resources import files

    _write(files("skillgap").joinpath("report.schema.json").read_text(encoding="utf-8"), None)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="skillgap")

"""The command line: thin Typer wrappers over the core, which never prints or exits.

Only this module turns errors into one line on stderr and an exit code (see ``ExitCode``).
Every command with ``--format`` writes through the renderer ``skillgap.render.formats`` picks,
or refuses the format (exit 2). Heavy modules are imported inside the commands so that
``--help`` stays fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from skillgap import __version__, options
from skillgap.errors import ExitCode, SkillgapError, UsageError
from skillgap.inputs import STDIN
from skillgap.limits import DEFAULT_LIMITS
from skillgap.render.base import OutputFormat, Renderer, RenderOptions, color_wanted, stream

if TYPE_CHECKING:
    from skillgap.batch import Outcome
    from skillgap.limits import Limits
    from skillgap.readers import Document
    from skillgap.taxonomy import Role, Taxonomy

T = TypeVar("T")


app = typer.Typer(
    name="skillgap",
    help="How well does a resume cover a Machine Learning Engineer or Research Scientist role?",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


def _fail(message: str, code: ExitCode) -> NoReturn:
    typer.echo(f"skillgap: error: {message}", err=True)
    raise typer.Exit(int(code)) from None


@contextmanager
def _reported() -> Iterator[None]:
    """Errors of the core as one line on stderr, and their exit code."""
    try:
        yield
    except SkillgapError as error:
        _fail(str(error), error.exit_code)


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

    Exit codes: 0 analysed, 1 a threshold failed, 2 usage error, 3 an input could not be
    read, 130 and 143 interrupted (Ctrl-C, SIGTERM).
    """


def _taxonomy(roles_files: Iterable[Path] | None) -> Taxonomy:
    """The built-in taxonomy, extended by user roles files; raises TaxonomyError."""
    from skillgap.taxonomy import extend_taxonomy, load_taxonomy

    taxonomy = load_taxonomy()
    files = list(roles_files or ())
    return extend_taxonomy(taxonomy, files) if files else taxonomy


def _read_job(posting: str | None, taxonomy: Taxonomy, limits: Limits) -> Role | None:
    """The posting given with --job, as a role, read in a worker under ``limits``; raises
    InputError when it cannot be read."""
    if posting is None:
        return None
    from skillgap.analysis import read_job
    from skillgap.batch import in_a_worker
    from skillgap.matching import matcher_for

    matcher_for(taxonomy)  # built once, here, for this worker and those of the resumes
    if posting == STDIN:
        data = sys.stdin.buffer.read(limits.max_bytes + 1)
        return in_a_worker(lambda _: read_job(data, name="<stdin posting>", taxonomy=taxonomy,
                                              limits=limits), posting, limits)  # fmt: skip
    return in_a_worker(lambda path: read_job(path, taxonomy=taxonomy, limits=limits), posting,
                       limits)  # fmt: skip


@contextmanager
def _output(path: Path | None) -> Iterator[Callable[[str], None]]:
    """A writer to standard output, or to the file ``path``, emptied first (even when nothing
    is then written to it)."""
    if path is None:

        def write_stdout(text: str) -> None:
            sys.stdout.write(text)
            sys.stdout.flush()

        yield write_stdout
        return
    try:
        stream = path.open("w", encoding="utf-8")
    except OSError as error:
        _fail(f"cannot write {path}: {error.strerror}", ExitCode.USAGE)

    def write_file(text: str) -> None:
        try:
            stream.write(text)
        except OSError as error:
            _fail(f"cannot write {path}: {error.strerror}", ExitCode.USAGE)

    with stream:
        yield write_file


def _write_stream(renderer: Renderer[T], items: Iterable[T]) -> None:
    with _output(None) as write:
        for text in stream(renderer, items):
            write(text)


def _render_options(output: Path | None) -> RenderOptions:
    """Colour and the terminal's width when writing to a terminal (see ``color_wanted``)."""
    to_terminal = output is None and _stdout_is_terminal()
    return RenderOptions(
        width=_width() if to_terminal else 80, color=color_wanted(to_terminal, os.environ)
    )


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def _width() -> int:
    import shutil

    return max(60, min(120, shutil.get_terminal_size((80, 24)).columns))


@app.command(cls=options.Command)
def analyze(
    paths: options.Resumes,
    role: options.Roles = None,
    output_format: options.ReportFormat = None,
    output: options.Output = None,
    fail_under: options.FailUnder = None,
    fail_under_category: options.FailUnderCategory = None,
    require: options.Require = None,
    password: options.Password = None,
    max_bytes: options.MaxBytes = None,
    max_pages: options.MaxPages = None,
    max_chars: options.MaxChars = None,
    timeout: options.Timeout = None,
    max_memory: options.MaxMemory = None,
    job_posting: options.JobPosting = None,
    roles_file: options.RolesFiles = None,
    jobs: options.Jobs = None,
    config: options.Config = None,
) -> None:
    """Score resumes against roles: skills found with evidence, gaps with tips.

    Limits default to 20 MiB, 200 pages, 1,000,000 characters and 60 seconds per input.
    """
    from skillgap.batch import Job, default_jobs, process_all
    from skillgap.config import Flags, load_settings
    from skillgap.inputs import expand_inputs
    from skillgap.render.formats import report_renderer

    flags = Flags(
        roles=role or (), output_format=output_format, output=output, fail_under=fail_under,
        fail_under_category=fail_under_category or (), require=require or (),
        roles_files=roles_file or (), max_bytes=max_bytes, max_pages=max_pages,
        max_chars=max_chars, timeout=timeout, max_memory=max_memory, jobs=jobs, config=config,
        job_posting=job_posting, password=password,
    )  # fmt: skip
    with _reported():
        settings = load_settings(flags, Path.cwd())
        taxonomy = _taxonomy(settings.roles_files)
        for role_id in settings.roles or ():
            taxonomy.role(role_id)
        settings.thresholds.validate(taxonomy)
        inputs = expand_inputs(paths)
        if settings.job_posting == STDIN and STDIN in inputs:
            raise UsageError("standard input can hold the resumes or the posting, not both")
        job_role = _read_job(settings.job_posting, taxonomy, settings.limits)
        renderer = report_renderer(
            settings.output_format, _render_options(settings.output), inputs=len(inputs)
        )
    with _output(settings.output) as write:
        stdin = sys.stdin.buffer.read(settings.limits.max_bytes + 1) if STDIN in inputs else None
        job = Job(
            taxonomy=taxonomy, roles=settings.roles, password=settings.password,
            limits=settings.limits, thresholds=settings.thresholds, renderer=renderer,
            stdin=stdin, job_role=job_role,
        )  # fmt: skip
        workers = settings.jobs if settings.jobs is not None else default_jobs(len(inputs))
        failures, failed_checks = _write_outcomes(
            process_all(inputs, job, jobs=workers), renderer, write, total=len(inputs)
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


@app.command(cls=options.Command)
def extract(
    path: options.Resume,
    password: options.Password = None,
    max_bytes: options.MaxBytes = None,
    max_pages: options.MaxPages = None,
    max_chars: options.MaxChars = None,
    timeout: options.Timeout = None,
    max_memory: options.MaxMemory = None,
) -> None:
    """Print the text skillgap reads from a resume, to check extraction."""
    from dataclasses import replace

    from skillgap.analysis import assess_quality
    from skillgap.batch import in_a_worker
    from skillgap.readers import read_bytes, read_document

    given: dict[str, Any] = {"max_bytes": max_bytes, "max_pages": max_pages,
        "max_chars": max_chars, "timeout": timeout, "max_memory": max_memory}  # fmt: skip
    limits = replace(DEFAULT_LIMITS, **{name: v for name, v in given.items() if v is not None})
    stdin = sys.stdin.buffer.read(limits.max_bytes + 1) if path == STDIN else None

    def read(name: str) -> Document:
        if stdin is not None:
            return read_bytes(stdin, "<stdin>", password=password, limits=limits)
        return read_document(name, password=password, limits=limits)

    with _reported():
        document = in_a_worker(read, path, limits)
    for warning in assess_quality(document.text, document.warnings).warnings:
        typer.echo(f"skillgap: warning: {warning}", err=True)
    with _output(None) as write:
        write(document.text)


@app.command(cls=options.Command)
def roles(
    output_format: options.RolesFormat = OutputFormat.table,
    roles_file: options.RolesFiles = None,
) -> None:
    """List the roles: built in, and from --roles-file."""
    from skillgap.catalog import role_summaries
    from skillgap.render.formats import roles_renderer

    with _reported():
        renderer = roles_renderer(output_format)
        summaries = role_summaries(_taxonomy(roles_file))
    _write_stream(renderer, summaries)


@app.command(cls=options.Command)
def skills(
    role_id: options.RoleId,
    output_format: options.SkillsFormat = OutputFormat.table,
    roles_file: options.RolesFiles = None,
) -> None:
    """Show a role's requirements and the skills that meet each of them."""
    from skillgap.catalog import role_skills
    from skillgap.render.formats import skills_renderer

    with _reported():
        renderer = skills_renderer(output_format)
        sheet = role_skills(_taxonomy(roles_file), role_id)
    _write_stream(renderer, [sheet])


@app.command(cls=options.Command)
def validate(
    files: options.TaxonomyFiles,
) -> None:
    """Check roles and skills files as --roles-file would read them (exit 2 when invalid)."""
    from skillgap.taxonomy import load_taxonomy

    with _reported():
        taxonomy = _taxonomy(files)
    builtin = load_taxonomy()
    new_roles = sorted(set(taxonomy.roles) - set(builtin.roles))
    new_skills = len(set(taxonomy.skills) - set(builtin.skills))
    typer.echo(
        f"ok: {len(taxonomy.roles)} roles ({len(new_roles)} new: {', '.join(new_roles) or '-'}), "
        f"{len(taxonomy.skills)} skills ({new_skills} new)"
    )


@app.command(cls=options.Command)
def compare(
    paths: options.ResumesToRank,
    role: options.RankFor = None,
    job_posting: options.RankForJob = None,
    output_format: options.RankingFormat = OutputFormat.table,
    roles_file: options.RolesFiles = None,
    jobs: options.Jobs = None,
) -> None:
    """Rank resumes for one role or one job posting, best first."""
    from skillgap.batch import Job, default_jobs, in_order
    from skillgap.inputs import expand_inputs
    from skillgap.ranking import entry, lost_entry, rank
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
    ranking = rank(in_order(entry, inputs, job, jobs=workers, lost=lost_entry), role or "job")
    for failure in ranking.failures:
        typer.echo(f"skillgap: error: {failure.message}", err=True)
    _write_stream(renderer, ranking.items())
    if ranking.failures:
        raise typer.Exit(int(ExitCode.INPUT_ERROR))


@app.command(cls=options.Command)
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the JSON report."""
    from importlib.resources import files

    with _output(None) as write:
        write(files("skillgap").joinpath("report.schema.json").read_text(encoding="utf-8"))


def main() -> None:
    """Console-script entry point."""
    _stop_quietly_on_signals()
    app(prog_name="skillgap")


def _stop_quietly_on_signals() -> None:
    """Ctrl-C and SIGTERM (what kill, docker stop and systemd send) end a run alike: its
    workers stopped, no traceback, exit 128 + the signal's number (130, 143)."""
    import signal

    def stop(signum: int, frame: object) -> None:
        code = ExitCode.INTERRUPTED if signum == signal.SIGINT else ExitCode.TERMINATED
        raise SystemExit(int(code))

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)

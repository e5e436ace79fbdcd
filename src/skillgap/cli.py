"""The command line: thin Typer wrappers over the core, which never prints or exits.

Only this module turns errors into one line on stderr and an exit code (see ``ExitCode``).
Every command with ``--format`` writes through the renderer ``skillgap.render.formats`` picks,
or refuses the format (exit 2). Heavy modules are imported inside the commands so that
``--help`` stays fast.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from typer.core import TyperGroup

from skillgap import __version__, options
from skillgap.errors import ExitCode, SkillgapError, UsageError
from skillgap.inputs import STDIN
from skillgap.output import OutputClosed, write_stdout
from skillgap.render.base import (
    OutputFormat,
    Renderer,
    RenderOptions,
    color_wanted,
    printable,
    stream,
)

if TYPE_CHECKING:
    from skillgap.batch import Outcome
    from skillgap.limits import Limits
    from skillgap.readers import Document
    from skillgap.taxonomy import Role, Taxonomy

T = TypeVar("T")


class _Commands(options.OneLineUsage, TyperGroup):
    """Every command ends quietly, without a traceback, on Ctrl-C (exit 130) and when whoever
    reads its output has gone (``| head``: exit 141, as the shell reports for tools that die
    of SIGPIPE; standard error too, with ``2>&1``). A report file being written is left as it
    was."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except options.ClickUsageError as error:
            raise options.UsageError.of(error) from None
        except KeyboardInterrupt:
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except (OutputClosed, BrokenPipeError):
            _discard_output()
            raise typer.Exit(int(ExitCode.OUTPUT_CLOSED)) from None


def _discard_output() -> None:
    """Point standard output and error at /dev/null, so that flushing them at exit raises
    nothing more."""
    for standard in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # not a real file (tests capture it): nothing to do
            os.dup2(os.open(os.devnull, os.O_WRONLY), standard.fileno())


app = typer.Typer(
    name="skillgap",
    cls=_Commands,
    help="How well does a resume cover a Machine Learning Engineer or Research Scientist role?",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


def _fail(message: str, code: ExitCode) -> NoReturn:
    typer.echo(f"skillgap: error: {printable(message)}", err=True)
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

    Exit codes: 0 analysed, 1 a threshold failed, 2 usage error, 3 an input could not be read
    (or none was found), 4 the report could not be written, 130 and 143 interrupted (Ctrl-C,
    SIGTERM), 141 the output was closed.
    """


def _taxonomy(roles_files: Iterable[Path] | None) -> Taxonomy:
    """The built-in taxonomy, extended by user roles files; raises TaxonomyError."""
    from skillgap.taxonomy import extend_taxonomy, load_taxonomy

    taxonomy = load_taxonomy()
    files = list(roles_files or ())
    return extend_taxonomy(taxonomy, files) if files else taxonomy


def _read_job(posting: str | None, taxonomy: Taxonomy, limits: Limits) -> Role | None:
    """The posting given with --job, as a role; raises InputError when it cannot be read."""
    if posting is None:
        return None
    from skillgap.batch import read_job_in_a_worker

    data = sys.stdin.buffer.read(limits.max_bytes + 1) if posting == STDIN else None
    return read_job_in_a_worker(posting, data, taxonomy=taxonomy, limits=limits)


def _write_stream(renderer: Renderer[T], items: Iterable[T]) -> None:
    for text in stream(renderer, items):
        write_stdout(text)


def _report_unfound(arguments: Iterable[str]) -> int:
    """Folders and patterns in which no resume was found, one error line each."""
    unfound = list(arguments)
    for argument in unfound:
        typer.echo(
            f"skillgap: error: {argument}: no resume found (a PDF, DOCX, text, Markdown, "
            "LaTeX, JSON, YAML or HTML file)",
            err=True,
        )
    return len(unfound)


def _render_options(output: Path | None, *, details: bool = False) -> RenderOptions:
    """Colour and the terminal's width when writing to a terminal (see ``color_wanted``)."""
    to_terminal = output is None and _stdout_is_terminal()
    return RenderOptions(
        width=_width() if to_terminal else 80,
        color=color_wanted(to_terminal, os.environ),
        details=details,
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
    password_file: options.PasswordFile = None,
    max_bytes: options.MaxBytes = None,
    max_pages: options.MaxPages = None,
    max_chars: options.MaxChars = None,
    timeout: options.Timeout = None,
    max_memory: options.MaxMemory = None,
    job_posting: options.JobPosting = None,
    roles_file: options.RolesFiles = None,
    jobs: options.Jobs = None,
    config: options.Config = None,
    details: options.Details = False,
) -> None:
    """Score resumes against roles: skills found with evidence, gaps with tips.

    Limits default to 20 MiB, 200 pages, 1,000,000 characters and 60 seconds per input.
    """
    from skillgap.batch import Job, default_jobs, process_all
    from skillgap.config import Flags, load_settings, pdf_password
    from skillgap.inputs import expand_inputs
    from skillgap.output import open_output, refuse_inputs_as_output
    from skillgap.render.formats import report_renderer

    with _reported():
        flags = Flags(
            roles=role or (), output_format=output_format, output=output,
            fail_under=fail_under, fail_under_category=fail_under_category or (),
            require=require or (), roles_files=roles_file or (), max_bytes=max_bytes,
            max_pages=max_pages, max_chars=max_chars, timeout=timeout, max_memory=max_memory,
            jobs=jobs, config=config, job_posting=job_posting,
            password=pdf_password(password, password_file, os.environ),
        )  # fmt: skip
        settings = load_settings(flags, Path.cwd())
        target = settings.output
        inputs = expand_inputs(paths)
        if target is not None:
            refuse_inputs_as_output(target, [*inputs.paths, *settings.files_read()])
        taxonomy = _taxonomy(settings.roles_files)
        for role_id in settings.roles or ():
            taxonomy.role(role_id)
        if settings.job_posting == STDIN and STDIN in inputs.paths:
            raise UsageError("standard input can hold the resumes or the posting, not both")
        job_role = _read_job(settings.job_posting, taxonomy, settings.limits)
        settings.thresholds.validate(taxonomy, taxonomy.scored_roles(settings.roles, job_role))
        config_used = os.path.relpath(settings.config) if settings.config else None
        renderer = report_renderer(
            settings.output_format, _render_options(target, details=details),
            inputs=len(inputs.paths), config=config_used,
        )  # fmt: skip
        unfound = _report_unfound(inputs.without_resumes)
        with open_output(target) as out:
            read_stdin = STDIN in inputs.paths
            stdin = sys.stdin.buffer.read(settings.limits.max_bytes + 1) if read_stdin else None
            job = Job(
                taxonomy=taxonomy, roles=settings.roles, password=settings.password,
                limits=settings.limits, thresholds=settings.thresholds, renderer=renderer,
                stdin=stdin, job_role=job_role,
            )  # fmt: skip
            total = len(inputs.paths)
            workers = settings.jobs if settings.jobs is not None else default_jobs(total)
            failures, failed_checks = _write_outcomes(
                process_all(inputs.paths, job, jobs=workers), renderer, out.write, total=total
            )
            if failures < total:  # a report with nothing analysed replaces no file
                out.commit()
            elif target is not None:
                typer.echo(f"skillgap: {target} not written: no input was analysed", err=True)
    if failures or unfound:
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
                line = f"skillgap: {outcome.path}: threshold failed: {message}"
                typer.echo(printable(line), err=True)
            failed_checks += len(outcome.failed_checks)
            if outcome.failure is not None:
                failures += 1
                typer.echo(f"skillgap: error: {printable(outcome.failure.message)}", err=True)
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
    password_file: options.PasswordFile = None,
    max_bytes: options.MaxBytes = None,
    max_pages: options.MaxPages = None,
    max_chars: options.MaxChars = None,
    timeout: options.Timeout = None,
    max_memory: options.MaxMemory = None,
) -> None:
    """Print the text skillgap reads from a resume, to check extraction."""
    from skillgap.analysis import assess_quality
    from skillgap.batch import in_a_worker
    from skillgap.config import Flags, load_settings, pdf_password
    from skillgap.readers import read_bytes, read_document

    def read(name: str) -> Document:
        if stdin is not None:
            return read_bytes(stdin, "<stdin>", password=password, limits=limits)
        return read_document(name, password=password, limits=limits)

    with _reported():
        # The same limits as analyze: each flag, else the config that applies here.
        flags = Flags(max_bytes=max_bytes, max_pages=max_pages, max_chars=max_chars,
                      timeout=timeout, max_memory=max_memory)  # fmt: skip
        limits = load_settings(flags, Path.cwd()).limits
        stdin = sys.stdin.buffer.read(limits.max_bytes + 1) if path == STDIN else None
        password = pdf_password(password, password_file, os.environ)
        document = in_a_worker(read, path, limits)
    for warning in assess_quality(document.text, document.warnings).warnings:
        typer.echo(f"skillgap: warning: {warning}", err=True)
    write_stdout(document.text)


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
    from skillgap.config import Flags, load_settings
    from skillgap.inputs import expand_inputs
    from skillgap.ranking import entry, lost_entry, rank
    from skillgap.render.formats import ranking_renderer

    if (role is None) == (job_posting is None):
        _fail("compare needs exactly one of --role ID or --job POSTING", ExitCode.USAGE)
    with _reported():
        taxonomy = _taxonomy(roles_file)
        name = taxonomy.role(role).name if role is not None else "Job posting"
        renderer = ranking_renderer(output_format, role_id=role or "job", role_name=name)
        limits = load_settings(Flags(), Path.cwd()).limits  # the config's limits, as analyze
        job_role = _read_job(job_posting, taxonomy, limits)
    job = Job(taxonomy=taxonomy, roles=[role] if role else None, job_role=job_role, limits=limits)
    inputs = expand_inputs(paths)
    unfound = _report_unfound(inputs.without_resumes)
    workers = jobs if jobs is not None else default_jobs(len(inputs.paths))
    ranking = rank(in_order(entry, inputs.paths, job, jobs=workers, lost=lost_entry), role or "job")
    for failure in ranking.failures:
        typer.echo(f"skillgap: error: {printable(failure.message)}", err=True)
    _write_stream(renderer, ranking.items())
    if ranking.failures or unfound:
        raise typer.Exit(int(ExitCode.INPUT_ERROR))


@app.command(cls=options.Command)
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the JSON report."""
    from importlib.resources import files

    write_stdout(files("skillgap").joinpath("report.schema.json").read_text(encoding="utf-8"))


def main() -> None:
    """Console-script entry point."""
    _stop_quietly_on_signals()
    try:
        app(prog_name="skillgap")
    finally:
        # The process ends here: the collection at exit would walk everything it built (spaCy,
        # the matcher) only to free nothing.
        gc.freeze()


def _stop_quietly_on_signals() -> None:
    """Ctrl-C and SIGTERM (what kill, docker stop and systemd send) end a run alike: its
    workers stopped, no traceback, exit 128 + the signal's number (130, 143)."""
    import signal

    def stop(signum: int, frame: object) -> None:
        code = ExitCode.INTERRUPTED if signum == signal.SIGINT else ExitCode.TERMINATED
        raise SystemExit(int(code))

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)

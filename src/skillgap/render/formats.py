"""Which renderer writes each format, for each command that has ``--format``.

Every function maps every :class:`OutputFormat` member, checked by the type checker
(``assert_never``): a format a command cannot write is refused with a usage error (exit 2).
The renderer's module is imported only when chosen, so a run imports only what it writes
with (no Rich for JSON), and ``--help``, which reads :data:`FORMATS`, nothing heavy.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar, assert_never

from skillgap.errors import UsageError
from skillgap.render.base import OutputFormat, Renderer, RenderOptions

if TYPE_CHECKING:
    from skillgap.catalog import RoleSkills, RoleSummary
    from skillgap.records import Record
    from skillgap.render.ranking import RankingItem

T = TypeVar("T")

_LISTINGS = (OutputFormat.table, OutputFormat.json, OutputFormat.jsonl, OutputFormat.markdown)

#: The formats each command writes, the first its default.
FORMATS: Mapping[str, tuple[OutputFormat, ...]] = {
    "analyze": tuple(OutputFormat),
    "compare": (*_LISTINGS, OutputFormat.html),
    "roles": _LISTINGS,
    "skills": _LISTINGS,
}


def unsupported(command: str, output_format: OutputFormat) -> UsageError:
    known = ", ".join(FORMATS[command])
    return UsageError(f"--format {output_format} is not supported by '{command}' (use {known})")


def report_renderer(
    output_format: OutputFormat, options: RenderOptions, *, inputs: int, config: str | None = None
) -> Renderer[Record]:
    """The reports of ``inputs`` inputs (``analyze``): JSON is a list unless there is one.
    The headers of the table and of Markdown name the ``config`` file read, if any."""
    from skillgap.render import json_format

    match output_format:
        case OutputFormat.table:
            from skillgap.render.table import ReportTable

            return ReportTable(options, show_failures=inputs > 1, config=config)
        case OutputFormat.json:
            return json_format.JsonRenderer(json_format.record_json, as_list=inputs != 1)
        case OutputFormat.jsonl:
            return json_format.JsonLinesRenderer(json_format.record_json_line)
        case OutputFormat.markdown:
            from skillgap.render.markdown import ReportMarkdown

            return ReportMarkdown(config=config)
        case OutputFormat.github:
            from skillgap.render.github import ReportAnnotations

            return ReportAnnotations()
        case OutputFormat.html:
            from skillgap.render.html import ReportHtml

            return ReportHtml()
        case _:
            assert_never(output_format)


def ranking_renderer(
    output_format: OutputFormat, *, role_id: str, role_name: str | None = None
) -> Renderer[RankingItem]:
    """A ranking for one role (``compare``): JSON is always a list."""
    from skillgap.render import json_format, ranking

    payload = partial(ranking.ranking_json, role_id=role_id)
    match output_format:
        case OutputFormat.table:
            return ranking.RankingTable(role_id, role_name)
        case OutputFormat.json:
            return json_format.JsonRenderer(json_format.payload_json(payload), as_list=True)
        case OutputFormat.jsonl:
            return json_format.JsonLinesRenderer(json_format.payload_json_line(payload))
        case OutputFormat.markdown:
            return ranking.RankingMarkdown(role_id, role_name)
        case OutputFormat.html:
            from skillgap.render.html import RankingHtml

            return RankingHtml(role_id, role_name)
        case OutputFormat.github:
            raise unsupported("compare", output_format)
        case _:
            assert_never(output_format)


def roles_renderer(output_format: OutputFormat) -> Renderer[RoleSummary]:
    """The list of roles (``roles``): JSON is always a list."""
    from skillgap.catalog import RoleSummary
    from skillgap.render import catalog

    return _catalog_renderer(
        "roles", output_format, catalog.RolesTable, catalog.RolesMarkdown, RoleSummary.to_json,
        as_list=True,
    )  # fmt: skip


def skills_renderer(output_format: OutputFormat) -> Renderer[RoleSkills]:
    """One role's requirements and skills (``skills``): JSON is one object."""
    from skillgap.catalog import RoleSkills
    from skillgap.render import catalog

    return _catalog_renderer(
        "skills", output_format, catalog.SkillsTable, catalog.SkillsMarkdown, RoleSkills.to_json,
        as_list=False,
    )  # fmt: skip


def _catalog_renderer(
    command: str,
    output_format: OutputFormat,
    table: Callable[[], Renderer[T]],
    markdown: Callable[[], Renderer[T]],
    to_json: Callable[[T], dict[str, Any]],
    *,
    as_list: bool,
) -> Renderer[T]:
    """What ``roles`` and ``skills`` show, in each format but GitHub's."""
    from skillgap.render import json_format

    match output_format:
        case OutputFormat.table:
            return table()
        case OutputFormat.json:
            return json_format.JsonRenderer(json_format.payload_json(to_json), as_list=as_list)
        case OutputFormat.jsonl:
            return json_format.JsonLinesRenderer(json_format.payload_json_line(to_json))
        case OutputFormat.markdown:
            return markdown()
        case OutputFormat.github | OutputFormat.html:
            raise unsupported(command, output_format)
        case _:
            assert_never(output_format)

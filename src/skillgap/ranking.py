"""Ranking resumes for one role: who covers it best, and by what margin."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from skillgap.batch import Job, analyse_path
from skillgap.records import Failure
from skillgap.render import OutputFormat
from skillgap.report import RoleResult


@dataclass(frozen=True)
class Standing:
    """What a ranking shows of one resume's result for the role."""

    name: str
    score: float
    required_score: float
    preferred_score: float
    gaps: list[str]

    @classmethod
    def of(cls, role: RoleResult) -> Standing:
        return cls(role.name, role.score, role.required_score, role.preferred_score, role.gaps)


@dataclass(frozen=True)
class Ranked:
    rank: int
    path: str
    role: Standing


@dataclass(frozen=True)
class Ranking:
    role_id: str
    role_name: str
    ranked: list[Ranked]
    failures: list[Failure]


#: What ranking keeps of one input: its path and its standing, or its failure.
Entry = tuple[str, Standing] | Failure


def entry(path: str, job: Job) -> Entry:
    """Analyse one input for a ranking (in a worker process) and keep only its standing: a
    ranking of thousands of resumes holds no skills, evidence or requirements."""
    record = analyse_path(path, job)
    if isinstance(record, Failure):
        return record
    return record.input.path, Standing.of(record.roles[0])


def rank(entries: Iterable[Entry], role_id: str) -> Ranking:
    """Resumes ordered by their score for the role, best first; ties keep input order."""
    scored: list[tuple[str, Standing]] = []
    failures: list[Failure] = []
    for item in entries:
        if isinstance(item, Failure):
            failures.append(item)
        else:
            scored.append(item)
    scored.sort(key=lambda item: -item[1].score)
    ranked = [Ranked(rank=i, path=path, role=role) for i, (path, role) in enumerate(scored, 1)]
    name = ranked[0].role.name if ranked else role_id
    return Ranking(role_id=role_id, role_name=name, ranked=ranked, failures=failures)


def render_ranking(ranking: Ranking, output_format: OutputFormat) -> str:
    if output_format in {OutputFormat.json, OutputFormat.jsonl}:
        rows = [
            {
                "rank": item.rank,
                "path": item.path,
                "role": ranking.role_id,
                "score": item.role.score,
                "required_score": item.role.required_score,
                "preferred_score": item.role.preferred_score,
                "gaps": item.role.gaps,
            }
            for item in ranking.ranked
        ] + [failure.to_json() for failure in ranking.failures]
        if output_format is OutputFormat.jsonl:
            return "".join(json.dumps(row) + "\n" for row in rows)
        return json.dumps(rows, indent=2) + "\n"
    if output_format is OutputFormat.markdown:
        lines = [
            f"## Ranking for {ranking.role_name} (`{ranking.role_id}`)",
            "",
            "| Rank | Resume | Score | Required | Preferred | Gaps |",
            "| ---: | --- | ---: | ---: | ---: | ---: |",
        ]
        lines += [
            f"| {i.rank} | `{i.path}` | **{i.role.score:.0f}** | {i.role.required_score:.0f} "
            f"| {i.role.preferred_score:.0f} | {len(i.role.gaps)} |"
            for i in ranking.ranked
        ]
        return "\n".join(lines) + "\n"
    header = f"Ranking for {ranking.role_name} ({ranking.role_id})"
    lines = [header, f"{'rank':>4}  {'score':>5}  {'req':>3}  {'pref':>4}  {'gaps':>4}  resume"]
    lines += [
        f"{i.rank:>4}  {i.role.score:5.1f}  {i.role.required_score:3.0f}  "
        f"{i.role.preferred_score:4.0f}  {len(i.role.gaps):>4}  {i.path}"
        for i in ranking.ranked
    ]
    return "\n".join(lines) + "\n"
